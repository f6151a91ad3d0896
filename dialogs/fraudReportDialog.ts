import { WaterfallDialog } from './dialogKit';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { ChoiceKey } from '../src/i18n/catalogueSchema';
import { Intent } from '../src/nlu/intents';
import type { AskOptions } from './askDialog';
import { chosenKey } from './chosenKey';
import { DialogId } from './dialogIds';
import type { FlowDefinition, FlowServices } from './flowTypes';
import type { HumanAgentOptions } from './humanAgentDialog';
import { keyChoices, t, type TextRef } from './textRef';

export interface FraudReportOptions {
  /** Said before the steps (the phishing advice when the customer clicked a link). */
  preface?: TextRef[];
}

const CHOICES = ['fraud.human.yes', 'choice.no'] as const satisfies readonly ChoiceKey[];
type Choice = (typeof CHOICES)[number];

const URGENT: HumanAgentOptions = { reason: 'fraud', urgent: true, lastIntent: Intent.FraudReport };

const ON_CHOICE: Record<Choice, (step: WaterfallStepContext<FraudReportOptions>, services: FlowServices) => Promise<DialogTurnResult>> = {
  'fraud.human.yes': (step) => step.replaceDialog(DialogId.HumanAgent, URGENT),
  'choice.no': (step, services) => {
    services.replies.say(step.context, t('fraud.declined'));
    return step.endDialog();
  },
};

/**
 * fraud_report: urgent and short. The first reply already says what to do now (freeze, change
 * passwords, call the police if money is gone) and offers an agent marked urgent, so a customer
 * who reads only one message still knows the essentials.
 */
export const fraudReportFlow: FlowDefinition = {
  dialogId: DialogId.FraudReport,
  intents: [Intent.FraudReport],
  help: 'help.fraudReport',
  create: (services) =>
    new WaterfallDialog<FraudReportOptions>(DialogId.FraudReport, [
      async (step) => {
        const ask: AskOptions = { preface: [...(step.options?.preface ?? []), t('fraud.steps')], question: t('fraud.askHuman'), choices: keyChoices(...CHOICES) };
        return step.beginDialog(DialogId.Ask, ask);
      },
      async (step) => ON_CHOICE[chosenKey(step.result, CHOICES) ?? 'choice.no'](step, services),
    ]),
};
