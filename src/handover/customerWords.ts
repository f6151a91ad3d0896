import { containsWord } from '../i18n/findWords';
import { normalizeText } from '../i18n/normalizeText';
import type { HandoverTexts } from './handoverTexts';

/** Phrases that cancel wherever they stand ("ok never mind, I figured it out", "其实算了"). */
const CANCEL_ANYWHERE = new Set(['算了', 'never mind', 'nevermind', 'forget it', '唔使', '不用了']);

/**
 * Reads the customer's short answers while the handover waits (queue, leave-a-message, contact):
 * the word lists are the reply catalogues' (`words.handoverCancel`, `yes`, `no`, `questionCues`),
 * so a bank changes them with its wording.
 */
export class CustomerWords {
  constructor(private readonly texts: HandoverTexts) {}

  /** "算了不用了", "不用等了，謝謝", "唔等喇", "no thanks, forget it": the customer wants out of this step. */
  isCancel(text: string): boolean {
    const n = normalizeText(text);
    if (n === '') return false;
    const words = this.texts.words('handoverCancel');
    if (words.some((w) => n === w || startsWithWord(n, w))) return true;
    return [...CANCEL_ANYWHERE].some((w) => words.includes(w) && containsWord(n, w));
  }

  isYes(text: string): boolean {
    return this.isOne(text, 'yes');
  }

  isNo(text: string): boolean {
    return this.isOne(text, 'no');
  }

  /** A question for the bot rather than a message for the staff ("证书的有效期是几年", "how long…?"). */
  looksLikeQuestion(text: string): boolean {
    if (/[?？]/.test(text)) return true;
    const n = normalizeText(text);
    return this.texts.words('questionCues').some((w) => containsWord(n, w));
  }

  private isOne(text: string, list: 'yes' | 'no'): boolean {
    const n = normalizeText(text).replace(/ (please|谢谢|thanks)$/, '');
    return this.texts.words(list).includes(n);
  }
}

function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const next = text.charAt(word.length);
  return next === '' || next === ' ' || !/[a-z0-9]/.test(word.charAt(word.length - 1)) || !/[a-z0-9]/.test(next);
}
