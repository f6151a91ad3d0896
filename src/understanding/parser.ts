import { SpellFixer } from '../faq/spellFixer';
import { findWords, longestHits } from '../i18n/findWords';
import type { Recognition } from '../nlu/types';
import type { IntentId } from '../nlu/intents';
import { detectBadInput } from './badInput';
import { compileLexicon, type CompiledLexicon, type CompiledRule } from './compiledLexicon';
import type { Lexicon } from './lexiconSchema';
import type { DialogueAct, Parse, SafetySignal, SlotName, SlotValue } from './parse';

/** Which act wins when several match: commands and courtesies are whole-message shapes, so they go first. */
const ACT_PRECEDENCE: readonly DialogueAct[] = ['cancel', 'thanks', 'goodbye', 'greet', 'affirm', 'deny', 'problem', 'question'];

/** How far before a slot's words a negation may stand ("不是U盾" / "it's not a usb key"). */
const NEGATION_WINDOW = 14;

export interface PlaceWord {
  word: string;
  value: { slot: 'city' | 'district' | 'landmark'; value: string };
}

export interface ParseInput {
  recognition: Recognition;
  /** The customer's text as cleaned for quoting (tags out, cut); used for the question mark and bad input. */
  text: string;
  /**
   * `text` normalized for matching (src/i18n/normalizeText: simplified character by character,
   * lower-case, punctuation as spaces). Not the classifier's own normalized text: that one may
   * rewrite words (Taiwan phrasing to mainland), and the lexicons are written against this one.
   */
  normalized: string;
  /**
   * `normalized` before pinyin was read in characters, when it was: a language we don't serve is
   * judged on what was typed ("ciao dove si trova la banca" is Italian, not pinyin).
   */
  typed?: string;
  /** The raw text's length before cleaning (10,000 characters is bad input, not a question). */
  rawLength: number;
  /** True when the raw text carried HTML markup. */
  hadMarkup: boolean;
}

interface Hit {
  name: SlotName;
  value: string;
  start: number;
  end: number;
  source: string;
  negation?: RegExp;
}

/**
 * The parse of one message (see parse.ts): dialogue act, slots with negation and corrections,
 * safety signals, a topic to resume. Everything it looks for is data (`intents/understanding/`),
 * compiled once; a turn runs a few dozen precompiled regular expressions over at most 500
 * characters of the classifier's normalized text.
 */
export class Parser {
  private readonly lexicons: CompiledLexicon[];
  /** Latin place names with a typo ("hangzou", "Shenzen") are read as the place they are one edit from. */
  private readonly placeSpelling: SpellFixer;

  constructor(
    lexicons: readonly Lexicon[],
    private readonly places: readonly PlaceWord[] = [],
  ) {
    this.lexicons = lexicons.map(compileLexicon);
    const latinPlaces = new Map<string, number>();
    // Only whole one-word names ("shenzhen", "pudong"): the words of longer names ("science park",
    // "main branch") are ordinary English, and "simple" must not become "sample".
    for (const { word } of places) if (/^[a-z]{5,}$/.test(word)) latinPlaces.set(word, 1);
    this.placeSpelling = new SpellFixer(latinPlaces);
  }

  /** Latin words one typo from a place name written as that name ("hangzou" → "hangzhou"); the rest unchanged. */
  fixPlaces(normalized: string): string {
    return normalized.replace(/[a-z]+/g, (w) => this.placeSpelling.fix(w));
  }

  parse(input: ParseInput): Parse {
    const { recognition } = input;
    const bad = detectBadInput(input.typed === undefined ? input : { ...input, normalized: input.typed }, this.lexicons);
    if (bad) return { recognition, act: 'other', slots: [], safety: [], bad };
    const text = /[?？]\s*$/.test(input.text) ? `${input.normalized} ?` : input.normalized;
    // "继续" names nothing by itself ("还能继续转账吗"): only a topic or an explicit "go back" makes it a resume.
    const resume = this.lexicons.some((l) => l.resume?.test(text) === true) ? this.resume(text) : undefined;
    const wantsResume = resume !== undefined || this.lexicons.some((l) => l.resumeUnnamed?.test(text) === true);
    return {
      recognition,
      act: this.act(text),
      slots: this.slots(text),
      safety: this.safety(text),
      resume,
      ...(wantsResume ? { wantsResume } : {}),
    };
  }

  private act(text: string): DialogueAct {
    for (const act of ACT_PRECEDENCE) {
      for (const lexicon of this.lexicons) if (lexicon.acts.some((a) => a.act === act && a.re.test(text))) return act;
    }
    return 'other';
  }

  private slots(text: string): SlotValue[] {
    const hits: Hit[] = [];
    for (const lexicon of this.lexicons) {
      for (const slot of lexicon.slots) {
        for (const { value, re } of slot.values) {
          re.lastIndex = 0;
          for (let m = re.exec(text); m !== null; m = re.exec(text)) {
            if (m[0] === '') {
              re.lastIndex += 1;
              continue;
            }
            hits.push({ name: slot.name, value, start: m.index, end: m.index + m[0].length, source: m[0], negation: lexicon.negation });
          }
        }
      }
    }
    for (const h of longestHits(findWords(this.fixPlaces(text), this.places))) {
      hits.push({ name: h.value.slot, value: h.value.value, start: h.start, end: h.end, source: h.word });
    }
    // Within one slot the longest words win ("还没过期" is expiring, not "过期"), then the earlier.
    hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const kept: Hit[] = [];
    for (const h of hits) {
      if (!kept.some((k) => k.name === h.name && k.start < h.end && h.start < k.end)) kept.push(h);
    }
    kept.sort((a, b) => a.start - b.start);
    const slots: SlotValue[] = kept.map((h) => {
      const before = text.slice(Math.max(0, h.start - NEGATION_WINDOW), h.start).trimEnd();
      const negated = this.lexicons.some((l) => l.negation?.test(before) === true);
      return negated ? { name: h.name, value: h.value, source: h.source, negated } : { name: h.name, value: h.value, source: h.source };
    });
    return this.resolveWhen(text, slots);
  }

  /** "月底到期" is expiring, "上周就过期了" expired: a time said with the expiry decides its tense. */
  private resolveWhen(text: string, slots: SlotValue[]): SlotValue[] {
    const status = slots.filter((s) => s.name === 'certStatus' && !s.negated);
    if (status.length === 0) return slots;
    let when: { value: 'future' | 'past'; source: string } | undefined;
    for (const lexicon of this.lexicons) {
      const past = lexicon.whenPast?.exec(text);
      const future = lexicon.whenFuture?.exec(text);
      if (future) when = { value: 'future', source: future[0] };
      else if (past && !when) when = { value: 'past', source: past[0] };
    }
    const out = slots.filter((s) => !(s.name === 'certStatus' && s.value === 'due'));
    if (when) {
      out.push({ name: 'certWhen', value: when.value, source: when.source });
      const tense = when.value === 'future' ? 'expiring' : 'expired';
      // A date said with the expiry decides: "月底就过期" is expiring, "上个月就到期了" expired.
      const last = status[status.length - 1];
      return [...out.filter((s) => !(s.name === 'certStatus' && !s.negated)), { name: 'certStatus', value: tense, source: last.source }];
    }
    return out;
  }

  private safety(text: string): SafetySignal[] {
    const found = new Set<SafetySignal>();
    for (const lexicon of this.lexicons) {
      for (const { signal, rules, unlessBefore } of lexicon.safety) {
        if (!found.has(signal) && rules.some((rule) => fires(rule, text, unlessBefore))) found.add(signal);
      }
    }
    // Acting on a message only matters when there was one.
    if (found.has('phishingActedOn') && !found.has('phishingContact')) found.delete('phishingActedOn');
    // "验证码发给客服可以吗" asks whether to; nothing was given yet.
    if (found.has('secretDisclosed') && this.lexicons.some((l) => l.permissionQuestion?.test(text) === true)) found.delete('secretDisclosed');
    return [...found];
  }

  private resume(text: string): IntentId | undefined {
    for (const lexicon of this.lexicons) {
      const topic = lexicon.topics.find((t) => t.re.test(text));
      if (topic) return topic.intent;
    }
    return undefined;
  }
}

function fires(rule: CompiledRule, text: string, unlessBefore: RegExp | undefined): boolean {
  const [first, ...rest] = rule;
  if (!first) return false;
  const m = first.exec(text);
  if (!m) return false;
  if (unlessBefore?.test(text.slice(Math.max(0, m.index - NEGATION_WINDOW), m.index).trimEnd())) return false;
  return rest.every((re) => re.test(text));
}
