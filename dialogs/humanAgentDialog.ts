import { WaterfallDialog } from './dialogKit';
import { z } from 'zod';
import type { HandoverRequest } from '../src/handover/handoverPort';
import { Intent, INTENTS } from '../src/nlu/intents';
import { DialogId } from './dialogIds';
import type { FlowDefinition } from './flowTypes';

export type HumanAgentOptions = HandoverRequest;

const optionsSchema = z.object({
  reason: z.enum(['requested', 'fraud', 'not_understood']).default('requested'),
  urgent: z.boolean().default(false),
  lastIntent: z.enum(INTENTS).optional(),
});

/**
 * human_agent: every road to a person ends here ("人工", the menus' "talk to an agent", fraud,
 * repeated misunderstandings), so the handover port is called from one place. The port tells the
 * customer where they stand; this flow says nothing of its own.
 */
export const humanAgentFlow: FlowDefinition = {
  dialogId: DialogId.HumanAgent,
  intents: [Intent.HumanAgent],
  help: 'help.general',
  create: (services) =>
    new WaterfallDialog<HumanAgentOptions>(DialogId.HumanAgent, [
      async (step) => {
        const parsed = optionsSchema.safeParse(step.options ?? {});
        const request: HandoverRequest = parsed.success ? parsed.data : { reason: 'requested', urgent: false };
        await services.handover.request(step.context, request);
        return step.endDialog();
      },
    ]),
};
