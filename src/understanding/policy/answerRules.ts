import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

/** An exact answer to the pending question (its number, a button's label) beats everything but safety. */
export const choiceRule: PolicyRule = {
  id: RuleId.Choice,
  decide: (turn) => turn.answerPending(true),
};

/** A looser answer the pending question accepts (one of its words, a place for the branch question). */
export const answerRule: PolicyRule = {
  id: RuleId.Answer,
  decide: (turn) => turn.answerPending(false),
};

/** A flow waiting in a dialog of its own (not a question) gets the message. */
export const continueRule: PolicyRule = {
  id: RuleId.Continue,
  decide: (turn) => turn.continuePending(),
};
