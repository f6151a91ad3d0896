/**
 * PhraseConverter must write exactly what opencc-js's own Converter writes, for every text the
 * bot could send: every string in intents/ (reply catalogue, FAQ, branches, training phrases),
 * the opencc dictionaries' own phrases, and awkward input (astral characters, ideographic
 * description sequences, mixed scripts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Converter, Locale } from 'opencc-js';
import { phraseConverter } from '../../src/i18n/phraseConverter';
import { OPENCC_PRESET, TRADITIONAL_VARIANTS } from '../../src/i18n/scriptConverters';
import { dictEntries } from '../../src/nlu/openccDictionaries';

const HAN = /\p{Script=Han}/u;

function stringsIn(value: unknown, out: string[]): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, out));
  return out;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const ourTexts = filesUnder(resolve(__dirname, '../../intents'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => stringsIn(JSON.parse(readFileSync(f, 'utf8')), []))
  .filter((t) => HAN.test(t));

// Every phrase of the simplified dictionaries, alone and run together in threes so that phrases
// meet at their edges as they do in real sentences.
const dictionaryPhrases = Locale.from.cn.flatMap((group) => group.flatMap((dict) => [...dictEntries(dict)].map(([from]) => from)));
const runTogether = dictionaryPhrases.map((p, i) => p + (dictionaryPhrases[i + 1] ?? '') + (dictionaryPhrases[i + 2] ?? ''));

const awkward = [
  '',
  '我的网银证书过期了，怎么办？',
  'U盾（USB Key）丢了 help!!',
  '𠮷野家的营业时间 𩸽鱼',
  '⿰氵每里的发展', // an ideographic description sequence
  '⿱⿰木木木头发',
  '⿰', // an operator with nothing after it
  '短信 网络 软件 打印机 程序 鼠标 信息',
  '干一杯 干燥 干部 面条 头发 发展 里面',
  '台湾 台风 台球 后面 皇后',
];

describe.each(TRADITIONAL_VARIANTS)('PhraseConverter (%s) against opencc-js', (variant) => {
  const preset = OPENCC_PRESET[variant];
  const ours = phraseConverter(preset);
  const theirs = Converter({ from: 'cn', to: preset.replace(/^s2/, '') });

  it(`writes what opencc writes for all ${ourTexts.length} Chinese strings in intents/`, () => {
    const differing = ourTexts.filter((t) => ours(t) !== theirs(t));
    expect(differing).toEqual([]);
    expect(ourTexts.length).toBeGreaterThan(1000);
  });

  it('writes what opencc writes for dictionary phrases and phrases run together', () => {
    const differing = [...dictionaryPhrases, ...runTogether].filter((t) => ours(t) !== theirs(t));
    expect(differing).toEqual([]);
  });

  it('writes what opencc writes for awkward input', () => {
    for (const text of awkward) expect(ours(text)).toBe(theirs(text));
  });

  it('actually converts (the comparison would also pass if both did nothing)', () => {
    expect(ours('网络 短信 发展')).not.toBe('网络 短信 发展');
  });
});
