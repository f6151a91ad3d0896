import { DialogId } from '../../../dialogs/dialogIds';
import { t } from '../../../dialogs/textRef';
import { Intent } from '../../nlu/intents';
import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

/**
 * Thanks closes what runs with a short "you're welcome" ("唔該晒，冇其他嘢"); a greeting or goodbye the
 * classifier missed is still one (the act says so).
 */
export const smallTalkRule: PolicyRule = {
  id: RuleId.SmallTalk,
  async decide(turn) {
    const { act } = turn.input.parse;
    if (act === 'thanks') {
      await turn.dc.cancelAllDialogs();
      turn.input.memory.topic = undefined;
      turn.services.replies.say(turn.dc.context, t('common.thanks'));
      return true;
    }
    const intent = act === 'goodbye' ? Intent.Goodbye : act === 'greet' ? Intent.Greeting : undefined;
    const flow = intent ? turn.registry.forIntent(intent) : undefined;
    if (!flow) return false;
    if (flow.aside && turn.activeFlow && turn.activeFlow !== flow) {
      turn.services.replies.say(turn.dc.context, t(flow.aside));
      return turn.reprompt([t('common.backToTopic')]);
    }
    if (flow.dialogId === DialogId.MainMenu && turn.activeFlow === flow) return false;
    await turn.startFlow(flow, {});
    return true;
  },
};
