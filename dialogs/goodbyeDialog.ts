import { WaterfallDialog } from './dialogKit';
import { Intent } from '../src/nlu/intents';
import { DialogId } from './dialogIds';
import type { FlowDefinition } from './flowTypes';
import { t } from './textRef';

/** goodbye: thank the customer and leave nothing waiting (the router has ended any flow). */
export const goodbyeFlow: FlowDefinition = {
  dialogId: DialogId.Goodbye,
  intents: [Intent.Goodbye],
  help: 'help.general',
  create: (services) =>
    new WaterfallDialog(DialogId.Goodbye, [
      async (step) => {
        services.replies.say(step.context, t('goodbye.reply'));
        return step.endDialog();
      },
    ]),
};
