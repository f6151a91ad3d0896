import { z } from 'zod';
import { bilingualListSchema, bilingualSchema } from '../i18n/bilingualSchema';
import { INTENTS } from '../nlu/intents';
import { synonymGroupSchema } from './faqSynonyms';

/** Held-out phrasings per language each entry must carry, so the hit-rate test has something to ask. */
export const MIN_TESTS_PER_LANGUAGE = 2;

export const faqEntrySchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case'),
  question: bilingualSchema,
  answer: bilingualSchema,
  /** Extra words customers use for this question; indexed together with the question. */
  keywords: bilingualListSchema(),
  /** Phrasings that are NOT indexed: the hit-rate test asks them. */
  tests: bilingualListSchema(MIN_TESTS_PER_LANGUAGE),
  /**
   * The intent whose flow is offered with this answer: a general question ("怎么保护网银账户安全")
   * gets the short answer and then the flow's choices to go deeper, as a person at the counter
   * would. The flow must declare an `offer` reply.
   */
  offers: z.enum(INTENTS).optional(),
});

export const faqFileSchema = z
  .object({
    entries: z.array(faqEntrySchema).min(1, 'needs at least one entry'),
    /** Variants rewritten to one canonical form on both sides of the lookup (dialect, brand names, typos). */
    synonyms: z.array(synonymGroupSchema).default([]),
    /** Words of topics not served here; indexed as a hidden entry that, when it matches best, means "no answer". */
    outOfScope: bilingualListSchema().default({ zh: [], en: [] }),
    /**
     * Words naming the bank's own products here (网银, 证书, U盾, online banking…): a question that
     * holds one outside an out-of-scope topic's words is still ours ("证书过期了会影响微信支付吗").
     */
    inScopeAnchors: bilingualListSchema().default({ zh: [], en: [] }),
    /** Words after which a long message asks its question ("想问一下", "I want to know"): see questionFocus.ts. */
    questionLeads: bilingualListSchema().default({ zh: [], en: [] }),
    /** Questions the FAQ must NOT answer (other topics, other businesses); never indexed, asked by the tests. */
    outOfScopeTests: bilingualListSchema().default({ zh: [], en: [] }),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.entries.forEach((entry, i) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `duplicate id "${entry.id}"` });
      seen.add(entry.id);
    });
  });

export type FaqEntry = z.output<typeof faqEntrySchema>;
export type FaqFile = z.output<typeof faqFileSchema>;
