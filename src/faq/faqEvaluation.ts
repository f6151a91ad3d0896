/**
 * Scores the FAQ on its own held-out data: every entry's test phrasings (never indexed) and the
 * file's out-of-scope questions. A confident wrong answer is worse than an offer of choices, so
 * the two are counted apart: `answered` (right entry, outright), `offered` (right entry among the
 * choices), `wrong` (another entry answered outright), `missed` (nothing, or choices without it).
 */
import type { FaqIndex, FaqSearch } from './faqIndex';
import type { FaqFile } from './faqSchema';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type PhrasingOutcome = 'answered' | 'offered' | 'wrong' | 'missed';

export interface PhrasingResult {
  id: string;
  lang: Lang;
  text: string;
  outcome: PhrasingOutcome;
  /** The entry the lookup put first, if any. */
  top?: string;
  search: FaqSearch;
}

export interface OutOfScopeResult {
  lang: Lang;
  text: string;
  search: FaqSearch;
}

export interface RateSummary {
  phrasings: number;
  /** Right entry answered or offered. */
  hitRate: number;
  answeredRate: number;
  offeredRate: number;
  wrongAnswerRate: number;
  missedRate: number;
}

export interface FaqFigures extends RateSummary {
  entries: number;
  perLanguage: Record<Lang, RateSummary>;
  outOfScope: { questions: number; falseAnswers: number; falseAnswerRate: number; offeredChoices: number };
}

export function judgePhrasing(search: FaqSearch, id: string): PhrasingOutcome {
  if (search.outcome === 'answer') return search.hits[0].entry.id === id ? 'answered' : 'wrong';
  if (search.outcome === 'choose' && search.hits.some((h) => h.entry.id === id)) return 'offered';
  return 'missed';
}

export function runPhrasings(index: FaqIndex, file: FaqFile): PhrasingResult[] {
  return file.entries.flatMap((entry) =>
    LANGS.flatMap((lang) =>
      entry.tests[lang].map((text) => {
        const search = index.search(text);
        return { id: entry.id, lang, text, outcome: judgePhrasing(search, entry.id), top: search.ranked[0]?.entry.id, search };
      }),
    ),
  );
}

export function runOutOfScope(index: FaqIndex, file: FaqFile): OutOfScopeResult[] {
  return LANGS.flatMap((lang) => file.outOfScopeTests[lang].map((text) => ({ lang, text, search: index.search(text) })));
}

export function summarize(results: readonly { outcome: PhrasingOutcome }[]): RateSummary {
  const share = (outcome: PhrasingOutcome) => (results.length === 0 ? 0 : results.filter((r) => r.outcome === outcome).length / results.length);
  return {
    phrasings: results.length,
    hitRate: share('answered') + share('offered'),
    answeredRate: share('answered'),
    offeredRate: share('offered'),
    wrongAnswerRate: share('wrong'),
    missedRate: share('missed'),
  };
}

export function faqFigures(index: FaqIndex, file: FaqFile): { figures: FaqFigures; phrasings: PhrasingResult[]; outOfScope: OutOfScopeResult[] } {
  const phrasings = runPhrasings(index, file);
  const outOfScope = runOutOfScope(index, file);
  const falseAnswers = outOfScope.filter((r) => r.search.outcome === 'answer').length;
  const figures: FaqFigures = {
    entries: file.entries.length,
    ...summarize(phrasings),
    perLanguage: { zh: summarize(phrasings.filter((p) => p.lang === 'zh')), en: summarize(phrasings.filter((p) => p.lang === 'en')) },
    outOfScope: {
      questions: outOfScope.length,
      falseAnswers,
      falseAnswerRate: outOfScope.length === 0 ? 0 : falseAnswers / outOfScope.length,
      offeredChoices: outOfScope.filter((r) => r.search.outcome === 'choose').length,
    },
  };
  return { figures, phrasings, outOfScope };
}
