import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ChoiceKey, ReplyKey } from '../src/i18n/catalogueSchema';
import { Intent } from '../src/nlu/intents';
import type { AskOptions } from './askDialog';
import { chosenKey } from './chosenKey';
import { DialogId, type DialogIdValue } from './dialogIds';
import type { FlowDefinition, FlowStart } from './flowTypes';
import type { HumanAgentOptions } from './humanAgentDialog';
import { keyChoices, t } from './textRef';
import { getTurnInput } from './turnInput';

/** What each menu entry starts; adding an entry is one line here plus its choice in the catalogues. */
const TARGETS = {
  'menu.cert': { dialog: DialogId.CertExpired },
  'menu.branch': { dialog: DialogId.BranchVisit },
  'menu.security': { dialog: DialogId.SecurityAdvice },
  'menu.fraud': { dialog: DialogId.FraudReport },
  'menu.faq': { dialog: DialogId.Faq },
  'choice.human': { dialog: DialogId.HumanAgent, options: { reason: 'requested', urgent: false } satisfies HumanAgentOptions },
} as const satisfies Partial<Record<ChoiceKey, { dialog: DialogIdValue; options?: object }>>;
type Entry = keyof typeof TARGETS;
const ENTRIES = Object.keys(TARGETS).filter((k): k is Entry => k in TARGETS);

export interface MainMenuOptions {
  /** The sentence before the menu: a welcome, or "that is out of scope" after a miss. */
  intro?: ReplyKey;
}

const INTROS = ['menu.welcome', 'menu.outOfScope', 'menu.prompt'] as const satisfies readonly ReplyKey[];

/** greeting (and the out-of-scope answer): what the bot can do, as numbered choices. */
export const mainMenuFlow: FlowDefinition = {
  dialogId: DialogId.MainMenu,
  intents: [Intent.Greeting],
  help: 'help.mainMenu',
  aside: 'greeting.aside',
  create: () =>
    new WaterfallDialog<MainMenuOptions>(DialogId.MainMenu, [
      async (step: WaterfallStepContext<MainMenuOptions>) => {
        const intro = chosenKey(step.options?.intro, INTROS) ?? 'menu.welcome';
        const ask: AskOptions = { question: t(intro), choices: keyChoices(...ENTRIES) };
        return step.beginDialog(DialogId.Ask, ask);
      },
      async (step) => {
        const entry = chosenKey(step.result, ENTRIES);
        if (!entry) return step.endDialog();
        const target: { dialog: DialogIdValue; options?: object } = TARGETS[entry];
        // "我的证书过期了" picks the certificate entry and already says "expired": pass it on.
        const start: FlowStart = { utterance: getTurnInput(step.context)?.text };
        return step.replaceDialog(target.dialog, target.options ?? start);
      },
    ]),
};
