import type { Dialog } from 'botbuilder-dialogs';
import type { BranchDirectory } from '../src/branches/branchDirectory';
import type { FaqIndex } from '../src/faq/faqIndex';
import type { HandoverPort } from '../src/handover/handoverPort';
import type { ReplyKey } from '../src/i18n/catalogueSchema';
import type { Localizer } from '../src/i18n/localizer';
import type { IntentId } from '../src/nlu/intents';
import type { DialogIdValue } from './dialogIds';
import type { Replies } from './replies';

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
  create(services: FlowServices): Dialog;
}

/** Options any flow may be started with by the router. */
export interface FlowStart {
  /** The message that started the flow, for filling slots ("U盾证书过期了" → expired, USB key). */
  utterance?: string;
}
