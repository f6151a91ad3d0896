import { z } from 'zod';
import { SAFETY_SIGNALS, SLOT_NAMES } from '../understanding/parse';

/**
 * The conversation-story format (issue 11): conversations as test data. A story is what a
 * customer says, turn by turn, and what must hold after each turn. Expectations read what the bot
 * records per turn (src/runtime/turnInfo.ts) and the replies it sent, and are meant to be robust:
 * a policy rule, slots, catalogue keys and a few key words rather than exact wording.
 *
 * Every object is strict, so a misspelt expectation ("replykeys") is an error naming the file
 * and story instead of a check that silently never runs.
 */

export const STORY_CATEGORIES = [
  'cert',
  'branch',
  'security',
  'fraud',
  'safety',
  'faq',
  'followUp',
  'resume',
  'cancel',
  'handover',
  'smallTalk',
  'badInput',
  'language',
] as const;
export type StoryCategory = (typeof STORY_CATEGORIES)[number];

/** The language a story is written in; `mixed` is Chinese and English in one message, `pinyin` toneless pinyin. */
export const STORY_LANGUAGES = ['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK', 'en', 'mixed', 'pinyin'] as const;
export type StoryLanguage = (typeof STORY_LANGUAGES)[number];

export const REPLY_SCRIPTS = ['zh-Hans', 'zh-Hant', 'en'] as const;

/** Why the bot asked for a person (HandoverRequest.reason), or just `true` / `false`. */
const handoverExpectation = z.union([z.boolean(), z.enum(['requested', 'fraud', 'not_understood'])]);

/** One group of words: a string must appear; an array means any one of them must appear. */
const wordGroup = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);
const oneOrMany = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** Slot name → canonical value that must be in the turn's parse, or `null`: that slot must be absent. */
const slotsExpectation = z.partialRecord(z.enum(SLOT_NAMES), z.string().min(1).nullable());

export const expectationShape = {
  /** The recognized intent (one of, when a list). */
  intent: oneOrMany.optional(),
  /** Subset match on the turn's parse slots (negated slots do not count as present). */
  slots: slotsExpectation.optional(),
  /** Safety signals the parse must carry; `[]`: none at all (typos, "renewal failed" are no alarm). */
  safety: z.array(z.enum(SAFETY_SIGNALS)).optional(),
  /** The policy rule id that decided the turn (one of, when a list). */
  rule: oneOrMany.optional(),
  /** Catalogue keys that must appear among the turn's reply keys (a list inside: any one of them); `faq.*` matches a prefix. */
  replyKeys: z.array(wordGroup).min(1).optional(),
  /** Catalogue keys that must NOT appear. */
  notReplyKeys: z.array(z.string().min(1)).min(1).optional(),
  /** Words the replies must contain: every group must hold; a group that is a list needs any one. */
  says: z.union([z.string().min(1), z.array(wordGroup).min(1)]).optional(),
  /** Words none of the replies may contain. */
  notSays: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** The script the bot replied in. */
  script: z.enum(REPLY_SCRIPTS).optional(),
  /** Whether the bot asked for a person this turn (and why). */
  handover: handoverExpectation.optional(),
};
export const EXPECTATION_NAMES = Object.keys(expectationShape) as Array<keyof typeof expectationShape>;

/** What the customer sends: text, or a long text built by repetition (the 10,000-character case). */
const saySchema = z.union([z.string(), z.strictObject({ repeat: z.string().min(1), times: z.number().int().min(1).max(20_000) })]);

/** Something a human agent does in the console between customer turns. */
const agentAction = z.union([z.enum(['take', 'close', 'closeWithRating']), z.strictObject({ say: z.string().min(1) })]);

const turnSchema = z
  .strictObject({
    /** What the customer says. */
    say: saySchema.optional(),
    /** A location the customer shares (the channel's GeoCoordinates entity), with or without text. */
    location: z.strictObject({ latitude: z.number(), longitude: z.number(), name: z.string().optional() }).optional(),
    /** Or: what a human agent does (the customer receives what it pushes). */
    agent: agentAction.optional(),
    /** Or: nobody took the customer in time (the wait sweep runs). */
    event: z.literal('waitTimeout').optional(),
    /** Why this turn is here, for the reader of the report. */
    note: z.string().optional(),
    ...expectationShape,
  })
  .superRefine((turn, ctx) => {
    const customer = turn.say !== undefined || turn.location !== undefined;
    const kinds = [customer, turn.agent !== undefined, turn.event !== undefined].filter(Boolean).length;
    if (kinds !== 1) ctx.addIssue({ code: 'custom', message: 'a turn has exactly one of "say" (and/or "location"), "agent" or "event"' });
    if (!EXPECTATION_NAMES.some((name) => turn[name] !== undefined)) {
      ctx.addIssue({ code: 'custom', message: `a turn needs at least one expectation (${EXPECTATION_NAMES.join(', ')})` });
    }
    if (!customer && (turn.intent || turn.slots || turn.safety || turn.rule || turn.script)) {
      ctx.addIssue({ code: 'custom', message: 'intent, slots, safety, rule and script can only be expected of a customer turn ("say" or "location")' });
    }
  });
export type StoryTurn = z.output<typeof turnSchema>;

export const storySchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/, 'letters, digits, ".", "_" or "-"'),
  category: z.enum(STORY_CATEGORIES),
  lang: z.union([z.enum(STORY_LANGUAGES), z.array(z.enum(STORY_LANGUAGES)).min(1)]).transform((l) => (Array.isArray(l) ? l : [l])),
  /** The channel's locale (activity.locale), e.g. 'zh-HK'. */
  locale: z.string().optional(),
  /** A safety story: every one must pass. */
  safety: z.boolean().optional(),
  /** Whether an agent is online when the customer asks for one (default: online). */
  agents: z.enum(['online', 'none']).optional(),
  note: z.string().optional(),
  turns: z.array(turnSchema).min(1),
});
export type Story = z.output<typeof storySchema>;

/** A file holds one story or a list of them. */
export const storyFileSchema = z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]);
