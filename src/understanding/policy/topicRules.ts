import { DialogId } from '../../../dialogs/dialogIds';
import type { FlowDefinition, FlowStart } from '../../../dialogs/flowTypes';
import type { MainMenuOptions } from '../../../dialogs/mainMenuDialog';
import type { RouterTurn } from '../../../dialogs/routerTurn';
import { t } from '../../../dialogs/textRef';
import { Intent, type IntentId } from '../../nlu/intents';
import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

/** "回到证书的问题" / "back to my certificate": the flow starts again from its remembered slots. */
export const resumeRule: PolicyRule = {
  id: RuleId.Resume,
  async decide(turn) {
    const memory = turn.input.memory;
    const intent = turn.input.parse.resume ?? unnamedResume(turn);
    const flow = intent ? turn.registry.forIntent(intent) : undefined;
    if (!intent || !flow) return nothingToResume(turn);
    memory.suspended = memory.suspended.filter((s) => s !== intent);
    await turn.startFlow(flow, { preface: [t('common.resuming')] } satisfies FlowStart);
    return true;
  },
};

/** "回到刚才的问题" names no topic: the one set aside last, if any. */
function unnamedResume(turn: RouterTurn): IntentId | undefined {
  return plainResume(turn) ? turn.input.memory.suspended[0] : undefined;
}

/** A request to go back and nothing more (no problem, no facts): "can we go back to what we were talking about". */
function plainResume(turn: RouterTurn): boolean {
  const { wantsResume, act, slots, resume } = turn.input.parse;
  return wantsResume === true && resume === undefined && act !== 'problem' && slots.length === 0;
}

/**
 * Nothing was set aside: with a flow running, its question again; otherwise say so politely and
 * show the menu, rather than guess a topic.
 */
async function nothingToResume(turn: RouterTurn): Promise<boolean> {
  if (!plainResume(turn)) return false;
  if (turn.activeFlow && turn.activeFlow.dialogId !== DialogId.MainMenu && turn.reprompt([t('common.resuming')])) return true;
  const menu = turn.registry.forDialog(DialogId.MainMenu);
  if (!menu) return false;
  await turn.startFlow(menu, { intro: 'common.nothingToResume' } satisfies MainMenuOptions);
  return true;
}

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
 * signal never starts the fraud flow: a typo must not raise the alarm.
 */
export const startRule: PolicyRule = {
  id: RuleId.Start,
  async decide(turn) {
    const { recognition, safety } = turn.input.parse;
    if (recognition.unsure) return false;
    const flow = turn.registry.forIntent(recognition.intent);
    if (!flow) return false;
    // The fraud flow starts on safety signals only (safety.fraud); the intent alone gets the clarifying question.
    if (recognition.intent === Intent.FraudReport && safety.length === 0) return false;
    if (flow.aside && turn.activeFlow && turn.activeFlow !== flow) {
      turn.services.replies.say(turn.dc.context, t(flow.aside));
      return turn.reprompt([t('common.backToTopic')]);
    }
    const options = flow.intents.includes(Intent.HumanAgent) ? turn.humanRequest() : {};
    await turn.startFlow(placeFlow(turn, flow) ?? flow, options);
    return true;
  },
};

/**
 * "北京哪个网点可以办证书重置" is classified as the certificate topic but names a place and none of
 * the certificate's facts: the flow that answers from the place (the branch search) fits better.
 * Likewise a long message the classifier gives to security advice that says the certificate has
 * expired: the facts the message states outweigh the words around them.
 */
function placeFlow(turn: RouterTurn, flow: FlowDefinition): FlowDefinition | undefined {
  // Only when the message carries none of the intent's own flow's facts.
  if (flow.answersWith) return undefined;
  const slots = turn.input.parse.slots.filter((s) => !s.negated);
  if (flow.slots?.some((name) => slots.some((s) => s.name === name))) return undefined;
  return flowStatingProblem(turn, flow) ?? (flow.slots ? turn.registry.flows.find((f) => f !== flow && f.answersWith?.some((name) => slots.some((s) => s.name === name))) : undefined);
}

/** Another flow whose problem the message states (a certificate's status: "证书已经过期了"), if any. */
export function flowStatingProblem(turn: RouterTurn, except?: FlowDefinition): FlowDefinition | undefined {
  const slots = turn.input.parse.slots.filter((s) => !s.negated);
  return turn.registry.flows.find((f) => f !== except && f.offerOn?.some((name) => slots.some((s) => s.name === name)));
}

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
