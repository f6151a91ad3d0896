/** At most this many strings per pattern: a pattern of many optional groups is cut, not enumerated. */
const MAX_EXPANSIONS = 64;

/**
 * The literal phrasings a simple lexicon pattern stands for: "第(二|2)(家|个)" → 第二家, 第二个, 第2家,
 * 第2个; "快(要)?过期" → 快要过期, 快过期. Alternation, (?:…) groups and "?" are expanded; anything
 * else (".{0,6}", "\d", classes, lookarounds) becomes a space, which ends a word. Used to learn the
 * words pinyin is written with (pinyinReading.ts), so a lexicon phrase is a word there even when
 * its pattern spells it in pieces.
 */
export function expandPattern(pattern: string): string[] {
  const parser = { src: pattern, pos: 0 };
  return alternatives(parser).slice(0, MAX_EXPANSIONS);
}

interface Cursor {
  src: string;
  pos: number;
}

function alternatives(c: Cursor): string[] {
  const out: string[] = [...sequence(c)];
  while (c.src[c.pos] === '|') {
    c.pos++;
    out.push(...sequence(c));
    if (out.length > MAX_EXPANSIONS) break;
  }
  return out;
}

function sequence(c: Cursor): string[] {
  let acc = [''];
  while (c.pos < c.src.length && c.src[c.pos] !== '|' && c.src[c.pos] !== ')') {
    let atom = atomAt(c);
    const q = c.src[c.pos];
    if (q === '?') {
      c.pos++;
      atom = [...atom, ''];
    } else if (q === '*' || q === '+' || q === '{') {
      skipQuantifier(c);
      atom = [' '];
    }
    acc = acc.flatMap((a) => atom.map((b) => a + b)).slice(0, MAX_EXPANSIONS);
  }
  return acc;
}

function atomAt(c: Cursor): string[] {
  const ch = c.src[c.pos];
  if (ch === '(') {
    c.pos++;
    let skip = false;
    if (c.src[c.pos] === '?') {
      // (?:…) is a plain group; lookarounds say nothing literal.
      skip = c.src[c.pos + 1] !== ':';
      c.pos += c.src[c.pos + 1] === '<' ? 3 : 2;
    }
    const inner = alternatives(c);
    if (c.src[c.pos] === ')') c.pos++;
    return skip ? [' '] : inner;
  }
  if (ch === '[') {
    while (c.pos < c.src.length && c.src[c.pos] !== ']') c.pos += c.src[c.pos] === '\\' ? 2 : 1;
    c.pos++;
    return [' '];
  }
  c.pos += ch === '\\' ? 2 : 1;
  return ch === '\\' || ch === '.' || ch === '^' || ch === '$' ? [' '] : [ch];
}

function skipQuantifier(c: Cursor): void {
  if (c.src[c.pos] === '{') {
    while (c.pos < c.src.length && c.src[c.pos] !== '}') c.pos++;
  }
  c.pos++;
  if (c.src[c.pos] === '?') c.pos++;
}
