import type { FaqTurnResult, TurnInfo } from '../runtime/turnInfo';

/**
 * Which reply texts mean what, for metrics: a table, so a new catalogue key is one line here.
 * Used only where the router has not said it itself (`TurnInfo.faq`).
 */
const FAQ_RESULT_BY_REPLY_KEY: Readonly<Record<string, FaqTurnResult>> = {
  'faq.answer': 'answered',
  'faq.pick': 'offered',
  'faq.none': 'missed',
};

/** Replies that mean "I did not understand you": out of scope, an answer we could not read, the offer of a person. */
const FALLBACK_REPLY_KEYS: ReadonlySet<string> = new Set(['menu.outOfScope', 'common.notUnderstood', 'humanOffer.ask']);

export interface TurnSummary {
  faq?: FaqTurnResult;
  fallback: boolean;
}

export function summarizeTurn(info: TurnInfo): TurnSummary {
  const keys = info.replyKeys ?? [];
  let faq = info.faq;
  // An answer beats an offer beats a miss when one turn showed several (an answer after a pick).
  for (const result of ['answered', 'offered', 'missed'] as const) {
    if (faq === undefined && keys.some((k) => FAQ_RESULT_BY_REPLY_KEY[k] === result)) faq = result;
  }
  return { faq, fallback: keys.some((k) => FALLBACK_REPLY_KEYS.has(k)) };
}
