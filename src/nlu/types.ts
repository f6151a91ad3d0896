import type { IntentId } from './intents';

/** The script a customer wrote in; replies follow it. */
export type Script = 'zh-Hans' | 'zh-Hant' | 'en';
export type Language = 'zh' | 'en';

export interface ScoredIntent {
  intent: IntentId;
  score: number;
}

export interface Recognition {
  /** The winning intent after the fallback stage (`none` when not confident). */
  intent: IntentId;
  /** Confidence of `intent` in [0, 1]. */
  score: number;
  /** Best candidates before the fallback, highest first (kept even when `intent` is `none`). */
  alternatives: ScoredIntent[];
  language: Language;
  script: Script;
  /** The normalized text the classifier saw (simplified, half-width, lower-case, trimmed). */
  normalized: string;
}

export interface Recognizer {
  recognize(text: string): Recognition;
}
