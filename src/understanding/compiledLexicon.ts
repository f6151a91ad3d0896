import type { DialogueAct, SafetySignal, SlotName } from './parse';
import type { Lexicon } from './lexiconSchema';
import { toSimplified } from '../i18n/scriptConverters';
import type { IntentId } from '../nlu/intents';

/** A rule compiled: one regular expression per group, all of which must match. */
export type CompiledRule = RegExp[];

export interface CompiledSlotValue {
  value: string;
  /** Global (`g`): every occurrence is found. */
  re: RegExp;
}

export interface CompiledSignal {
  signal: SafetySignal;
  rules: CompiledRule[];
  unlessBefore?: RegExp;
}

/** One language's lexicon with every pattern compiled once at start (no regex is built per turn). */
export interface CompiledLexicon {
  acts: Array<{ act: DialogueAct; re: RegExp }>;
  negation?: RegExp;
  slots: Array<{ name: SlotName; values: CompiledSlotValue[] }>;
  whenFuture?: RegExp;
  whenPast?: RegExp;
  safety: CompiledSignal[];
  resume?: RegExp;
  resumeUnnamed?: RegExp;
  permissionQuestion?: RegExp;
  topics: Array<{ intent: IntentId; re: RegExp }>;
  /** Global: counts every foreign word in a message. */
  foreignAll?: RegExp;
}

const HAN = /\p{Script=Han}/u;

/**
 * Messages are matched after normalizeText, whose simplified conversion is phrase-level (Taiwan
 * "檔案" → "文件", "文件" → "文档"); patterns go through the same conversion so a lexicon author
 * writes ordinary simplified Chinese. Regex syntax is ASCII and passes unchanged.
 */
function asMatched(pattern: string): string {
  return HAN.test(pattern) ? toSimplified(pattern) : pattern;
}

function alternation(patterns: readonly string[], boundaries: boolean, flags = 'u'): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  const body = patterns.map((p) => `(?:${asMatched(p)})`).join('|');
  // Latin words stand on word boundaries; a pattern may still start or end with a non-letter.
  return new RegExp(boundaries ? `(?<![a-z0-9])(?:${body})(?![a-z0-9])` : body, flags);
}

/** "…before a match" patterns look at the end of the text before it: anchor them there. */
function suffixAlternation(patterns: readonly string[]): RegExp | undefined {
  return patterns.length === 0 ? undefined : new RegExp(`(?:${patterns.map((p) => `(?:${asMatched(p)})`).join('|')})$`, 'u');
}

function rules(groups: readonly string[][][], boundaries: boolean): CompiledRule[] {
  return groups.map((rule) => rule.flatMap((group) => alternation(group, boundaries) ?? []));
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const b = lexicon.wordBoundaries;
  const entries = <K extends string, V>(record: Partial<Record<K, V>>): Array<[K, V]> =>
    Object.entries(record).flatMap(([k, v]) => (v === undefined ? [] : [[k as K, v as V]]));
  return {
    acts: entries(lexicon.acts).flatMap(([act, def]) => {
      const re = alternation(def.rules.flat(), b);
      return re ? [{ act, re }] : [];
    }),
    negation: suffixAlternation(lexicon.negation),
    slots: entries(lexicon.slots).map(([name, values]) => ({
      name,
      values: entries(values).map(([value, patterns]) => ({ value, re: alternation(patterns, b, 'gu') ?? /$^/gu })),
    })),
    whenFuture: alternation(lexicon.when.future, b),
    whenPast: alternation(lexicon.when.past, b),
    safety: entries(lexicon.safety).map(([signal, def]) => ({
      signal,
      rules: rules(def.rules, b),
      unlessBefore: suffixAlternation(def.unlessBefore),
    })),
    resume: alternation(lexicon.resume, b),
    resumeUnnamed: alternation(lexicon.resumeUnnamed, b),
    permissionQuestion: alternation(lexicon.permissionQuestion, b),
    topics: entries(lexicon.topics).map(([intent, patterns]) => ({ intent, re: alternation(patterns, b) ?? /$^/u })),
    foreignAll: alternation(lexicon.foreign, b, 'gu'),
  };
}
