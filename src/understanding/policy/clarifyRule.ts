import { DialogId } from '../../../dialogs/dialogIds';
import { entriesForIntents, type MainMenuOptions } from '../../../dialogs/mainMenuDialog';
import { Intent } from '../../nlu/intents';
import { faqHasBestGuess } from './faqRules';
import { flowStatingProblem } from './topicRules';
import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

/** How many likely topics the clarifying question offers. */
const CLARIFY_OPTIONS = 3;

/**
 * The classifier is unsure (several topics plausible): a short question with the likely options
 * instead of a guess. Mid-flow the pending question's own "not understood" is better, so only at
 * the top level.
 */
export const clarifyRule: PolicyRule = {
  id: RuleId.Clarify,
  async decide(turn) {
    const { recognition, safety } = turn.input.parse;
    // The fraud intent without a safety signal is never acted on alone: the customer picks.
    const fraudGuess = recognition.intent === Intent.FraudReport && safety.length === 0;
    if (!(recognition.unsure || fraudGuess) || (turn.activeFlow && turn.activeFlow.dialogId !== DialogId.MainMenu)) return false;
    // Unclear twice in a row: not the same question again; "not understood" offers a person.
    if (turn.nextMissOffersPerson && !fraudGuess) return false;
    // An unsure topic with a confident FAQ answer ("忘记密码怎么办", "令牌没电了"), or a clear question
    // with a likely one ("补办U盾要多少钱"), is not unclear: the FAQ rules after this one answer it.
    // Asking which topic would be a question too many.
    if (turn.services.faq.search(turn.input.lookup).outcome === 'answer' || faqHasBestGuess(turn)) return false;
    // Unsure words but a stated problem ("…今天一登录就说证书已经过期了…"): the facts decide.
    const stated = flowStatingProblem(turn);
    if (stated) {
      await turn.startFlow(stated, {});
      return true;
    }
    const likely = [...recognition.alternatives.map((a) => a.intent), Intent.CertExpired, Intent.SecurityAdvice];
    const entries = entriesForIntents(likely).slice(0, CLARIFY_OPTIONS);
    if (entries.length < 2) return false;
    const menu = turn.registry.forDialog(DialogId.MainMenu);
    if (!menu) return false;
    await turn.startFlow(menu, { intro: 'clarify.ask', only: entries } satisfies MainMenuOptions);
    return true;
  },
};
