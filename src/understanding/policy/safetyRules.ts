import { DialogId } from '../../../dialogs/dialogIds';
import type { FraudReportOptions } from '../../../dialogs/fraudReportDialog';
import type { PhishingOptions } from '../../../dialogs/phishingDialog';
import { t } from '../../../dialogs/textRef';
import { Intent } from '../../nlu/intents';
import type { SafetySignal } from '../parse';
import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

/** Signals that mean harm may already be done: the fraud flow at once. */
const FRAUD_SIGNALS: readonly SafetySignal[] = ['secretDisclosed', 'moneyMoved', 'accountTakenOver', 'scammed'];

/**
 * A disclosed secret, moved money, a taken-over account or a scam: the
 * fraud flow at once (with the phishing advice first when a message was involved). Only these
 * signals raise the alarm: the classifier's fraud intent alone does not (see flow.start).
 */
export const fraudRule: PolicyRule = {
  id: RuleId.Fraud,
  async decide(turn) {
    const { safety } = turn.input.parse;
    if (!safety.some((s) => FRAUD_SIGNALS.includes(s))) return false;
    // Already in the fraud flow: its pending question ("转人工?") takes the message.
    if (turn.activeFlow?.dialogId === DialogId.FraudReport) return false;
    const flow = turn.registry.forIntent(Intent.FraudReport);
    if (!flow) return false;
    const options: FraudReportOptions = safety.includes('phishingContact') ? { preface: [t('safety.phishing'), t('safety.actedPreface')] } : {};
    await turn.startFlow(flow, options);
    return true;
  },
};

/**
 * A link or an instruction to log in, update or verify, received by SMS, e-mail, call or chat:
 * phishing guidance (never a flow that walks them through "updating"), then "did you click?".
 */
export const phishingRule: PolicyRule = {
  id: RuleId.Phishing,
  async decide(turn) {
    if (!turn.input.parse.safety.includes('phishingContact')) return false;
    const flow = turn.registry.forDialog(DialogId.Phishing);
    if (!flow) return false;
    // "我点了链接" already says they clicked: ask only whether they typed anything there.
    await turn.startFlow(flow, { clicked: turn.input.parse.safety.includes('phishingActedOn') } satisfies PhishingOptions);
    return true;
  },
};
