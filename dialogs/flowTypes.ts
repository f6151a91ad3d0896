import type { Dialog } from 'botbuilder-dialogs';
import type { BranchDirectory } from '../src/branches/branchDirectory';
import type { FaqIndex } from '../src/faq/faqIndex';
import type { HandoverPort } from '../src/handover/handoverPort';
import type { ReplyKey } from '../src/i18n/catalogueSchema';
import type { Localizer } from '../src/i18n/localizer';
import type { IntentId } from '../src/nlu/intents';
import type { RememberedSlot } from '../src/understanding/conversationMemory';
import type { DialogIdValue } from './dialogIds';
import type { Replies } from './replies';
import type { TextRef } from './textRef';

/** What every flow may use; built once by the bot and handed to each flow's factory. */
export interface FlowServices {
  localizer: Localizer;
  replies: Replies;
  branches: BranchDirectory;
  faq: FaqIndex;
  /** Sends the turn's collected replies first, so the handover's own message comes after them. */
  handover: HandoverPort;
}

/** How a flow appears in the registry (dialogs/index.ts). */
export interface FlowDefinition {
  dialogId: DialogIdValue;
  /** Intents that start this flow (none for flows reached only from other flows). */
  intents: readonly IntentId[];
  /** What "help" says while this flow is active. */
  help: ReplyKey;
  /**
   * When this flow's intent is recognized while ANOTHER flow waits for an answer: undefined
   * switches to this flow; a reply key answers with that reply and goes back to the question
   * (a "hello" in the middle of a flow should not throw the flow away).
   */
  aside?: ReplyKey;
  /**
   * The slots this flow reads from conversation memory. A message that changes one of them while
   * the flow runs starts it again from memory (it asks only for what is still missing), and
   * cancelling the flow forgets them.
   */
  slots?: readonly RememberedSlot[];
  /**
   * Slots with which this flow answers a question better than the FAQ can ("杭州的网点周末开门吗"
   * names a city: list those branches with their weekend hours instead of the general FAQ entry).
   */
  answersWith?: readonly RememberedSlot[];
  /** Said before the flow's first question when a question's answer offers this flow ("I can walk you through it"). */
  offer?: ReplyKey;
  /**
   * When an answered question offers this flow: when the question carries one of its slots (the
   * default: "证书过期了还能转账吗"), or whenever the classifier names its intent (the branch search:
   * "附近网点几点开门" gets the general hours and the question where).
   */
  offerWhen?: 'slots' | 'intent';
  /** With offerWhen 'slots': the slots that show the problem (a certificate's status, not just its kind). */
  offerOn?: readonly RememberedSlot[];
  create(services: FlowServices): Dialog;
}

/**
 * Options any flow may be started with by the router. Flows read what the customer said from
 * conversation memory (slots) and from the current turn's input, never from stored text.
 */
export interface FlowStart {
  /** Said before the flow's first reply (an FAQ answer, "back to where we were"). */
  preface?: TextRef[];
}
