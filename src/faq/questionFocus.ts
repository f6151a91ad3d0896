import { normalizeText } from '../i18n/normalizeText';

/** Below this many characters a message is short enough to be its own question. */
const LONG_MESSAGE = 40;
/**
 * Clause breaks in what the customer typed (normalizeText removes punctuation, so cut first), and
 * the turns of a story towards its point ("…but the usb key wasn't detected", "…结果今天找到了").
 */
const CLAUSE_BREAK = /[，。！？；…\n!?;]+|[,.](?=\s|$)|\s+(?:but|so|and then)\s+|但是|可是|不过|结果/iu;

/**
 * The part of a long, rambling message that carries the question: what follows the last "想问一下 /
 * I want to know" (`leads`, data in intents/faq.json), else its last two clauses. Customers often
 * tell their story first ("我是做小生意的，平时用网银付款，最近换了电脑，想问一下文件证书能不能…");
 * the story's words dilute the match, so the FAQ also looks at the question alone (FaqIndex.search
 * keeps whichever reading is the surer one). Undefined for a short message or when nothing is left out.
 */
export function questionFocus(text: string, leads: readonly string[]): string | undefined {
  if (text.length < LONG_MESSAGE) return undefined;
  const normalized = normalizeText(text);
  let cut = -1;
  let leadLength = 0;
  for (const lead of leads) {
    const at = normalized.lastIndexOf(lead);
    if (at > cut) {
      cut = at;
      leadLength = lead.length;
    }
  }
  if (cut >= 0) {
    const rest = normalized.slice(cut + leadLength).trim();
    return rest.length >= 4 ? rest : undefined;
  }
  const clauses = text.split(CLAUSE_BREAK).map((c) => c.trim()).filter((c) => c !== '');
  if (clauses.length < 3) return undefined;
  return normalizeText(clauses.slice(-2).join(' '));
}
