import { decide, isUnsure, type FallbackPolicy } from './fallback';
import { normalize, type Normalized } from './normalize';
import { rankByClause } from './rankByClause';
import type { Ranked, TextClassifier } from './TextClassifier';

export interface ClassifiedMessage {
  normalized: Normalized;
  /** Candidates before the fallback, best first (after the long-message clause stage). */
  ranked: Ranked[];
  /** The label to act on after the fallback (`noneLabel` when not confident). */
  chosen: Ranked;
  /** Whether some Latin words were read as toneless pinyin. */
  pinyin: boolean;
  /** `noneLabel` was chosen although another candidate is plausible (see fallback.ts). */
  unsure: boolean;
}

/**
 * One message through the whole path: normalize ► read pinyin ► repair English typos ► rank ► clauses of a long message
 * ► fallback. The recognizer and every evaluation (`nlu test`, `eval`, cross-validation) call this,
 * so the figures we report are the figures of the code that runs.
 */
export function classifyMessage(
  classifier: TextClassifier,
  fallback: FallbackPolicy,
  noneLabel: string,
  text: string,
  top = 3,
): ClassifiedMessage {
  const normalized = normalize(typeof text === 'string' ? text : '');
  if (normalized.text === '') return { normalized, ranked: [], chosen: { label: noneLabel, score: 1 }, pinyin: false, unsure: false };
  const pinyinWords = classifier.readPinyin(normalized.text);
  const whole = classifier.rankNormalized(classifier.repairTypos(normalized.text, pinyinWords), top, pinyinWords);
  const ranked = rankByClause(classifier, text, normalized.text, whole, top);
  const chosen = decide(ranked, fallback, noneLabel);
  return { normalized, ranked, chosen, pinyin: pinyinWords.size > 0, unsure: isUnsure(chosen, ranked, noneLabel) };
}
