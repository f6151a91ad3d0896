import { WaterfallDialog } from './dialogKit';
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import type { ChoiceKey, ReplyKey } from '../src/i18n/catalogueSchema';
import { Intent, type IntentId } from '../src/nlu/intents';
import type { AskOptions } from './askDialog';
import { chosenKey } from './chosenKey';
import { DialogId, type DialogIdValue } from './dialogIds';
import type { FlowDefinition, FlowStart } from './flowTypes';
import type { HumanAgentOptions } from './humanAgentDialog';
import { keyChoices, t } from './textRef';

/** What each menu entry starts; adding an entry is one line here plus its choice in the catalogues. */
const TARGETS = {
  'menu.cert': { dialog: DialogId.CertExpired },
  'menu.branch': { dialog: DialogId.BranchVisit },
  'menu.security': { dialog: DialogId.SecurityAdvice },
  'menu.fraud': { dialog: DialogId.FraudReport },
  'menu.faq': { dialog: DialogId.Faq },
  'choice.human': { dialog: DialogId.HumanAgent, options: { reason: 'requested', urgent: false } satisfies HumanAgentOptions },
} as const satisfies Partial<Record<ChoiceKey, { dialog: DialogIdValue; options?: object }>>;
export type Entry = keyof typeof TARGETS;
const ENTRIES = Object.keys(TARGETS).filter((k): k is Entry => k in TARGETS);

export interface MainMenuOptions {
  /** The sentence before the menu: a welcome, or "that is out of scope" after a miss. */
  intro?: ReplyKey;
  /** Only these entries (the clarifying question offers the likely topics). */
  only?: Entry[];
}

const INTROS = ['menu.welcome', 'menu.outOfScope', 'menu.prompt', 'clarify.ask', 'common.nothingToResume'] as const satisfies readonly ReplyKey[];

/** The menu entry that leads to each intent's flow, for the clarifying question. */
const ENTRY_FOR_INTENT: Partial<Record<IntentId, Entry>> = {
  [Intent.CertExpired]: 'menu.cert',
  [Intent.BranchVisit]: 'menu.branch',
  [Intent.SecurityAdvice]: 'menu.security',
  [Intent.FraudReport]: 'menu.fraud',
  [Intent.HumanAgent]: 'choice.human',
};

/** The menu entries for some intents, in their order, once each. */
export function entriesForIntents(intents: readonly IntentId[]): Entry[] {
  const entries = intents.flatMap((i) => ENTRY_FOR_INTENT[i] ?? []);
  return entries.filter((e, i) => entries.indexOf(e) === i);
}

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
        const only = step.options?.only?.filter((e) => ENTRIES.includes(e));
        const ask: AskOptions = { question: t(intro), choices: keyChoices(...(only && only.length > 0 ? only : ENTRIES)) };
        return step.beginDialog(DialogId.Ask, ask);
      },
      async (step) => {
        const entry = chosenKey(step.result, ENTRIES);
        if (!entry) return step.endDialog();
        const target: { dialog: DialogIdValue; options?: object } = TARGETS[entry];
        // "我的证书过期了" picks the certificate entry and already says "expired": that is in memory.
        const start: FlowStart = {};
        return step.replaceDialog(target.dialog, target.options ?? start);
      },
    ]),
};
