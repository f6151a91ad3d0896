import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

/** Nothing fitted: the pending question again with a note, or the menu; twice in a row offers a person. */
export const notUnderstoodRule: PolicyRule = {
  id: RuleId.NotUnderstood,
  async decide(turn) {
    turn.faq('missed');
    await turn.notUnderstood();
    return true;
  },
};
