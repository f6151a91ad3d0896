import { cutToLimit } from './cutToLimit';
import { Intent } from './intents';
import { normalize } from './normalize';
import type { Ranked, TextClassifier } from './TextClassifier';

/**
 * Social and out-of-scope labels: in a long message they are framing ("hi, I've banked with you
 * for years… thanks"), not what the customer wants, so a clause never wins with one of them.
 */
const FRAMING: ReadonlySet<string> = new Set<string>([Intent.Greeting, Intent.Goodbye, Intent.None]);

// Clause boundaries: sentence and clause punctuation (both widths), line breaks, and the
// connectives that turn a story into its point ("…结果登录的时候提示证书过期了", "…but now…").
const CLAUSE_BREAK = /[。！？!?；;，,、\n]+|\.(?:\s|$)|\s(?:but|so|and then|because)\s|(?:但是|可是|不过|结果|然后|所以|因为|後來|后来)/giu;
/** A message is long enough to split when its normalized text has this many characters. */
export const LONG_MESSAGE_CHARS = 24;
/** Clauses shorter than this (normalized characters) say too little to be trusted alone. */
const MIN_CLAUSE_CHARS = 4;
/** A content intent found in one clause wins over the whole message only with this probability. */
const CLAUSE_WINS_AT = 0.6;

/**
 * Long rambling messages dilute their point: the words of the story outweigh the one clause that
 * says what is wrong. For a long message we also rank each clause (and each pair of neighbouring
 * clauses, since a point may straddle a comma): the most confident content intent, of the whole
 * message or of any span, wins when it is confident; otherwise the whole message's ranking stands.
 */
export function rankByClause(classifier: TextClassifier, raw: string, normalizedText: string, whole: Ranked[], top: number): Ranked[] {
  if (normalizedText.length < LONG_MESSAGE_CHARS) return whole;
  const clauses = cutToLimit(raw)
    .split(CLAUSE_BREAK)
    .map((c) => normalize(c).text)
    .filter((c) => c.length >= MIN_CLAUSE_CHARS);
  if (clauses.length < 2) return whole;
  const spans = [...clauses, ...clauses.slice(1).map((c, i) => `${clauses[i]} ${c}`)];
  let best: Ranked[] | undefined = FRAMING.has(whole[0].label) ? undefined : whole;
  for (const span of spans) {
    const ranked = classifier.rankNormalized(span, top);
    const lead = ranked[0];
    if (FRAMING.has(lead.label) || lead.score < CLAUSE_WINS_AT) continue;
    if (!best || lead.score > best[0].score) best = ranked;
  }
  return best ?? whole;
}
