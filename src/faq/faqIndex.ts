/**
 * The FAQ lookup. Each entry is indexed per language twice: its question with its keywords, and
 * its answer at a lower weight (answers are long and wander); held-out test phrasings are never
 * indexed. Text is normalized (script, width, case), rewritten through the synonym groups, typos
 * repaired, and cut into characters, stemmed words and bigrams (faqTerms.ts). An entry's score
 * combines the cosine of sub-linear TF-IDF vectors over its fields, how closely one of its
 * phrasings matches the question as a whole, and how much of the question it covers at all. The
 * best entry then gets a calibrated confidence (faqConfidence.ts): confident → answer; plausible →
 * offer the close entries; otherwise nothing. Topics the bank does not serve here form one hidden
 * entry: a question nearer to them than to any real entry gets nothing.
 */
import { normalizeText } from '../i18n/normalizeText';
import { faqConfidence, type FaqSignals } from './faqConfidence';
import { ForeignTopics } from './foreignTopics';
import type { FaqEntry } from './faqSchema';
import { DEFAULT_FAQ_SETTINGS, type FaqSettings } from './faqSettings';
import type { FaqHit, FaqIndexOptions, FaqOutcome, FaqSearch } from './faqSearch';
import { SynonymRewriter, type SynonymGroup } from './faqSynonyms';
import { analyzeFaqText, ENGLISH_STOP_WORDS, type FaqText } from './faqTerms';
import { countInto, idf, norm } from './termWeights';
import { PostingIndex } from './postingIndex';
import { questionFocus } from './questionFocus';
import { SpellFixer } from './spellFixer';

export type { FaqHit, FaqIndexOptions, FaqOutcome, FaqSearch } from './faqSearch';

interface Field {
  /** Entry index; entries.length is the hidden out-of-scope entry. */
  entry: number;
  weight: number;
  text: FaqText;
}

const LANGUAGES = ['zh', 'en'] as const;
const LATIN_WORD = /[a-z]+/g;
const NO_SIGNALS: FaqSignals = { score: 0, coverage: 0, margin: 0, gap: 0, phrase: 0, shortfall: 1 };
/** Below this coverage the question is mostly about something the entry does not mention (see shortfall). */
const COVERAGE_EXPECTED = 0.5;

const OUTCOME_RANK: Readonly<Record<FaqOutcome, number>> = { none: 0, choose: 1, answer: 2 };

export class FaqIndex {
  readonly settings: FaqSettings;
  private readonly rewriter: SynonymRewriter;
  private readonly spelling: SpellFixer;
  private readonly termIdf = new Map<string, number>();
  private readonly unknownTermIdf: number;
  private readonly fields = new PostingIndex();
  private readonly fieldInfo: { entry: number; weight: number; norm: number }[] = [];
  private readonly phrases = new PostingIndex();
  private readonly phraseInfo: { entry: number; mass: number }[] = [];
  /** Per entry, every content unit of its text (both languages, answer included), for coverage. */
  private readonly entryUnits: ReadonlySet<string>[];
  private readonly unitIdf = new Map<string, number>();
  private readonly unknownUnitIdf: number;
  private readonly fieldScores: Float64Array;
  private readonly phraseScores: Float64Array;
  private last?: { query: string; result: FaqSearch };
  private readonly questionLeads: readonly string[];
  private readonly foreign: ForeignTopics;

  constructor(
    readonly entries: readonly FaqEntry[],
    options: FaqIndexOptions = {},
  ) {
    this.settings = { ...DEFAULT_FAQ_SETTINGS, ...options.settings };
    this.rewriter = new SynonymRewriter(options.synonyms ?? []);
    const leads = options.questionLeads ?? { zh: [], en: [] };
    this.questionLeads = LANGUAGES.flatMap((lang) => leads[lang].map(normalizeText)).filter((l) => l !== '');
    this.spelling = new SpellFixer(this.englishVocabulary(options.synonyms ?? [], options.outOfScope?.en ?? []));
    const elsewhere = options.outOfScope ?? { zh: [], en: [] };
    this.foreign = new ForeignTopics(
      LANGUAGES.flatMap((lang) => elsewhere[lang].map((t) => this.prepare(t))),
      LANGUAGES.flatMap((lang) => (options.inScopeAnchors?.[lang] ?? []).map((t) => this.prepare(t))),
      new Map(entries.map((e) => [e.id, this.prepare(LANGUAGES.flatMap((lang) => [e.question[lang], e.answer[lang], ...e.keywords[lang]]).join(' '))])),
    );
    const phrasings = [
      ...entries.map((entry) => LANGUAGES.flatMap((lang) => [entry.question[lang], ...entry.keywords[lang]])),
      LANGUAGES.flatMap((lang) => elsewhere[lang]),
    ];
    const fields: Field[] = [
      ...entries.flatMap((entry, index) =>
        LANGUAGES.flatMap((lang) => [
          { entry: index, weight: 1, text: this.analyze([entry.question[lang], ...entry.keywords[lang]].join(' ')) },
          { entry: index, weight: this.settings.answerWeight, text: this.analyze(entry.answer[lang]) },
        ]),
      ),
      ...LANGUAGES.map((lang) => ({ entry: entries.length, weight: 1, text: this.analyze(elsewhere[lang].join(' ')) })),
    ];
    countInto(this.termIdf, fields.map((f) => new Set(f.text.terms)));
    for (const [term, df] of this.termIdf) this.termIdf.set(term, idf(fields.length, df));
    this.unknownTermIdf = idf(fields.length, 0);
    fields.forEach(({ entry, weight, text }, id) => {
      const weights = this.weigh(text.terms);
      for (const [term, w] of weights) this.fields.add(term, id, w);
      this.fieldInfo.push({ entry, weight, norm: norm(weights) });
    });
    this.entryUnits = phrasings.map((_, index) => new Set(fields.filter((f) => f.entry === index).flatMap((f) => f.text.units)));
    countInto(this.unitIdf, this.entryUnits);
    for (const [unit, df] of this.unitIdf) this.unitIdf.set(unit, idf(phrasings.length, df));
    this.unknownUnitIdf = idf(phrasings.length, 0);
    phrasings.forEach((list, entry) => list.forEach((phrasing) => this.addPhrase(entry, phrasing)));
    this.fields.freeze();
    this.phrases.freeze();
    this.fieldScores = this.fields.scores();
    this.phraseScores = this.phrases.scores();
  }

  byId(id: string): FaqEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  /**
   * The policy asks about one message several times in a turn (answer? answer and offer? best
   * guess? fallback?, then the FAQ dialog): the last query's result is kept, so a turn pays for one
   * search (~70 µs). Results are frozen: one object may serve several callers.
   */
  search(query: string): FaqSearch {
    if (this.last?.query === query) return this.last.result;
    const result = Object.freeze(this.focusedSearch(query));
    this.last = { query, result };
    return result;
  }

  /** The whole message, or its question alone when that reading is surer (a long story first: questionFocus.ts). */
  private focusedSearch(query: string): FaqSearch {
    const whole = this.searchAnew(query);
    const focus = questionFocus(query, this.questionLeads);
    if (focus === undefined) return whole;
    const part = this.searchAnew(focus);
    const rank = (s: FaqSearch) => OUTCOME_RANK[s.outcome];
    return rank(part) > rank(whole) || (rank(part) === rank(whole) && part.confidence > whole.confidence) ? part : whole;
  }

  private searchAnew(query: string): FaqSearch {
    const prepared = this.prepare(query);
    const text = this.analyzePrepared(prepared);
    const { ranked, elsewhere } = this.rank(text);
    const top = ranked[0];
    if (!top || top.score < this.settings.minScore || elsewhere >= top.score || this.foreign.namedBeside(prepared, top.entry.id) !== undefined) return { outcome: 'none', hits: [], ranked, confidence: 0, signals: NO_SIGNALS };
    const second = ranked[1]?.score ?? 0;
    const signals: FaqSignals = {
      score: top.score,
      coverage: top.coverage,
      margin: (top.score - second) / top.score,
      gap: top.score - second,
      phrase: top.phrase,
      shortfall: Math.max(0, COVERAGE_EXPECTED - top.coverage) / COVERAGE_EXPECTED,
    };
    const confidence = faqConfidence(signals, this.settings.confidence);
    if (signals.coverage < this.settings.minCoverage) return { outcome: 'none', hits: [], ranked, confidence, signals };
    if (confidence >= this.settings.answerConfidence && top.coverage >= this.settings.answerMinCoverage) return { outcome: 'answer', hits: [top], ranked, confidence, signals };
    const close = ranked.filter((h) => h.score >= this.settings.minScore && h.score >= top.score * this.settings.closeRatio);
    return { outcome: 'choose', hits: close.slice(0, this.settings.maxChoices), ranked, confidence, signals };
  }

  /** Normalized, rewritten through the synonyms, typos repaired, cut into units and terms. */
  analyze(text: string): FaqText {
    return this.analyzePrepared(this.prepare(text));
  }

  /**
   * Normalized, typos repaired, rewritten through the synonyms: how both the FAQ's text and a
   * question are spelt before matching. Repair comes first so that a misspelt synonym still meets
   * its group ("custmer service numbr" → "customer service number" → "hotline").
   */
  private prepare(text: string): string {
    return this.rewriter.rewrite(normalizeText(text).replace(LATIN_WORD, (word) => (ENGLISH_STOP_WORDS.has(word) ? word : this.spelling.fix(word))));
  }

  private analyzePrepared(prepared: string): FaqText {
    return analyzeFaqText(prepared, (word) => this.spelling.fix(word));
  }

  /** The entries that share a term with the question, best first, and the score of the out-of-scope topics. */
  private rank(text: FaqText): { ranked: FaqHit[]; elsewhere: number } {
    const weights = this.weigh(text.terms);
    const queryNorm = norm(weights);
    const best = new Map<number, { top: number; sum: number }>();
    const scores = this.fieldScores;
    for (const id of this.fields.accumulate(weights, scores)) {
      const { entry, weight, norm: fieldNorm } = this.fieldInfo[id];
      const cosine = (weight * scores[id]) / (queryNorm * fieldNorm);
      scores[id] = 0;
      const seen = best.get(entry);
      if (!seen) best.set(entry, { top: cosine, sum: cosine });
      else {
        seen.sum += cosine;
        seen.top = Math.max(seen.top, cosine);
      }
    }
    const phrases = this.phraseMatches(text);
    const { coverageBlend, otherFieldsShare, phraseWeight } = this.settings;
    const units = [...new Set(text.units)];
    let elsewhere = 0;
    const ranked: FaqHit[] = [];
    for (const [index, { top, sum }] of best) {
      const coverage = this.coverage(units, index);
      const phrase = phrases.get(index) ?? 0;
      const score = (top + otherFieldsShare * (sum - top) + phraseWeight * phrase) * (1 - coverageBlend + coverageBlend * coverage);
      if (index === this.entries.length) elsewhere = score;
      else ranked.push({ entry: this.entries[index], score, coverage, phrase, cosine: top });
    }
    return { ranked: ranked.sort((a, b) => b.score - a.score), elsewhere };
  }

  private addPhrase(entry: number, phrasing: string): void {
    const weights = this.presence(this.analyze(phrasing).terms);
    if (weights.size === 0) return;
    let mass = 0;
    for (const [term, weight] of weights) {
      mass += weight;
      // Weight 1: accumulating the question's idf weights then sums the idf of the shared terms.
      this.phrases.add(term, this.phraseInfo.length, 1);
    }
    this.phraseInfo.push({ entry, mass });
  }

  /**
   * Per entry, the best weighted Dice overlap between the question and one of its phrasings. Words
   * the FAQ has never seen count in the question's mass: "book me a flight" is not "book".
   */
  private phraseMatches(text: FaqText): Map<number, number> {
    const weights = this.presence(text.terms);
    let queryMass = 0;
    for (const unit of new Set(text.units)) if (!this.termIdf.has(unit)) queryMass += this.unknownTermIdf;
    for (const w of weights.values()) queryMass += w;
    const best = new Map<number, number>();
    const scores = this.phraseScores;
    for (const id of this.phrases.accumulate(weights, scores)) {
      const { entry, mass } = this.phraseInfo[id];
      const dice = (2 * scores[id]) / (queryMass + mass);
      scores[id] = 0;
      if (dice > (best.get(entry) ?? 0)) best.set(entry, dice);
    }
    return best;
  }

  /** IDF-weighted share of the question's content units (distinct) that occur anywhere in the entry. */
  private coverage(units: readonly string[], entry: number): number {
    let found = 0;
    let total = 0;
    for (const unit of units) {
      const weight = this.unitIdf.get(unit) ?? this.unknownUnitIdf;
      total += weight;
      if (this.entryUnits[entry].has(unit)) found += weight;
    }
    return total === 0 ? 0 : found / total;
  }

  /** Each distinct known term at its idf (phrasings are short: presence, not frequency). */
  private presence(terms: readonly string[]): Map<string, number> {
    const weights = new Map<string, number>();
    for (const term of terms) {
      const termIdf = this.termIdf.get(term);
      if (termIdf !== undefined) weights.set(term, termIdf);
    }
    return weights;
  }

  /** Sub-linear term frequency times idf, so a repeated word does not dominate; unknown terms weigh nothing. */
  private weigh(terms: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    const weights = new Map<string, number>();
    for (const [term, count] of counts) {
      const termIdf = this.termIdf.get(term);
      if (termIdf !== undefined) weights.set(term, (1 + Math.log(count)) * termIdf);
    }
    return weights;
  }

  /**
   * English words of the FAQ's own text as written and as rewritten, of its synonym groups and of
   * the topics it does not serve, with counts, for the spelling repair (before any stemming): a
   * misspelling is repaired towards any of them ("morgage" → "mortgage", which is then out of scope).
   */
  private englishVocabulary(synonyms: readonly SynonymGroup[], elsewhere: readonly string[]): Map<string, number> {
    const counts = new Map<string, number>();
    const count = (text: string) => {
      for (const word of text.match(LATIN_WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    };
    for (const entry of this.entries) {
      const text = normalizeText([entry.question.en, entry.answer.en, ...entry.keywords.en].join(' '));
      count(text);
      count(this.rewriter.rewrite(text));
    }
    for (const group of synonyms) count(normalizeText([group.canonical, ...group.variants].join(' ')));
    count(normalizeText(elsewhere.join(' ')));
    return counts;
  }
}
