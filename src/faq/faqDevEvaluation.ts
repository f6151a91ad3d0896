/**
 * Scores the FAQ on a dev set (faqDevSchema.ts) the way faqEvaluation.ts scores the held-out
 * phrasings, per variety (script and dialect) instead of per language. `lookup` turns what the
 * customer typed into what a turn searches (the router reads pinyin in characters first); by
 * default the text itself.
 */
import type { FaqIndex, FaqSearch } from './faqIndex';
import { DEV_VARIETIES, type DevVariety, type FaqDevFile } from './faqDevSchema';
import { judgePhrasing, summarize, type PhrasingOutcome, type RateSummary } from './faqEvaluation';

export interface DevResult {
  id: string;
  variety: DevVariety;
  text: string;
  outcome: PhrasingOutcome;
  top?: string;
  search: FaqSearch;
}

export interface DevOutOfScopeResult {
  variety: DevVariety;
  text: string;
  search: FaqSearch;
}

export interface DevFigures extends RateSummary {
  perVariety: Partial<Record<DevVariety, RateSummary>>;
  outOfScope: { questions: number; falseAnswers: number; offeredChoices: number };
}

export function devFigures(index: FaqIndex, dev: FaqDevFile, lookup: (text: string) => string = (text) => text): { figures: DevFigures; results: DevResult[]; outOfScope: DevOutOfScopeResult[] } {
  const results: DevResult[] = dev.questions.map(({ id, variety, text }) => {
    const search = index.search(lookup(text));
    return { id, variety, text, outcome: judgePhrasing(search, id), top: search.ranked[0]?.entry.id, search };
  });
  const outOfScope = dev.outOfScope.map(({ variety, text }) => ({ variety, text, search: index.search(lookup(text)) }));
  const perVariety: DevFigures['perVariety'] = {};
  for (const variety of DEV_VARIETIES) {
    const own = results.filter((r) => r.variety === variety);
    if (own.length > 0) perVariety[variety] = summarize(own);
  }
  const figures: DevFigures = {
    ...summarize(results),
    perVariety,
    outOfScope: {
      questions: outOfScope.length,
      falseAnswers: outOfScope.filter((o) => o.search.outcome === 'answer').length,
      offeredChoices: outOfScope.filter((o) => o.search.outcome === 'choose').length,
    },
  };
  return { figures, results, outOfScope };
}
