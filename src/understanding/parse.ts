import type { IntentId } from '../nlu/intents';
import type { Recognition } from '../nlu/types';

/**
 * THE contract between the parse (src/understanding/) and everything that reads it: the policy
 * (src/router.ts, dialogs/), the per-turn log and the conversation-story runner
 * (test/conversations/). Fields may be added, never repurposed. Issue 11 owns it.
 */

/** What the customer is doing with this message, independent of the topic. */
export const DIALOGUE_ACTS = [
  'question', // asks for information ("证书有效期几年")
  'problem', // states a problem or a wish ("证书过期了", "I need to find a branch")
  'answer', // answers the question the bot asked
  'affirm',
  'deny',
  'cancel',
  'thanks',
  'greet',
  'goodbye',
  'other',
] as const;
export type DialogueAct = (typeof DIALOGUE_ACTS)[number];

/** Slots any message may carry; lexicons and patterns per language live in `intents/`. */
export const SLOT_NAMES = [
  'certStatus', // 'expired' | 'expiring'
  'certWhen', // when it expires or expired, as said ("月底", "next week")
  'certKind', // 'usbKey' | 'fileCert' | 'mobile'
  'triedFailed', // 'onlineUpdate' | 'redownload' | ... : what the customer already tried
  'symptom', // an error the customer reports ('loginRefused', 'certInvalid', ...)
  'city',
  'district',
  'landmark',
  'day', // 'mon'…'sun' | 'weekend' | 'today' | 'tomorrow' | 'holiday'
  'time', // 'HH:MM' or a part of the day ('morning', 'evening')
  'branchService', // a counter service ('certificate', 'cash', 'account', ...)
  'itemRef', // which of the items just shown: '1', '2', … or 'last'
  'branchInfo', // what is asked about a branch: 'hours' | 'phone' | 'address' | 'appointment' | 'services'
] as const;
export type SlotName = (typeof SLOT_NAMES)[number];

export interface SlotValue {
  name: SlotName;
  /** Canonical value (an id from the slot lexicon, a city id, a day id, '2' for "第二家"). */
  value: string;
  /** The words it came from, as written (masked if they were PII). */
  source: string;
  /** "不是U盾" — the customer says it is NOT this value; a correction may follow. */
  negated?: boolean;
}

/** Safety signals: each is a reason to leave the normal path. */
export const SAFETY_SIGNALS = [
  'phishingContact', // a link / an instruction to log in, update or verify received by SMS, e-mail, call or chat
  'secretDisclosed', // a code, password or card number given to someone
  'moneyMoved', // money left the account without the customer meaning it
  'accountTakenOver', // someone else controls the account, device or phone number
  'scammed', // the customer says they were scammed or defrauded
  'phishingActedOn', // they clicked the link, logged in or typed something there (only with phishingContact)
] as const;
export type SafetySignal = (typeof SAFETY_SIGNALS)[number];

export interface Parse {
  recognition: Recognition;
  act: DialogueAct;
  slots: SlotValue[];
  safety: SafetySignal[];
  /** "回到证书的问题" / "back to my certificate": the topic (a flow's intent) to resume. */
  resume?: IntentId;
  /** Asked to go back to an earlier topic ("回到刚才的问题", "back to what we were discussing"), named or not. */
  wantsResume?: boolean;
  /** Message shapes that get a polite fixed answer and change nothing (see src/understanding/badInput.ts). */
  bad?: BadInputKind;
}

export const BAD_INPUT_KINDS = ['empty', 'tooLong', 'noWords', 'markup', 'foreignLanguage'] as const;
export type BadInputKind = (typeof BAD_INPUT_KINDS)[number];
