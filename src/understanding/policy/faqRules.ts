import { mentionsAny } from '../../../dialogs/commandWords';
import { DialogId } from '../../../dialogs/dialogIds';
import { bestGuesses, faqAnswer, isFaqMiss, type FaqOptions } from '../../../dialogs/faqDialog';
import type { FlowDefinition, FlowStart } from '../../../dialogs/flowTypes';
import type { RouterTurn } from '../../../dialogs/routerTurn';
import { t } from '../../../dialogs/textRef';
import type { FaqEntry } from '../../faq/faqSchema';
import { Intent } from '../../nlu/intents';
import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

function outOfScope(turn: RouterTurn): boolean {
  return turn.input.normalized === '' || mentionsAny(turn.input.normalized, turn.services.localizer.words('outOfScope'));
}

/** A flow that answers this question itself, from the slots it carries (a city for the branch search). */
function flowAnswers(turn: RouterTurn): boolean {
  const slots = turn.input.parse.slots.filter((s) => !s.negated);
  return turn.registry.flows.some((f) => f.answersWith?.some((name) => slots.some((s) => s.name === name)));
}

/**
 * A question, or a symptom no flow handles ("U盾密码输错被锁了", "the usb key is not detected"):
 * what the FAQ is for. A certificate's status goes to its flow instead.
 */
function asksTheFaq(turn: RouterTurn): boolean {
  const { act, slots } = turn.input.parse;
  if (act === 'question') return true;
  return slots.some((s) => s.name === 'symptom' && !s.negated) && !slots.some((s) => s.name === 'certStatus' && !s.negated);
}

/** The one confident FAQ entry for this message, if there is one. */
function confidentEntry(turn: RouterTurn): FaqEntry | undefined {
  if (outOfScope(turn) || flowAnswers(turn)) return undefined;
  const search = turn.services.faq.search(turn.input.lookup);
  return search.outcome === 'answer' ? search.hits[0]?.entry : undefined;
}

/** A flow the question shows a problem for ("证书过期了还能转账吗" → the certificate flow), if not already running. */
function flowShownByProblem(turn: RouterTurn): FlowDefinition | undefined {
  const slots = turn.input.parse.slots.filter((s) => !s.negated);
  const { recognition } = turn.input.parse;
  const intentFlow = recognition.unsure ? undefined : turn.registry.forIntent(recognition.intent);
  return turn.registry.flows.find(
    (f) =>
      f.offer !== undefined &&
      f !== turn.activeFlow &&
      ((f.offerWhen === 'intent' && f === intentFlow) || (f.offerOn ?? f.slots)?.some((name) => slots.some((s) => s.name === name))),
  );
}

/**
 * Questions get answers, wherever the customer is. At the top level the answer stands alone (or,
 * when the question shows a problem, comes with the flow that solves it); mid-flow the pending
 * question follows in one short line, or the flow moves on if the question filled its slots.
 */
export const faqAnswerRule: PolicyRule = {
  id: RuleId.FaqAnswer,
  async decide(turn) {
    if (!asksTheFaq(turn)) return false;
    const entry = confidentEntry(turn);
    if (!entry) return false;
    turn.faq('answered');
    const answer = faqAnswer(entry);
    const active = turn.activeFlow;
    if (active?.slots?.some((s) => turn.changed.has(s))) {
      await turn.startFlow(active, { preface: [answer] } satisfies FlowStart);
      return true;
    }
    turn.services.replies.say(turn.dc.context, answer);
    // The menu is not a topic to come back to; a flow's question is.
    if (active?.dialogId === DialogId.MainMenu || !turn.reprompt([t('common.backToTopic')])) await turn.dc.cancelAllDialogs();
    return true;
  },
};

/**
 * The flow a general answer leads into (the FAQ entry's `offers`: the security topics after the
 * overview). Only when no other flow waits: mid-flow the answer is an aside and the pending
 * question comes back (faq.answer).
 */
function flowOfferedBy(turn: RouterTurn, entry: FaqEntry): FlowDefinition | undefined {
  const active = turn.activeFlow;
  if (!entry.offers || (active && active.dialogId !== DialogId.MainMenu)) return undefined;
  return turn.registry.forIntent(entry.offers);
}

export const faqAnswerThenOfferRule: PolicyRule = {
  id: RuleId.FaqAnswerThenOffer,
  async decide(turn) {
    if (turn.input.parse.act !== 'question') return false;
    const shown = flowShownByProblem(turn);
    const entry = confidentEntry(turn);
    if (!entry) return false;
    // A flow the question shows a problem for comes first; else the one the answer itself leads into.
    const flow = shown?.offer ? shown : flowOfferedBy(turn, entry);
    if (!flow?.offer) return false;
    turn.faq('answered');
    await turn.startFlow(flow, { preface: [faqAnswer(entry), t(flow.offer)] } satisfies FlowStart);
    return true;
  },
};

/**
 * Below this calibrated confidence an unsure FAQ match is not worth showing as "did you mean…".
 * Chosen on dev questions written for it (not the stories): at 0.3 the best entry was right about
 * 70 % of the time on the FAQ's held-out phrasings of that band, and the other close entries are
 * offered with it; out-of-scope questions are kept out by the classifier's `none` and the
 * outOfScope words (1 of the FAQ's 50 out-of-scope questions gets a guess).
 */
const BEST_GUESS_MIN = 0.3;

/** The FAQ's best guesses for a clear question (or a stated symptom) it is unsure about, when worth showing (see faqBestGuessRule). */
function bestGuess(turn: RouterTurn): FaqEntry[] {
  // The classifier calling it none of our topics ("how do I file my taxes") leaves the unsure
  // match to faq.fallback, which only offers choices.
  const { recognition } = turn.input.parse;
  // 'None' said with confidence is off-topic; an unsure 'none' ("补办一个U盾大概要多少钱啊": a fee question is
  // none of our intents) still gets the FAQ's best guess.
  if (!asksTheFaq(turn) || (recognition.intent === Intent.None && !recognition.unsure) || outOfScope(turn) || flowAnswers(turn)) return [];
  const search = turn.services.faq.search(turn.input.lookup);
  return search.outcome === 'choose' && search.confidence >= BEST_GUESS_MIN ? bestGuesses(search) : [];
}

/** Whether faq.bestGuess would answer this message (the clarifying question then steps aside). */
export function faqHasBestGuess(turn: RouterTurn): boolean {
  return bestGuess(turn).length > 0;
}

/**
 * A clear question ("憑證更新要付費嗎", "do I need a new certificate for the app?"), or a symptom
 * the FAQ covers ("my token shows the wrong code"), the FAQ is not sure about is still a question: its best entry, with the other close ones to pick from, instead
 * of a flow's first question. When it also shows a problem a flow solves, the flow is offered in
 * the same reply. After the flow rules' own answers (slots, a pending question's answer), before a
 * topic switch or a new flow.
 */
export const faqBestGuessRule: PolicyRule = {
  id: RuleId.FaqBestGuess,
  async decide(turn) {
    const best = bestGuess(turn);
    if (best.length === 0) return false;
    turn.faq('answered');
    const shown = flowShownByProblem(turn);
    const flow = shown?.offer ? shown : flowOfferedBy(turn, best[0]);
    if (flow?.offer) {
      await turn.startFlow(flow, { preface: [...best.map(faqAnswer), t(flow.offer)] } satisfies FlowStart);
      return true;
    }
    const active = turn.activeFlow;
    if (active && active.dialogId !== DialogId.MainMenu) {
      turn.services.replies.say(turn.dc.context, ...best.map(faqAnswer));
      return turn.reprompt([t('common.backToTopic')]) || true;
    }
    const faq = turn.registry.forDialog(DialogId.Faq);
    if (!faq) return false;
    await turn.startFlow(faq, { query: turn.input.lookup, bestGuess: true } satisfies FaqOptions);
    return true;
  },
};

/**
 * Messages no rule claimed go to the FAQ, unless they are plainly about something we don't do:
 * mid-flow only a clear single answer is worth the detour; at the top level close hits are offered.
 */
export const faqFallbackRule: PolicyRule = {
  id: RuleId.FaqFallback,
  async decide(turn) {
    if (outOfScope(turn)) return false;
    if (turn.dc.activeDialog) {
      // Mid-flow a message the question did not take ("火星" for a city) is a misunderstanding,
      // not an FAQ query, unless it is about one of our topics ("证书有效期") or is itself a
      // question or a problem the classifier is unsure of ("换了新手机，手机银行怎么办？" while the
      // branch search waits for a city: without this it was searched for as a place).
      const { recognition, act } = turn.input.parse;
      if (recognition.intent === Intent.None && !(recognition.unsure && (act === 'question' || act === 'problem'))) return false;
      const entry = confidentEntry(turn);
      if (!entry) return false;
      turn.faq('answered');
      turn.services.replies.say(turn.dc.context, faqAnswer(entry));
      return turn.reprompt([t('common.backToTopic')]);
    }
    const search = turn.services.faq.search(turn.input.lookup);
    if (search.outcome === 'none') return false;
    const result = await turn.dc.beginDialog(DialogId.Faq, { query: turn.input.lookup, fallback: true } satisfies FaqOptions);
    if (isFaqMiss(result.result)) return false;
    turn.faq(search.outcome === 'answer' ? 'answered' : 'offered');
    return true;
  },
};
