import { toSimplified } from './chineseConverters';
import { regionalWording } from './regionalWording';
import { isSimplifiedOnly } from './simplifiedOnly';
import type { Language, RegionalVariant, Script } from './types';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]+/gi;

export interface ScriptGuess {
  language: Language;
  script: Script;
  /** `hk` when Cantonese-only characters show, else `tw` for Taiwan-only wording; absent otherwise. */
  variant?: RegionalVariant;
}

// Written Cantonese uses 晒 as a particle ("唔該晒": thanks a lot), not as the simplified form of
// 曬, so in a Cantonese message it is no vote for simplified script.
const CANTONESE_PARTICLES_THAT_LOOK_SIMPLIFIED = new Set(['晒']);

/**
 * Guesses the language and script of (un-converted) text. Must run BEFORE traditional-to-simplified
 * conversion, or every message would look simplified.
 *
 * Chinese wins when its Han characters, counted as words of two characters (the usual
 * length of a Chinese word), are at least as many as its Latin words, so "我的U盾丢了"
 * is Chinese and "my 证书 expired" is English. Traditional versus simplified: count the characters
 * that change when converted to simplified (traditional-only forms) against those that change
 * when converted to traditional (simplified-only forms); characters shared by both scripts (我, 的)
 * count for neither. Ties go to simplified, the majority of our customers. Cantonese-only
 * characters (冇, 嘢, 唔) count as traditional and mark the message `hk`; Taiwan-only wording
 * (簡訊, 帳號, 禮拜) marks it `tw`. Both lists are data: intents/nlu/normalization/regional.json.
 */
export function detectScript(text: string, fallback: ScriptGuess = { language: 'zh', script: 'zh-Hans' }): ScriptGuess {
  const han = text.match(HAN);
  const hanCount = han ? han.length : 0;
  const latinWords = text.match(LATIN_WORD)?.length ?? 0;
  if (hanCount === 0 && latinWords === 0) return fallback;
  if (hanCount / 2 < latinWords) return { language: 'en', script: 'en' };
  const hanText = han ? han.join('') : '';
  const regional = regionalWording();
  const cantonese = regional.cantoneseCount(hanText);
  // Cantonese is written in traditional script in Hong Kong: its own characters vote traditional.
  const traditionalOnly = countChanged(hanText, toSimplified(hanText)) + cantonese;
  const simplifiedOnly = countSimplifiedOnly(hanText, cantonese > 0);
  const script = traditionalOnly > simplifiedOnly ? 'zh-Hant' : 'zh-Hans';
  const variant = cantonese > 0 ? 'hk' : regional.hasTaiwanWording(hanText) ? 'tw' : undefined;
  return variant ? { language: 'zh', script, variant } : { language: 'zh', script };
}

function countSimplifiedOnly(hanText: string, cantonese: boolean): number {
  let count = 0;
  for (const char of hanText) if (isSimplifiedOnly(char) && !(cantonese && CANTONESE_PARTICLES_THAT_LOOK_SIMPLIFIED.has(char))) count++;
  return count;
}

function countChanged(before: string, after: string): number {
  // Phrase conversions can change length; then we can only say "something changed".
  if (before.length !== after.length) return before === after ? 0 : 1;
  let changed = 0;
  for (let i = 0; i < before.length; i++) if (before.charCodeAt(i) !== after.charCodeAt(i)) changed++;
  return changed;
}
