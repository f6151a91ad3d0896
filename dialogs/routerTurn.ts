import type { DialogContext } from 'botbuilder-dialogs';
import type { Recognition, Script } from '../src/nlu/types';
import type { RememberedSlot } from '../src/understanding/conversationMemory';
import type { FlowDefinition, FlowServices, FlowStart } from './flowTypes';
import type { HumanAgentOptions } from './humanAgentDialog';
import type { FlowRegistry } from './index';
import type { TextRef } from './textRef';
import type { TurnInput } from './turnInput';

export type FaqTurnOutcome = 'answered' | 'offered' | 'missed';

/** What the router offers the policy rules for one turn (implemented by src/router.ts). */
export interface RouterTurn {
  dc: DialogContext;
  input: TurnInput;
  services: FlowServices;
  registry: FlowRegistry;
  /** The flow at the bottom of the dialog stack, if one is running. */
  activeFlow: FlowDefinition | undefined;
  /** Remembered slots this message changed (already written to `input.memory`). */
  changed: ReadonlySet<RememberedSlot>;
  recognize(text: string): Recognition;
  /** Ends whatever runs and starts `flow`; a different running flow is suspended (resumable). */
  startFlow(flow: FlowDefinition, options?: object): Promise<void>;
  /** Repeats the pending question after `preface`; false when no question is pending. */
  reprompt(preface?: TextRef[]): boolean;
  /** Lets the pending question take the message when it is an answer (exact: its number or a label). */
  answerPending(exact: boolean): Promise<boolean>;
  /** Hands the message to a flow waiting in a dialog of its own (not a question). */
  continuePending(): Promise<boolean>;
  /** An explicit language choice: remembered for the customer and used for this turn's replies. */
  pinLanguage(script: Script): void;
  /** Whom to tell the agent about: urgent when the customer is in (or just came from) the fraud flow. */
  humanRequest(): HumanAgentOptions;
  /** Records what the FAQ did this turn (turnInfo.faq). */
  faq(outcome: FaqTurnOutcome): void;
  /** Not understood: the pending question again, or the menu; twice in a row offers a person. */
  notUnderstood(): Promise<void>;
  /** One more misunderstanding now would offer a person (the previous turn was one). */
  nextMissOffersPerson: boolean;
}

export type { FlowStart };
