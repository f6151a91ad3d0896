/**
 * The FAQ lookup. Each entry is indexed per language twice: its question with its keywords, and
 * its answer at a lower weight (answers are long and wander); held-out test phrasings are never
 * indexed. Text is normalized (script, width, case), rewritten through the synonym groups and cut
 * into characters, stemmed words and bigrams (faqTerms.ts). Entries are ranked by the cosine of
 * sub-linear TF-IDF vectors, walked through an inverted index so a search touches only the
 * entries that share a term with the question. The best entry then gets a calibrated confidence
 * (faqConfidence.ts) from its score, how much of the question it covers and its lead over the
 * next one: confident → answer; plausible → offer the close entries; otherwise nothing.
 */
import { normalizeText } from '../i18n/normalizeText';
import { faqConfidence, type ConfidenceModel, type FaqSignals, FAQ_CONFIDENCE_MODEL } from './faqConfidence';
import type { FaqEntry } from './faqSchema';
import { SynonymRewriter, type SynonymGroup } from './faqSynonyms';
import { analyzeFaqText, type FaqText } from './faqTerms';
import { SpellFixer } from './spellFixer';

export interface FaqSettings {
  /** A match on an entry's answer counts this much of a match on its question and keywords. */
  answerWeight: number;
  /** Below this cosine nothing counts as a hit. */
  minScore: number;
  /** Below this share of the question's content found in the best entry, nothing is offered. */
  minCoverage: number;
  /** At or above this confidence the best entry is answered outright. */
  answerConfidence: number;
  /** Hits scoring at least this share of the best one are "close": offered as choices. */
  closeRatio: number;
  /** At most this many close hits are offered as choices. */
  maxChoices: number;
  confidence: ConfidenceModel;
}

export const DEFAULT_FAQ_SETTINGS: FaqSettings = {
  answerWeight: 0.7,
  minScore: 0.15,
  minCoverage: 0.25,
  answerConfidence: 0.6,
  closeRatio: 0.7,
  maxChoices: 4,
  confidence: FAQ_CONFIDENCE_MODEL,
};

export interface FaqHit {
  entry: FaqEntry;
  score: number;
}

export type FaqOutcome = 'answer' | 'choose' | 'none';

export interface FaqSearch {
  outcome: FaqOutcome;
  /** For `answer` one hit, for `choose` the close hits, best first; empty for `none`. */
  hits: FaqHit[];
  /** Every entry that scored above zero, best first (for tests and diagnostics). */
  ranked: FaqHit[];
  /** Calibrated probability (0–1) that the best entry answers the question; 0 when nothing matched. */
  confidence: number;
  /** What the confidence was computed from (for diagnostics and calibration). */
  signals: FaqSignals;
}

export interface FaqIndexOptions {
  synonyms?: readonly SynonymGroup[];
  settings?: Partial<FaqSettings>;
}

interface Posting {
  doc: number;
  weight: number;
}

interface IndexedDocument {
  entry: number;
  fieldWeight: number;
  norm: number;
}

const LANGUAGES = ['zh', 'en'] as const;
const NO_SIGNALS: FaqSignals = { score: 0, coverage: 0, margin: 0 };

export class FaqIndex {
  readonly settings: FaqSettings;
  private readonly rewriter: SynonymRewriter;
  private readonly spelling: SpellFixer;
  private readonly termIdf = new Map<string, number>();
  private readonly postings = new Map<string, Posting[]>();
  private readonly documents: IndexedDocument[] = [];
  /** Per entry, every content unit of its text (both languages, answer included), for coverage. */
  private readonly entryUnits: ReadonlySet<string>[];
  private readonly unitIdf = new Map<string, number>();
  private readonly unknownUnitIdf: number;

  constructor(
    readonly entries: readonly FaqEntry[],
    options: FaqIndexOptions = {},
  ) {
    this.settings = { ...DEFAULT_FAQ_SETTINGS, ...options.settings };
    this.rewriter = new SynonymRewriter(options.synonyms ?? []);
    this.spelling = new SpellFixer(this.englishVocabulary());
    const fields = entries.flatMap((entry, index) =>
      LANGUAGES.flatMap((lang) => [
        { index, fieldWeight: 1, text: this.analyze([entry.question[lang], ...entry.keywords[lang]].join(' ')) },
        { index, fieldWeight: this.settings.answerWeight, text: this.analyze(entry.answer[lang]) },
      ]),
    );
    countInto(this.termIdf, fields.map((f) => new Set(f.text.terms)));
    for (const [term, df] of this.termIdf) this.termIdf.set(term, idf(fields.length, df));
    fields.forEach(({ index, fieldWeight, text }, doc) => {
      const weights = this.weigh(text.terms);
      for (const [term, weight] of weights) {
        const list = this.postings.get(term) ?? [];
        list.push({ doc, weight });
        this.postings.set(term, list);
      }
      this.documents.push({ entry: index, fieldWeight, norm: norm(weights) });
    });
    this.entryUnits = entries.map((_, index) => new Set(fields.filter((f) => f.index === index).flatMap((f) => f.text.units)));
    countInto(this.unitIdf, this.entryUnits);
    for (const [unit, df] of this.unitIdf) this.unitIdf.set(unit, idf(entries.length, df));
    this.unknownUnitIdf = idf(entries.length, 0);
  }

  byId(id: string): FaqEntry | undefined {
    return this.entries.find((e) => e.id === id);
  }

  search(query: string): FaqSearch {
    const text = this.analyze(query);
    const ranked = this.rank(text.terms);
    const top = ranked[0];
    if (!top || top.score < this.settings.minScore) return { outcome: 'none', hits: [], ranked, confidence: 0, signals: NO_SIGNALS };
    const second = ranked[1]?.score ?? 0;
    const signals: FaqSignals = {
      score: top.score,
      coverage: this.coverage(text.units, this.entries.indexOf(top.entry)),
      margin: (top.score - second) / top.score,
    };
    const confidence = faqConfidence(signals, this.settings.confidence);
    if (signals.coverage < this.settings.minCoverage) return { outcome: 'none', hits: [], ranked, confidence, signals };
    if (confidence >= this.settings.answerConfidence) return { outcome: 'answer', hits: [top], ranked, confidence, signals };
    const close = ranked.filter((h) => h.score >= this.settings.minScore && h.score >= top.score * this.settings.closeRatio);
    return { outcome: 'choose', hits: close.slice(0, this.settings.maxChoices), ranked, confidence, signals };
  }

  /** Normalized, rewritten through the synonyms, typos repaired, cut into units and terms. */
  analyze(text: string): FaqText {
    return analyzeFaqText(this.rewriter.rewrite(normalizeText(text)), (word) => this.spelling.fix(word));
  }

  private rank(terms: readonly string[]): FaqHit[] {
    const weights = this.weigh(terms);
    const queryNorm = norm(weights);
    const dots = new Map<number, number>();
    for (const [term, w] of weights) {
      for (const posting of this.postings.get(term) ?? []) dots.set(posting.doc, (dots.get(posting.doc) ?? 0) + w * posting.weight);
    }
    const best = new Map<number, number>();
    for (const [doc, dot] of dots) {
      const { entry, fieldWeight, norm: docNorm } = this.documents[doc];
      const score = (fieldWeight * dot) / (queryNorm * docNorm);
      if (score > (best.get(entry) ?? 0)) best.set(entry, score);
    }
    return [...best.entries()].map(([index, score]) => ({ entry: this.entries[index], score })).sort((a, b) => b.score - a.score);
  }

  /** IDF-weighted share of the question's content units that occur anywhere in the entry. */
  private coverage(units: readonly string[], entry: number): number {
    let found = 0;
    let total = 0;
    for (const unit of new Set(units)) {
      const weight = this.unitIdf.get(unit) ?? this.unknownUnitIdf;
      total += weight;
      if (this.entryUnits[entry].has(unit)) found += weight;
    }
    return total === 0 ? 0 : found / total;
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

  /** English words of the FAQ's own text, with counts, for the spelling repair (before any stemming). */
  private englishVocabulary(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const entry of this.entries) {
      const text = [entry.question.en, entry.answer.en, ...entry.keywords.en].join(' ');
      for (const word of this.rewriter.rewrite(normalizeText(text)).split(' ')) {
        if (/^[a-z]+$/.test(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
    return counts;
  }
}

/** BM25's idf: never negative, highest for terms in few documents. */
function idf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

function countInto(counts: Map<string, number>, sets: readonly ReadonlySet<string>[]): void {
  for (const set of sets) for (const item of set) counts.set(item, (counts.get(item) ?? 0) + 1);
}

function norm(weights: Map<string, number>): number {
  let sum = 0;
  for (const w of weights.values()) sum += w * w;
  return Math.sqrt(sum);
}
