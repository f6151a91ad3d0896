import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { TRADITIONAL_VARIANTS, type TraditionalVariant } from '../i18n/scriptConverters';

/**
 * Where a conversation stands with respect to the humans. Absent or `bot`: the bot answers.
 * `ticket` / `ticket_contact`: the customer was offered to leave a message (and then a contact).
 * `rating`: the agent closed; the next message may be a 1–5 rating.
 */
export const HANDOVER_STATES = ['bot', 'queued', 'assigned', 'rating', 'ticket', 'ticket_contact'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];

export const SCRIPTS = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type CustomerScript = (typeof SCRIPTS)[number];

/** The script to write to the customer in, and which traditional phrasing (Taiwan or Hong Kong). */
export interface HandoverLocale {
  script: CustomerScript;
  variant: TraditionalVariant;
}

export const REASONS = ['requested', 'fraud', 'not_understood'] as const;

/** The per-conversation HASH as stored; every field is a string in Redis, so parse on the way out. */
export const handoverRecordSchema = z.object({
  state: z.enum(HANDOVER_STATES).catch('bot'),
  member: z.string(),
  channel: z.string().default(''),
  script: z.enum(SCRIPTS).catch('zh-Hans'),
  // Records written before the variant was kept have none: Taiwan phrasing, as they got then.
  variant: z.enum(TRADITIONAL_VARIANTS).catch('tw'),
  reason: z.enum(REASONS).catch('requested'),
  urgent: z.string().default('0').transform((v) => v === '1'),
  lastIntent: z.string().default(''),
  customerName: z.string().default(''),
  enqueuedAt: z.coerce.number().default(0),
  agent: z.string().default(''),
  /** Epoch ms after which a `rating` or `ticket*` state no longer traps the customer's message. */
  stateUntil: z.coerce.number().default(0),
  ticket: z.string().default(''),
  /** In `ticket`: a message that looked like a question for the bot, kept until the customer confirms it is their message. */
  draft: z.string().default(''),
  reference: z
    .string()
    .default('{}')
    .transform((raw): Partial<ConversationReference> => {
      try {
        return JSON.parse(raw) as Partial<ConversationReference>;
      } catch {
        return {};
      }
    }),
});

export type HandoverRecord = z.output<typeof handoverRecordSchema>;

export function recordLocale(record: Pick<HandoverRecord, 'script' | 'variant'>): HandoverLocale {
  return { script: record.script, variant: record.variant };
}

export function parseRecord(hash: Record<string, string>): HandoverRecord | undefined {
  if (!hash.member) return undefined;
  const parsed = handoverRecordSchema.safeParse(hash);
  return parsed.success ? parsed.data : undefined;
}

/** The state that governs this turn: timed-out offers fall back to the bot. */
export function effectiveState(record: HandoverRecord | undefined, now: number): HandoverState {
  if (!record) return 'bot';
  const timed = record.state === 'rating' || record.state === 'ticket' || record.state === 'ticket_contact';
  return timed && record.stateUntil < now ? 'bot' : record.state;
}
