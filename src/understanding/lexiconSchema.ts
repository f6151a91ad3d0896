import { z } from 'zod';
import { INTENTS } from '../nlu/intents';
import { DIALOGUE_ACTS, SAFETY_SIGNALS, SLOT_NAMES } from './parse';

/**
 * The shape of `intents/understanding/{zh,en}.json`: the words and patterns the parse looks for,
 * per language. Every pattern is a regular-expression source matched against the normalized
 * message (simplified, half-width, lower-case, punctuation turned into spaces; a message that had
 * a question mark gets " ?" appended). A bank changes what the bot understands here, not in code.
 */
const pattern = z.string().min(1, 'must not be empty').superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression (${err instanceof Error ? err.message : String(err)})` });
  }
});

/** A rule fires when EVERY group has a pattern that matches ("received" AND "a link" AND "update"). */
const ruleSchema = z.array(z.array(pattern).min(1, 'a group needs at least one pattern')).min(1, 'a rule needs at least one group');

const actSchema = z.object({
  /** Any pattern of any list decides the act; acts are tried in the order of DIALOGUE_ACTS. */
  rules: z.array(z.array(pattern)),
});

const signalSchema = z.object({
  rules: z.array(ruleSchema),
  /** Words just before the match that say it did NOT happen ("没有告诉", "didn't give"). */
  unlessBefore: z.array(pattern).default([]),
});

/**
 * Canonical value → patterns for one slot. certStatus may also list `due` ("到期", "expires"): an
 * expiry mentioned without saying whether it is past, which a `when` phrase then decides.
 */
const slotValuesSchema = z.record(z.string().regex(/^[a-zA-Z0-9]+$/, 'slot values are short ids'), z.array(pattern).min(1));

export const lexiconSchema = z.object({
  /** Latin-script languages: patterns only match on word boundaries ("app" not inside "happy"). */
  wordBoundaries: z.boolean(),
  acts: z.record(z.enum(DIALOGUE_ACTS), actSchema),
  /** Words just before a slot's words that negate it ("不是U盾", "not a usb key"). */
  negation: z.array(pattern),
  slots: z.partialRecord(z.enum(SLOT_NAMES), slotValuesSchema),
  /** certWhen phrases that lie ahead ("月底", "next week": expiring) or behind ("上周": expired). */
  when: z.object({ future: z.array(pattern), past: z.array(pattern) }),
  safety: z.partialRecord(z.enum(SAFETY_SIGNALS), signalSchema),
  /** "回到证书的问题", "back to my certificate": words that ask to resume an earlier topic. */
  resume: z.array(pattern),
  /** Words that ask to go back even without naming the topic ("回到刚才的问题", "where were we"). */
  resumeUnnamed: z.array(pattern).default([]),
  /** Words that name a topic (a flow's intent), for resuming and for offers. */
  topics: z.partialRecord(z.enum(INTENTS), z.array(pattern)),
  /**
   * Asking whether one may give something ("验证码发给客服可以吗", "can I tell them my PIN?"), with
   * nothing said to be done yet: not a disclosed secret (the FAQ answers: never).
   */
  permissionQuestion: z.array(pattern).default([]),
  /** Words of languages we do not serve ("gracias", "bonjour"): such a message gets a polite note. */
  foreign: z.array(pattern).default([]),
});

export type Lexicon = z.output<typeof lexiconSchema>;
