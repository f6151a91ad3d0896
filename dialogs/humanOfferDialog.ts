import { WaterfallDialog } from './dialogKit';
import type { ChoiceKey } from '../src/i18n/catalogueSchema';
import { INTENTS, type IntentId } from '../src/nlu/intents';
import type { AskOptions } from './askDialog';
import { chosenKey } from './chosenKey';
import { DialogId } from './dialogIds';
import type { FlowDefinition } from './flowTypes';
import type { HumanAgentOptions } from './humanAgentDialog';
import type { MainMenuOptions } from './mainMenuDialog';
import { keyChoices, t } from './textRef';

const CHOICES = ['choice.yesHuman', 'choice.menu'] as const satisfies readonly ChoiceKey[];

export interface HumanOfferOptions {
  lastIntent?: IntentId;
}

/** After two misunderstandings in a row: offer a person, or the main menu. */
export const humanOfferFlow: FlowDefinition = {
  dialogId: DialogId.HumanOffer,
  intents: [],
  help: 'help.humanOffer',
  create: () =>
    new WaterfallDialog<HumanOfferOptions>(DialogId.HumanOffer, [
      async (step) => {
        const ask: AskOptions = { question: t('humanOffer.ask'), choices: keyChoices(...CHOICES) };
        return step.beginDialog(DialogId.Ask, ask);
      },
      async (step) => {
        if (chosenKey(step.result, CHOICES) === 'choice.yesHuman') {
          const options: HumanAgentOptions = {
            reason: 'not_understood',
            urgent: false,
            lastIntent: chosenKey(step.options?.lastIntent, INTENTS),
          };
          return step.replaceDialog(DialogId.HumanAgent, options);
        }
        const menu: MainMenuOptions = { intro: 'menu.prompt' };
        return step.replaceDialog(DialogId.MainMenu, menu);
      },
    ]),
};
