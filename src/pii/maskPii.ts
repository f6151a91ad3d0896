/**
 * Hides personal data before text reaches a log line, a stored transcript, the Direct Line
 * activity log or a handover record. It covers what a bank's customers in mainland China, Hong
 * Kong and Taiwan paste into a chat:
 * - ID numbers: mainland resident ID (GB 11643-1999: 18 characters, last a check digit or X),
 *   Hong Kong identity card (one or two letters, six digits, a check character, often in
 *   brackets: A123456(7)), Taiwan national ID (a letter, 1 or 2, eight digits: A123456789);
 * - card numbers of 12–19 digits, grouped by spaces or dashes or not, whether or not they pass the
 *   Luhn check (a mistyped card number is still a card number);
 * - phone numbers: mainland mobiles (1[3-9], 11 digits), Hong Kong mobiles (8 digits from 5, 6 or
 *   9), Taiwan mobiles (09, 10 digits), and any number written with a + country code;
 * - e-mail addresses;
 * - one-time codes and passwords announced in the text ("验证码是 483920", "密码是 abc12345",
 *   "my password is hunter2").
 *
 * Linear time: every pattern is bounded (no nested or unbounded repetition that could backtrack),
 * e-mail addresses are grown outward from each "@", and digit runs are found in one pass. A
 * 64 K-character message is masked in a few milliseconds and cannot stall the event loop.
 */

/** "验证码是 483920", "OTP: 1234", "verification code is 123456": the digits go. */
const ONE_TIME_CODE =
  /((?:验证码|校验码|动态码|动态密码|短信码|驗證碼|校驗碼|動態碼|動態密碼|簡訊碼|\b(?:OTP|one[- ]time (?:pass)?code|verification code|security code|auth(?:entication)? code|sms code))[ \t]{0,3}(?:是|为|為|:|：|is|=)?[ \t]{0,3})\d{4,8}(?!\d)/gi;

/** "密码是 abc12345", "PIN：1234", "password: hunter2": what follows the announcement goes. */
const PASSWORD_ZH = /((?:登录密码|支付密码|交易密码|取款密码|查询密码|密码|密碼|口令|PIN码|PIN碼)[ \t]{0,3}(?:是|为|為|:|：|=)?[ \t]{0,3})(?!\[)[\x21-\x7e]{4,64}/gi;
const PASSWORD_EN = /(\b(?:password|passcode|passwd|pwd|pin)[ \t]{0,3}(?:is|:|=)[ \t]{0,3})(?!\[)[^\s，。,]{1,64}/gi;

/** Hong Kong (A123456(7), AB123456A) and Taiwan (A123456789) ID numbers. */
const HK_ID = /(?<![A-Za-z0-9])[A-Z]{1,2}\d{6}(?:\([0-9A]\)|[0-9A])(?![A-Za-z0-9])/g;
const TW_ID = /(?<![A-Za-z0-9])[A-Z][12]\d{8}(?![A-Za-z0-9])/g;

const LOCAL_MAX = 64;
const DOMAIN_MAX = 253;

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

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSeparator = (c: number) => c === 32 || c === 45; // space, dash
const isAlnum = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isLocalChar = (c: number) => isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -
const isDomainChar = (c: number) => isAlnum(c) || c === 46 || c === 45;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** A run of digits as written ("6222 0212 3456", "+86 138-1234-5678") and what it is. */
function classifyDigits(digits: string, international: boolean, checkChar: string): string | undefined {
  const n = digits.length;
  if (n === 17 && checkChar !== '' && isMainlandId(digits + 'X')) return '[id]';
  if (n === 18 && isMainlandId(digits)) return '[id]';
  if (international && n === 13 && /^861[3-9]/.test(digits)) return '[mobile]';
  if (international) return n >= 8 && n <= 15 ? '[phone]' : undefined;
  if (n === 11 && /^1[3-9]/.test(digits)) return '[mobile]';
  if (n === 13 && /^861[3-9]/.test(digits)) return '[mobile]';
  if (n === 10 && digits.startsWith('09')) return '[mobile]';
  if (n === 8 && /^[569]/.test(digits)) return '[mobile]';
  // Card numbers start with a major industry digit 1–9; a leading 0 is a landline or an order no.
  if (n >= 12 && n <= 19 && digits[0] !== '0') return `[card ****${digits.slice(-4)}]`;
  return undefined;
}

function isMainlandId(id: string): boolean {
  return /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]$/.test(id);
}

/** One pass over the text: each maximal run of digits (single spaces or dashes between digits allowed). */
function maskDigitRuns(text: string): string {
  let out = '';
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text.charCodeAt(i)) || (i > 0 && isAlnum(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    let end = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isDigit(c)) {
        digits += text[i];
        i++;
        end = i;
      } else if (isSeparator(c) && i + 1 < text.length && isDigit(text.charCodeAt(i + 1)) && digits.length < 24) {
        i++;
      } else break;
    }
    let checkChar = '';
    if (end < text.length && (text[end] === 'X' || text[end] === 'x')) checkChar = text[end];
    const after = end + checkChar.length;
    if (after < text.length && isLetter(text.charCodeAt(after))) continue; // part of a word or code
    let from = start;
    const international = start > 0 && text[start - 1] === '+';
    if (international) from = start - 1;
    const mask = digits.length <= 24 ? classifyDigits(digits, international, checkChar) : undefined;
    if (!mask) continue;
    const to = mask === '[id]' && digits.length === 17 ? after : end;
    out += text.slice(copied, from) + mask;
    copied = to;
    i = to;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Grows each "@" outward into an address: linear, where a regex from every start would not be. */
function maskEmails(text: string): string {
  if (!text.includes('@')) return text;
  let out = '';
  let copied = 0;
  let at = text.indexOf('@');
  while (at !== -1) {
    let left = at;
    while (left > copied && at - left < LOCAL_MAX && isLocalChar(text.charCodeAt(left - 1))) left--;
    let right = at + 1;
    while (right < text.length && right - at <= DOMAIN_MAX && isDomainChar(text.charCodeAt(right))) right++;
    // Trailing dots and dashes belong to the sentence, not the domain.
    while (right > at + 1 && (text[right - 1] === '.' || text[right - 1] === '-')) right--;
    const domain = text.slice(at + 1, right);
    const dot = domain.lastIndexOf('.');
    const tld = dot > 0 ? domain.slice(dot + 1) : '';
    if (left < at && tld.length >= 2 && /^[A-Za-z]+$/.test(tld)) {
      out += text.slice(copied, left) + '[email]';
      copied = right;
    }
    at = text.indexOf('@', Math.max(at + 1, copied));
  }
  return out + text.slice(copied);
}

export function maskPii(text: string): string {
  const announced = text
    .replace(ONE_TIME_CODE, '$1[code]')
    .replace(PASSWORD_ZH, '$1[password]')
    .replace(PASSWORD_EN, '$1[password]');
  const ids = announced.replace(HK_ID, '[id]').replace(TW_ID, '[id]');
  return maskDigitRuns(maskEmails(ids));
}

/** For log lines: masked and cut, so a log never carries a whole message. */
export function logPreview(text: string | undefined, max = 40): string {
  if (!text) return '';
  const masked = maskPii(text);
  return masked.length > max ? `${masked.slice(0, max)}…(${masked.length})` : masked;
}
