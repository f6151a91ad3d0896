/**
 * Latin-letter tokens that Chinese-speaking customers type too ("ok", "faq", "U盾"'s "u"): a
 * message made only of these says nothing about the language to answer in, so the previous
 * reply language is kept.
 */
export const LANGUAGE_NEUTRAL_TOKENS: ReadonlySet<string> = new Set([
  'ok',
  'okay',
  'k',
  'faq',
  'u',
  'usb',
  'ukey',
  'app',
  'id',
  'pin',
  'atm',
  'wifi',
  'wi',
  'fi',
  'sms',
  'otp',
  'vip',
  'qq',
  'x',
]);
