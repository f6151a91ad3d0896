import { WaterfallDialog } from './dialogKit';
import type { ChoiceKey } from '../src/i18n/catalogueSchema';
import type { AskOptions } from './askDialog';
import { chosenKey } from './chosenKey';
import { DialogId } from './dialogIds';
import type { FlowDefinition } from './flowTypes';
import type { FraudReportOptions } from './fraudReportDialog';
import { keyChoices, t } from './textRef';

const CHOICES = ['safety.acted.yes', 'safety.acted.no'] as const satisfies readonly ChoiceKey[];

export interface PhishingOptions {
  /** The customer already said they clicked: ask whether they typed anything there. */
  clicked?: boolean;
}

/**
 * A message asking the customer to log in, update or verify through a link or a call: how to tell
 * it is phishing and what to do, then "did you click or type anything?" — yes goes to the fraud
 * flow, no ends with reassurance. Never a flow that walks them through "updating".
 */
export const phishingFlow: FlowDefinition = {
  dialogId: DialogId.Phishing,
  intents: [],
  help: 'help.securityAdvice',
  create: (services) =>
    new WaterfallDialog<PhishingOptions>(DialogId.Phishing, [
      async (step) => {
        const question = step.options?.clicked === true ? t('safety.askEntered') : t('safety.askActed');
        const ask: AskOptions = { preface: [t('safety.phishing')], question, choices: keyChoices(...CHOICES) };
        return step.beginDialog(DialogId.Ask, ask);
      },
      async (step) => {
        if (chosenKey(step.result, CHOICES) === 'safety.acted.yes') {
          return step.replaceDialog(DialogId.FraudReport, { preface: [t('safety.actedPreface')] } satisfies FraudReportOptions);
        }
        services.replies.say(step.context, t('safety.notActed'));
        return step.endDialog();
      },
    ]),
};
