import type { Language, Script } from '../nlu/types';
import { LANGUAGE_NEUTRAL_TOKENS } from './neutralWords';
import { isSimplifiedOnly } from '../nlu/simplifiedOnly';
import type { TraditionalVariant } from './scriptConverters';

export interface ScriptChoiceInput {
  /** The customer's text as sent (not normalized: normalization erases the script). */
  text: string;
  /** What the recognizer detected for this text. */
  detected: Script;
  /** The script we answered in last time (user state). */
  previous?: Script;
  /** A language the customer asked for explicitly ("English" / "中文"); wins until changed. */
  pinned?: Language;
  /** The channel's locale (`activity.locale`), the last resort for a first message without words. */
  channelLocale?: string;
  /** The recognizer read the Latin words as toneless pinyin ("zhengshu guoqi le"): a Chinese speaker. */
  pinyin?: boolean;
}

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /[a-z]+/gi;

/** The script a message is written in, or undefined when it has no words (digits, emoji, "ok"). */
export function scriptOfText(text: string, detected: Script, previous?: Script, channel?: Script): Script | undefined {
  const han = text.match(HAN) ?? [];
  const latin = (text.match(LATIN_WORD) ?? []).filter((w) => !LANGUAGE_NEUTRAL_TOKENS.has(w.toLowerCase()));
  if (han.length === 0) return latin.length === 0 ? undefined : 'en';
  // "U盾" is Chinese even if a detector counting Latin words says otherwise; mixed text such as
  // the button label "U盾（USB Key）" keeps a Chinese conversation Chinese.
  const previousChinese = previous === 'zh-Hans' || previous === 'zh-Hant' ? previous : undefined;
  const chinese = detected === 'en' ? (latin.length > 0 ? (previousChinese ?? 'en') : (previousChinese ?? 'zh-Hans')) : detected;
  if (chinese === 'zh-Hans' && (previous === 'zh-Hant' || channel === 'zh-Hant') && !han.some(isSimplifiedOnly)) {
    // 你好 / 好的 look the same in both scripts: keep answering in traditional (or start in it, on a
  // zh-TW / zh-HK channel).
    return 'zh-Hant';
  }
  return chinese;
}

export function scriptFromChannelLocale(locale: string | undefined): Script | undefined {
  const tag = (locale ?? '').toLowerCase();
  if (tag.startsWith('en')) return 'en';
  if (/^zh-(tw|hk|mo|hant)/.test(tag)) return 'zh-Hant';
  if (tag.startsWith('zh')) return 'zh-Hans';
  return undefined;
}

/** Hong Kong and Macau customers get Hong Kong phrasing; everyone else the configured default. */
export function variantFromChannelLocale(locale: string | undefined, fallback: TraditionalVariant): TraditionalVariant {
  return /^zh-(hk|mo)/i.test(locale ?? '') ? 'hk' : fallback;
}

/**
 * Decides the reply script: an explicit language choice first, then the script of this message,
 * then the script we used last, then the channel's locale, then simplified Chinese (most customers).
 */
export function chooseReplyScript(input: ScriptChoiceInput): Script {
  const channel = scriptFromChannelLocale(input.channelLocale);
  const own = input.pinyin ? pinyinScript(input.previous, channel) : scriptOfText(input.text, input.detected, input.previous, input.previous ? undefined : channel);
  if (input.pinned === 'en') return 'en';
  if (input.pinned === 'zh') {
    const chinese = [own, input.previous, channel].find((s) => s === 'zh-Hans' || s === 'zh-Hant');
    return chinese ?? 'zh-Hans';
  }
  return own ?? input.previous ?? channel ?? 'zh-Hans';
}

/**
 * Someone typing pinyin without an input method reads Chinese: a first message gets the channel's
 * Chinese script or simplified, never English because the letters are Latin. Later messages keep
 * the conversation's script: "Chengdu" or "Shenzhen" in an English conversation is a place name
 * that happens to be pinyin, not a switch to Chinese.
 */
function pinyinScript(previous: Script | undefined, channel: Script | undefined): Script {
  if (previous) return previous;
  return channel === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
}
