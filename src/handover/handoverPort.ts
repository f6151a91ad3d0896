import type { TurnContext } from 'botbuilder';
import type { IntentId } from '../nlu/intents';

export interface HandoverRequest {
  /** Why the customer is being handed over; fraud goes to the front of the queue. */
  reason: 'requested' | 'fraud' | 'not_understood';
  urgent: boolean;
  /** What the bot understood last, shown to the agent. */
  lastIntent?: IntentId;
}

/**
 * What the dialogs need from the handover subsystem. The dialogs call `request` and send nothing
 * themselves about the queue: the implementation tells the customer where they stand.
 */
export interface HandoverPort {
  request(ctx: TurnContext, request: HandoverRequest): Promise<void>;
}
