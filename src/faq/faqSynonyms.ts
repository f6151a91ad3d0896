/**
 * Synonyms and dialect words as data (`synonyms` in intents/faq.json): every variant is rewritten
 * to its group's canonical form, in the FAQ's own text at indexing and in the customer's question
 * at lookup, so "K宝", "ukey" and "USB key" all meet "U盾", Cantonese "點樣" meets "怎么" and
 * Taiwan's "憑證" meets "证书". Both sides first go through normalizeText (half-width, lower case,
 * simplified), so a group lists simplified, lower-case forms only.
 */
import { z } from 'zod';
import { normalizeText } from '../i18n/normalizeText';

export const synonymGroupSchema = z.object({
  canonical: z.string().trim().min(1, 'must not be empty'),
  variants: z.array(z.string().trim().min(1, 'must not be empty')).min(1, 'needs at least one variant'),
  /** Why the group exists (dialect, brand name, typo), for the bank editing the file. */
  note: z.string().optional(),
});

export type SynonymGroup = z.output<typeof synonymGroupSchema>;

const LATIN_START = /^[a-z0-9]/;
const LATIN_END = /[a-z0-9]$/;

export class SynonymRewriter {
  private readonly pattern: RegExp | undefined;
  private readonly canonicalOf = new Map<string, string>();

  constructor(groups: readonly SynonymGroup[]) {
    const variants: string[] = [];
    for (const group of groups) {
      const canonical = normalizeText(group.canonical);
      for (const raw of group.variants) {
        const variant = normalizeText(raw);
        if (variant === '' || variant === canonical || this.canonicalOf.has(variant)) continue;
        this.canonicalOf.set(variant, canonical);
        variants.push(variant);
      }
    }
    // Longest first, so "网上银行" wins over "银行"; Latin edges must sit on word boundaries
    // ("pw" is not rewritten inside "pwd" or "upward").
    variants.sort((a, b) => b.length - a.length);
    const alternatives = variants.map((v) => {
      const body = v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
      const start = /^[a-z0-9]/.test(v) ? '(?<![a-z0-9])' : '';
      const end = /[a-z0-9]$/.test(v) ? '(?![a-z0-9])' : '';
      return `${start}${body}${end}`;
    });
    this.pattern = alternatives.length > 0 ? new RegExp(alternatives.join('|'), 'gu') : undefined;
  }

  /**
   * Rewrites already-normalized text. A canonical form's Latin edge is padded with a space, so it
   * stays a word of its own ("改pw" → "改 password", never glued to the next word).
   */
  rewrite(normalized: string): string {
    if (!this.pattern) return normalized;
    const rewritten = normalized.replace(this.pattern, (match) => {
      const canonical = this.canonicalOf.get(match.replace(/\s+/g, ' ')) ?? match;
      return `${LATIN_START.test(canonical) ? ' ' : ''}${canonical}${LATIN_END.test(canonical) ? ' ' : ''}`;
    });
    return rewritten === normalized ? normalized : rewritten.replace(/\s+/g, ' ').trim();
  }
}
