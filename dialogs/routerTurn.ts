import type { DialogContext } from 'botbuilder-dialogs';
import type { Recognition, Script } from '../src/nlu/types';
import type { FlowDefinition, FlowServices } from './flowTypes';
import type { HumanAgentOptions } from './humanAgentDialog';
import type { FlowRegistry } from './index';
import type { TextRef } from './textRef';
import type { TurnInput } from './turnInput';

/** What the router offers interruption handlers for one turn (implemented by src/router.ts). */
export interface RouterTurn {
  dc: DialogContext;
  input: TurnInput;
  services: FlowServices;
  registry: FlowRegistry;
  /** The flow at the bottom of the dialog stack, if one is running. */
  activeFlow: FlowDefinition | undefined;
  recognize(text: string): Recognition;
  /** Ends whatever runs and starts `flow`. */
  startFlow(flow: FlowDefinition, options?: object): Promise<void>;
  /** Repeats the pending question after `preface`; false when no question is pending. */
  reprompt(preface?: TextRef[]): boolean;
  /** An explicit language choice: remembered for the customer and used for this turn's replies. */
  pinLanguage(script: Script): void;
  /** Whom to tell the agent about: urgent when the customer is in (or just came from) the fraud flow. */
  humanRequest(): HumanAgentOptions;
}
