import type { IntentId } from './intents';

/** The script a customer wrote in; replies follow it. */
export type Script = 'zh-Hans' | 'zh-Hant' | 'en';
export type Language = 'zh' | 'en';
/** Regional phrasing seen in the text itself (Cantonese characters → `hk`); undefined when nothing regional shows. */
export type RegionalVariant = 'hk' | 'tw';

export interface ScoredIntent {
  intent: IntentId;
  /** Calibrated probability in [0, 1]: of messages scored p, about p are this intent. */
  score: number;
}

/**
 * THE contract between the classifier (`src/nlu/`, issue 12) and the conversation layer
 * (`src/understanding/`, `src/router.ts`, issue 11). Fields may be added, never repurposed.
 */
export interface Recognition {
  /** The winning intent after the fallback stage (`none` when not confident). */
  intent: IntentId;
  /** Confidence of `intent` in [0, 1], calibrated (see `ScoredIntent.score`). */
  score: number;
  /** Best candidates before the fallback, highest first (kept even when `intent` is `none`). */
  alternatives: ScoredIntent[];
  /**
   * True when the model does not know: the fallback fired although some candidate other than
   * `none` is plausible. The dialogue layer then asks a short question with `alternatives`
   * instead of guessing (and never raises a fraud alarm on an unsure parse).
   */
  unsure: boolean;
  language: Language;
  script: Script;
  /** Regional variant shown by the text (Cantonese → `hk`, Taiwan-only wording → `tw`). */
  variant?: RegionalVariant;
  /** True when (part of) the message was read as toneless pinyin typed without an input method. */
  pinyin: boolean;
  /** The normalized text the classifier saw (simplified, half-width, lower-case, trimmed). */
  normalized: string;
}

export interface Recognizer {
  recognize(text: string): Recognition;
}
