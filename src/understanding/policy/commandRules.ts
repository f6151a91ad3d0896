import { afterPrefix, isOneOf, mentionsAny } from '../../../dialogs/commandWords';
import { DialogId } from '../../../dialogs/dialogIds';
import type { FaqOptions } from '../../../dialogs/faqDialog';
import type { MainMenuOptions } from '../../../dialogs/mainMenuDialog';
import type { RouterTurn } from '../../../dialogs/routerTurn';
import { t } from '../../../dialogs/textRef';
import { Intent } from '../../nlu/intents';
import { forgetSlots } from '../conversationMemory';
import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

/** "English" / "中文" / "繁體": replies switch and the pending question is asked again in that language. */
export const languageRule: PolicyRule = {
  id: RuleId.Language,
  async decide(turn) {
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

/**
 * "取消 / 算了 / never mind" ends what runs and forgets its slots, in every waiting step. "算了，我想问
 * 网点几点开门" switches to the new topic instead.
 */
export const cancelRule: PolicyRule = {
  id: RuleId.Cancel,
  async decide(turn) {
    const rest = afterPrefix(turn.input.normalized, turn.services.localizer.words('cancel'));
    const wholeCancel = turn.input.parse.act === 'cancel';
    if (rest === undefined && !wholeCancel) return false;
    if (rest !== undefined && rest !== '' && !wholeCancel) {
      const flow = turn.registry.forIntent(turn.recognize(rest).intent);
      if (flow) {
        if (turn.activeFlow?.slots) forgetSlots(turn.input.memory, turn.activeFlow.slots);
        await turn.startFlow(flow, {});
        return true;
      }
      // "取消银行卡" with nothing running is a question, not a command.
      if (!turn.activeFlow) return false;
    }
    await endFlow(turn);
    return true;
  },
};

/** Ends what runs and forgets its slots, then says so (cancel, or a no nothing could take). */
async function endFlow(turn: RouterTurn): Promise<void> {
  if (turn.activeFlow?.slots) forgetSlots(turn.input.memory, turn.activeFlow.slots);
  turn.input.memory.topic = undefined;
  turn.input.memory.shown = undefined;
  await turn.dc.cancelAllDialogs();
  turn.services.replies.say(turn.dc.context, t('common.cancelled'));
}

/**
 * A no that the pending question cannot take ("唔使喇，我自己搞掂" when asked which kind of
 * certificate, "no thanks, I'll sort it out myself" when asked for a city): the customer declines
 * to go on, so the flow ends as on "cancel". A yes/no question has already taken its no (answer.text).
 */
export const declineRule: PolicyRule = {
  id: RuleId.Decline,
  async decide(turn) {
    if (turn.input.parse.act !== 'deny' || !turn.activeFlow) return false;
    await endFlow(turn);
    return true;
  },
};

export const helpRule: PolicyRule = {
  id: RuleId.Help,
  async decide(turn) {
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

export const humanRule: PolicyRule = {
  id: RuleId.Human,
  async decide(turn) {
    const { normalized } = turn.input;
    const words = turn.services.localizer;
    if (!isOneOf(normalized, words.words('humanExact')) && !mentionsAny(normalized, words.words('human'))) return false;
    const flow = turn.registry.forIntent(Intent.HumanAgent);
    if (!flow) return false;
    await turn.startFlow(flow, turn.humanRequest());
    return true;
  },
};

/** "FAQ 证书有效期" / "搜索 令牌": an explicit lookup, on top of the pending question when one waits. */
export const faqCommandRule: PolicyRule = {
  id: RuleId.FaqCommand,
  async decide(turn) {
    const query = afterPrefix(turn.input.normalized, turn.services.localizer.words('faqPrefix'));
    if (query === undefined) return false;
    const options: FaqOptions = { query };
    if (turn.activeFlow && query !== '') await turn.dc.beginDialog(DialogId.Faq, options);
    else {
      const flow = turn.registry.forDialog(DialogId.Faq);
      if (!flow) return false;
      await turn.startFlow(flow, options);
    }
    return true;
  },
};
