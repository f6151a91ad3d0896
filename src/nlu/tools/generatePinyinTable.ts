/**
 * `npx tsx src/nlu/tools/generatePinyinTable.ts`: regenerates `intents/nlu/normalization/pinyin.txt` from
 * `pinyin-pro` (a dev dependency). Why a generated table instead of calling pinyin-pro per message:
 * measured on this machine, requiring pinyin-pro takes ~290 ms and its `pinyin()` ~35 µs a message
 * (more than our whole classifier), and building a table from it at start ~1.5 s; the table file
 * (~80 KB) parses in a few ms and a lookup is one Map access per character.
 *
 * Format: one line per toneless syllable, `syllable<TAB>characters`, ü written `v` as pinyin typed
 * without an input method writes it. A polyphonic character (行: xing, hang) appears on every line
 * of its readings, at most MAX_READINGS of them, most common first.
 */
import { writeFileSync } from 'node:fs';
import { PINYIN_TABLE_FILE } from '../pinyinTable';

const MAX_READINGS = 3;
const RANGES: [number, number][] = [
  [0x4e00, 0x9fff], // CJK Unified Ideographs: every character in everyday use
  [0x3400, 0x4dbf], // Extension A: rare, but Cantonese writing uses a few (㗎, 㖭)
];

// Imported by name at run time so that type-checking the project never needs this dev-only
// package installed; its one function is checked before use.
const PINYIN_PRO: string = 'pinyin-pro';
type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array'; multiple: boolean }) => string[];

function hasPinyin(module: unknown): module is { pinyin: PinyinFn } {
  return typeof module === 'object' && module !== null && 'pinyin' in module && typeof module.pinyin === 'function';
}

async function main(): Promise<void> {
  const module: unknown = await import(PINYIN_PRO);
  if (!hasPinyin(module)) throw new Error(`${PINYIN_PRO} has no pinyin() function: run npm install first`);
  const { pinyin } = module;
  const bySyllable = new Map<string, string[]>();
  for (const [from, to] of RANGES) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCodePoint(code);
      const readings = [...new Set(pinyin(char, { toneType: 'none', type: 'array', multiple: true }).map((r) => r.replace(/ü/g, 'v')))]
        .filter((r) => /^[a-z]+$/.test(r))
        .slice(0, MAX_READINGS);
      for (const r of readings) {
        const list = bySyllable.get(r) ?? [];
        list.push(char);
        bySyllable.set(r, list);
      }
    }
  }
  const lines = [...bySyllable.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([s, chars]) => `${s}\t${chars.join('')}`);
  const file = PINYIN_TABLE_FILE;
  writeFileSync(file, `${lines.join('\n')}\n`);
  process.stderr.write(`wrote ${file}: ${lines.length} syllables\n`);
}

void main();
