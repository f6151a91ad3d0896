import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

/**
 * The message changed a slot the running flow reads ("its on a usb stick", "不是U盾，是文件证书",
 * "浦东"): the flow starts again from memory, so it asks only for what is still missing or answers.
 */
export const slotsFillRule: PolicyRule = {
  id: RuleId.SlotsFill,
  async decide(turn) {
    const flow = turn.activeFlow;
    if (!flow?.slots?.some((s) => turn.changed.has(s))) return false;
    await turn.startFlow(flow, {});
    return true;
  },
};
