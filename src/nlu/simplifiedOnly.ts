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

let big5Chars: ReadonlySet<string> | undefined;

/**
 * The characters of Big5 (lead bytes A1–F9: the standard set, without the Hong Kong extensions),
 * the character set of traditional Chinese in Taiwan and Hong Kong. opencc maps 台 → 臺, 里 → 裏,
 * 几 → 幾, but 台北, 公里 and 茶几 are written that way in traditional text too: a character
 * Big5 has is no evidence of simplified script. Decoding every code once takes a few ms.
 */
function big5Set(): ReadonlySet<string> {
  if (big5Chars) return big5Chars;
  const bytes: number[] = [];
  for (let lead = 0xa1; lead <= 0xf9; lead++) {
    for (let trail = 0x40; trail <= 0x7e; trail++) bytes.push(lead, trail);
    for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  }
  big5Chars = new Set(new TextDecoder('big5').decode(new Uint8Array(bytes)));
  return big5Chars;
}

/** Whether a character is written only in simplified Chinese (门, 时; not 我, 的, 門, nor 台 or 里, which traditional text uses too). */
export function isSimplifiedOnly(char: string): boolean {
  return simplifiedOnlySet().has(char) && !big5Set().has(char);
}
