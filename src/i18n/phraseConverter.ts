/**
 * opencc-js's simplified-to-traditional conversion, with the same dictionaries and the same
 * algorithm, in a leaner shape. opencc-js keeps every dictionary group as a trie of nested Maps,
 * one Map per character of every phrase: about 40 MB of heap per converter (s2twp, s2hk), tens of
 * thousands of objects that every major GC must walk for as long as the process lives. Here a group
 * is one flat Map from phrase to replacement plus, per first character, the lengths its phrases
 * come in; longest-prefix matching tries those lengths from the longest down, which finds exactly
 * the match the trie walk finds. Tables are shared between converters (Taiwan and Hong Kong share the big
 * simplified-to-traditional stage). test/i18n/phraseConverter.test.ts checks the output against
 * opencc-js's own Converter on every Chinese text the bot has.
 */
import { Locale, type DictGroup, type DictLike } from 'opencc-js';
import { z } from 'zod';
import { dictEntries } from '../nlu/openccDictionaries';

const dictLikeSchema = z.union([z.string(), z.array(z.tuple([z.string(), z.string()]))]);
const dictGroupSchema = z.array(dictLikeSchema);

/** opencc-js's preset; `normalizationChain` exists at runtime but is missing from its type declarations. */
const presetSchema = z.object({
  normalizationChain: z.array(dictGroupSchema).optional(),
  segmentation: z.union([dictGroupSchema, dictLikeSchema]),
  conversionChain: z.array(dictGroupSchema),
});

class PhraseTable {
  private readonly phrases = new Map<string, string>();
  /** Per first character, the lengths its phrases come in, longest first. */
  private readonly lengths = new Map<number, number[]>();

  constructor(group: readonly DictLike[]) {
    // As opencc's Trie.loadDictGroup: on a phrase in several dictionaries, the first one wins.
    for (const dict of [...group].reverse()) {
      for (const [from, to] of dictEntries(dict)) {
        if (from === '') continue;
        this.phrases.set(from, to);
        const first = from.codePointAt(0) ?? 0;
        const lengths = this.lengths.get(first);
        if (!lengths) this.lengths.set(first, [from.length]);
        else if (!lengths.includes(from.length)) lengths.push(from.length);
      }
    }
    for (const lengths of this.lengths.values()) lengths.sort((a, b) => b - a);
  }

  /** The longest phrase starting at `at`, as Trie.matchPrefix finds it. */
  private match(text: string, at: number): { end: number; value: string } | undefined {
    const lengths = this.lengths.get(text.codePointAt(at) ?? 0);
    if (lengths === undefined) return undefined;
    for (const length of lengths) {
      if (at + length > text.length) continue;
      const value = this.phrases.get(text.slice(at, at + length));
      if (value !== undefined) return { end: at + length, value };
    }
    return undefined;
  }

  /** Splits text into matched phrases and the unmatched runs between them (Trie.segment). */
  segment(text: string): string[] {
    return this.walk(text, (phrase) => phrase.source);
  }

  /** Replaces every longest match (Trie.convert). */
  convert(text: string): string {
    return this.walk(text, (phrase) => phrase.value).join('');
  }

  private walk(text: string, emit: (phrase: { source: string; value: string }) => string): string[] {
    const out: string[] = [];
    let unmatchedFrom = -1;
    for (let at = 0; at < text.length; ) {
      const found = this.match(text, at);
      if (found) {
        if (unmatchedFrom >= 0) out.push(text.slice(unmatchedFrom, at));
        unmatchedFrom = -1;
        out.push(emit({ source: text.slice(at, found.end), value: found.value }));
        at = found.end;
      } else {
        if (unmatchedFrom < 0) unmatchedFrom = at;
        at += unmatchedStep(text, at);
      }
    }
    if (unmatchedFrom >= 0) out.push(text.slice(unmatchedFrom));
    return out;
  }
}

function codeUnits(text: string, at: number): number {
  return (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
}

/** Arity of an ideographic description character (⿰ ⿱ … ⿻), 0 for anything else. */
function idsArity(codePoint: number): number {
  if (codePoint >= 0x2ff0 && codePoint <= 0x2ff1) return 2;
  if (codePoint >= 0x2ff2 && codePoint <= 0x2ff3) return 3;
  if (codePoint >= 0x2ff4 && codePoint <= 0x2fff) return 2;
  return 0;
}

/** The end of an ideographic description sequence starting at `at`, or 0 if there is none. */
function idsEnd(text: string, at: number): number {
  const arity = idsArity(text.codePointAt(at) ?? 0);
  if (arity === 0) return 0;
  let end = at + codeUnits(text, at);
  for (let part = 0; part < arity; part++) {
    if (end >= text.length) return 0;
    end = idsEnd(text, end) || end + codeUnits(text, end);
  }
  return end;
}

/** How far to move past unmatched text: one character, or a whole description sequence, as opencc does. */
function unmatchedStep(text: string, at: number): number {
  const end = idsEnd(text, at);
  return end > at ? end - at : codeUnits(text, at);
}

const tables = new Map<string, PhraseTable>();
const dictIds = new Map<DictLike, number>();

/** One table per distinct dictionary group, shared by every converter that uses it. */
function tableFor(group: readonly DictLike[]): PhraseTable {
  const key = group
    .map((dict) => {
      let id = dictIds.get(dict);
      if (id === undefined) dictIds.set(dict, (id = dictIds.size));
      return id;
    })
    .join(',');
  let table = tables.get(key);
  if (!table) tables.set(key, (table = new PhraseTable(group)));
  return table;
}

function isGroup(value: DictLike | DictGroup): value is DictGroup {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/** A converter for one of opencc-js's presets, e.g. `s2twp` or `s2hk`. */
export function phraseConverter(presetName: string): (text: string) => string {
  const preset = presetSchema.parse(Locale.configs[presetName]);
  const normalization = (preset.normalizationChain ?? []).map(tableFor);
  const segmentation = tableFor(isGroup(preset.segmentation) ? preset.segmentation : [preset.segmentation]);
  const chain = preset.conversionChain.map(tableFor);
  return (text) => {
    const normalized = normalization.reduce((t, table) => table.convert(t), text);
    return chain.reduce((segments, table) => segments.map((s) => table.convert(s)), segmentation.segment(normalized)).join('');
  };
}
