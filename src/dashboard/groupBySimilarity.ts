/**
 * Groups short messages that say nearly the same thing ("信用卡额度怎么提", "信用卡额度如何提高"),
 * greedily: each message joins the first group whose first message shares enough character
 * bigrams with it (Jaccard ≥ threshold), else starts a group. Character bigrams work for Chinese
 * without a segmenter and for English with typos; the inbox is small (hundreds), so O(n·groups) is fine.
 */
export function bigrams(text: string): Set<string> {
  const t = text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
  const out = new Set<string>();
  const chars = [...t];
  if (chars.length === 1) out.add(chars[0]);
  for (let i = 0; i + 1 < chars.length; i += 1) out.add(chars[i] + chars[i + 1]);
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let both = 0;
  for (const x of a) if (b.has(x)) both += 1;
  return both / (a.size + b.size - both);
}

export function groupBySimilarity<T>(items: T[], textOf: (item: T) => string, threshold = 0.4): T[][] {
  const groups: Array<{ grams: Set<string>; items: T[] }> = [];
  for (const item of items) {
    const grams = bigrams(textOf(item));
    const home = groups.find((g) => jaccard(g.grams, grams) >= threshold);
    if (home) home.items.push(item);
    else groups.push({ grams, items: [item] });
  }
  return groups.map((g) => g.items).sort((a, b) => b.length - a.length);
}
