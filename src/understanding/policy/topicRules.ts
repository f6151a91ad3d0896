import { DialogId } from '../../../dialogs/dialogIds';
import type { FlowStart } from '../../../dialogs/flowTypes';
import { t } from '../../../dialogs/textRef';
import { Intent } from '../../nlu/intents';
import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

/** Below this confidence the classifier's fraud intent alone (no safety signal) does not start the fraud flow. */
export const FRAUD_INTENT_MIN_SCORE = 0.6;

/** "回到证书的问题" / "back to my certificate": the flow starts again from its remembered slots. */
export const resumeRule: PolicyRule = {
  id: RuleId.Resume,
  async decide(turn) {
    const intent = turn.input.parse.resume;
    const flow = intent ? turn.registry.forIntent(intent) : undefined;
    if (!intent || !flow) return false;
    const memory = turn.input.memory;
    memory.suspended = memory.suspended.filter((s) => s !== intent);
    await turn.startFlow(flow, { preface: [t('common.resuming')] } satisfies FlowStart);
    return true;
  },
};

/** A shared location starts (or restarts) the branch search. */
export const locationRule: PolicyRule = {
  id: RuleId.Location,
  async decide(turn) {
    const flow = turn.registry.forIntent(Intent.BranchVisit);
    if (!turn.input.location || !flow) return false;
    await turn.startFlow(flow, {});
    return true;
  },
};

/**
 * A clear intent with a flow starts it; a different flow that was running is suspended with its
 * slots (topic.switch). A greeting mid-flow is answered aside. The fraud intent without a safety
 * signal never interrupts a flow and needs a confident score: a typo must not raise the alarm.
 */
export const startRule: PolicyRule = {
  id: RuleId.Start,
  async decide(turn) {
    const { recognition, safety } = turn.input.parse;
    if (recognition.unsure) return false;
    const flow = turn.registry.forIntent(recognition.intent);
    if (!flow) return false;
    if (recognition.intent === Intent.FraudReport && safety.length === 0) {
      if (turn.activeFlow || recognition.score < FRAUD_INTENT_MIN_SCORE) return false;
    }
    if (flow.aside && turn.activeFlow && turn.activeFlow !== flow) {
      turn.services.replies.say(turn.dc.context, t(flow.aside));
      return turn.reprompt([t('common.backToTopic')]);
    }
    const options = flow.intents.includes(Intent.HumanAgent) ? turn.humanRequest() : {};
    await turn.startFlow(flow, options);
    return true;
  },
};

/** The same as flow.start, logged apart when another flow was running (it is suspended). */
export const switchRule: PolicyRule = {
  id: RuleId.Switch,
  async decide(turn) {
    const active = turn.activeFlow;
    if (!active || active.dialogId === DialogId.MainMenu) return false;
    const next = turn.registry.forIntent(turn.input.parse.recognition.intent);
    if (!next || next === active || next.aside) return false;
    return startRule.decide(turn);
  },
};
