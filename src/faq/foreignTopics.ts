/**
 * Topics the bank does not serve here (intents/faq.json `outOfScope`), named in a question. The
 * hidden out-of-scope entry of the index competes on similarity, but it is one long list, so its
 * cosine stays small next to a real entry that shares an everyday word: "医院挂号需要预约吗" is
 * nearer the branch-appointment entry than the list holding 医院, and "how do I apply for a
 * mortgage" nearer the certificate application. A question that names such a topic, when the best
 * entry never mentions it, is about that topic, and no entry of ours answers it, unless it also
 * names one of our own things (`inScopeAnchors`: 网银, 证书, U盾, online banking…) outside the
 * topic's words: "喺茶餐廳用免費wifi上網銀得唔得" and "证书过期了会影响微信支付吗" are ours, while
 * "my SSL certificate expired" is not (the topic "ssl certificate" holds the anchor).
 */
import { normalizeText } from '../i18n/normalizeText';

const ESCAPE = /[.*+?^${}()|[\]\\]/g;
const PLURAL = /(?<=[a-z])e?s$/;

/** One alternation of phrases, longest first; Latin edges on word boundaries ("rain" is not in "train"), plurals allowed. */
function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  const unique = [...new Set(phrases.filter((t) => normalizeText(t) !== ''))].sort((a, b) => b.length - a.length);
  const alternatives = unique.map((t) => {
    const body = t.replace(ESCAPE, '\\$&').replace(/ /g, '\\s+');
    const start = /^[a-z0-9]/.test(t) ? '(?<![a-z0-9])' : '';
    const end = /[a-z0-9]$/.test(t) ? '(?:e?s)?(?![a-z0-9])' : '';
    return `${start}${body}${end}`;
  });
  return alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'gu') : undefined;
}

export class ForeignTopics {
  private readonly topics: RegExp | undefined;
  private readonly anchors: RegExp | undefined;

  /**
   * `topics`, `anchors` and `entryTexts` (by entry id) are already prepared as questions are
   * (normalized, rewritten through the synonyms), so both sides spell a word the same way.
   */
  constructor(
    topics: readonly string[],
    anchors: readonly string[],
    private readonly entryTexts: ReadonlyMap<string, string>,
  ) {
    this.topics = phrasePattern(topics);
    this.anchors = phrasePattern(anchors);
  }

  /** The first topic the prepared question names that the entry's own text never mentions, if it names nothing of ours besides. */
  namedBeside(prepared: string, entryId: string): string | undefined {
    if (!this.topics) return undefined;
    const own = this.entryTexts.get(entryId) ?? '';
    const foreign = [...prepared.matchAll(this.topics)].map((m) => m[0].replace(/\s+/g, ' ')).find((topic) => !own.includes(topic) && !own.includes(topic.replace(PLURAL, '')));
    if (foreign === undefined || !this.anchors) return foreign;
    const rest = prepared.replace(this.topics, ' ');
    this.anchors.lastIndex = 0;
    return this.anchors.test(rest) ? undefined : foreign;
  }
}
