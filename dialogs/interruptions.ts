/**
 * Interruptions, for every flow, in one place. The router runs BEFORE_ANSWER first (commands that
 * must win even over an answer: cancel, help, a person, FAQ, language), then lets a pending
 * question claim the message, then runs AFTER_ANSWER (a shared location, a clear new intent).
 * Each handler returns true when it dealt with the turn.
 */
import { Intent } from '../src/nlu/intents';
import { afterPrefix, isOneOf, mentionsAny } from './commandWords';
import { DialogId } from './dialogIds';
import type { FaqOptions } from './faqDialog';
import type { MainMenuOptions } from './mainMenuDialog';
import type { RouterTurn } from './routerTurn';
import { t } from './textRef';

export interface Interruption {
  id: string;
  handle(turn: RouterTurn): Promise<boolean>;
}

export const InterruptionId = {
  Language: 'language',
  Cancel: 'cancel',
  Help: 'help',
  Human: 'human',
  Faq: 'faq',
  Location: 'location',
  NewIntent: 'newIntent',
} as const;

const language: Interruption = {
  id: InterruptionId.Language,
  async handle(turn) {
    const { normalized } = turn.input;
    const words = turn.services.localizer;
    const script = isOneOf(normalized, words.words('toEnglish'))
      ? 'en'
      : isOneOf(normalized, words.words('toTraditional'))
        ? 'zh-Hant'
        : isOneOf(normalized, words.words('toChinese'))
          ? 'zh-Hans'
          : undefined;
    if (!script) return false;
    turn.pinLanguage(script);
    turn.services.replies.say(turn.dc.context, t('language.switched'));
    turn.reprompt();
    return true;
  },
};

const cancel: Interruption = {
  id: InterruptionId.Cancel,
  async handle(turn) {
    const rest = afterPrefix(turn.input.normalized, turn.services.localizer.words('cancel'));
    if (rest === undefined) return false;
    if (rest !== '') {
      // "算了，我想问网点几点开门": the rest names a new topic, so switch to it.
      const flow = turn.registry.forIntent(turn.recognize(rest).intent);
      if (flow) {
        await turn.startFlow(flow, { utterance: rest });
        return true;
      }
      // "取消银行卡" with nothing running is a question, not a command.
      if (!turn.activeFlow) return false;
    }
    await turn.dc.cancelAllDialogs();
    turn.services.replies.say(turn.dc.context, t('common.cancelled'));
    return true;
  },
};

const help: Interruption = {
  id: InterruptionId.Help,
  async handle(turn) {
    if (!isOneOf(turn.input.normalized, turn.services.localizer.words('help'))) return false;
    const { replies } = turn.services;
    if (turn.activeFlow) {
      replies.say(turn.dc.context, t(turn.activeFlow.help), t('help.commands'));
      turn.reprompt();
      return true;
    }
    replies.say(turn.dc.context, t('help.general'), t('help.commands'));
    const menu = turn.registry.forDialog(DialogId.MainMenu);
    if (menu) await turn.startFlow(menu, { intro: 'menu.prompt' } satisfies MainMenuOptions);
    return true;
  },
};

const human: Interruption = {
  id: InterruptionId.Human,
  async handle(turn) {
    const { normalized } = turn.input;
    const words = turn.services.localizer;
    if (!isOneOf(normalized, words.words('humanExact')) && !mentionsAny(normalized, words.words('human'))) return false;
    const flow = turn.registry.forIntent(Intent.HumanAgent);
    if (!flow) return false;
    await turn.startFlow(flow, turn.humanRequest());
    return true;
  },
};

const faq: Interruption = {
  id: InterruptionId.Faq,
  async handle(turn) {
    const query = afterPrefix(turn.input.normalized, turn.services.localizer.words('faqPrefix'));
    if (query === undefined) return false;
    const options: FaqOptions = { query };
    // Mid-flow the lookup runs on top of the pending question, which is asked again when it ends.
    if (turn.activeFlow && query !== '') await turn.dc.beginDialog(DialogId.Faq, options);
    else {
      const flow = turn.registry.forDialog(DialogId.Faq);
      if (!flow) return false;
      await turn.startFlow(flow, options);
    }
    return true;
  },
};

const location: Interruption = {
  id: InterruptionId.Location,
  async handle(turn) {
    const flow = turn.registry.forIntent(Intent.BranchVisit);
    if (!turn.input.location || !flow) return false;
    await turn.startFlow(flow, {});
    return true;
  },
};

const newIntent: Interruption = {
  id: InterruptionId.NewIntent,
  async handle(turn) {
    const flow = turn.registry.forIntent(turn.input.recognition.intent);
    if (!flow) return false;
    if (flow.aside && turn.activeFlow && turn.activeFlow !== flow) {
      turn.services.replies.say(turn.dc.context, t(flow.aside));
      return turn.reprompt([t('common.backToTopic')]);
    }
    const options = flow.intents.includes(Intent.HumanAgent) ? turn.humanRequest() : { utterance: turn.input.text };
    await turn.startFlow(flow, options);
    return true;
  },
};

export const BEFORE_ANSWER: readonly Interruption[] = [language, cancel, help, human, faq];
export const AFTER_ANSWER: readonly Interruption[] = [location, newIntent];
