/**
 * Hides personal data before text reaches a log line or a stored transcript. It covers what a
 * Chinese bank's customers most often paste into a chat: mainland resident ID numbers
 * (GB 11643-1999, 18 characters, last one a check digit or X), bank card numbers (16–19 digits
 * that pass the Luhn check, optionally grouped by spaces or dashes), mainland mobile numbers
 * (1[3-9]x, 11 digits, optional +86) and e-mail addresses.
 */

const ID_CARD = /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const CARD_CANDIDATE = /(?<!\d)\d(?:[ -]?\d){15,18}(?!\d)/g;
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Keeps the last four digits of a card, as bank statements do, so agents can still refer to it. */
function maskCard(match: string): string {
  const digits = match.replace(/[ -]/g, '');
  if (digits.length < 16 || digits.length > 19 || !luhnValid(digits)) return match;
  return `[card ****${digits.slice(-4)}]`;
}

export function maskPii(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(ID_CARD, '[id]')
    .replace(CARD_CANDIDATE, maskCard)
    .replace(MOBILE, '[mobile]');
}

/** For log lines: masked and cut, so a log never carries a whole message. */
export function logPreview(text: string | undefined, max = 40): string {
  if (!text) return '';
  const masked = maskPii(text);
  return masked.length > max ? `${masked.slice(0, max)}…(${masked.length})` : masked;
}
