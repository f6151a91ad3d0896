import { Locale } from 'opencc-js';
import { dictEntries } from './openccDictionaries';

let simplifiedOnlyChars: ReadonlySet<string> | undefined;

/**
 * Characters that exist only in simplified writing: the single-character entries of opencc's
 * simplified-to-traditional tables that change the character (about 4,000). A full cn→tw
 * converter would tell the same per character but holds its ~50,000 phrases as a trie of some
 * 40 MB of heap that every major GC has to walk; counting characters needs none of that.
 */
function simplifiedOnlySet(): ReadonlySet<string> {
  if (simplifiedOnlyChars) return simplifiedOnlyChars;
  const chars = new Set<string>();
  for (const group of Locale.from.cn) for (const dict of group) for (const [from, to] of dictEntries(dict)) if ([...from].length === 1 && to !== from) chars.add(from);
  simplifiedOnlyChars = chars;
  return chars;
}

/** Whether a character is written only in simplified Chinese (门, 时; not 我, 的, 門). */
export function isSimplifiedOnly(char: string): boolean {
  return simplifiedOnlySet().has(char);
}
