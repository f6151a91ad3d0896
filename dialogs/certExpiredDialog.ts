import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { Service } from '../src/branches/branchSchema';
import type { ChoiceKey, ReplyKey } from '../src/i18n/catalogueSchema';
import { Intent } from '../src/nlu/intents';
import type { AskOptions } from './askDialog';
import { mentionedChoice } from './choiceMatcher';
import { chosenKey } from './chosenKey';
import { DialogId } from './dialogIds';
import type { FlowDefinition, FlowServices, FlowStart } from './flowTypes';
import type { HumanAgentOptions } from './humanAgentDialog';
import { recall, remember } from './stepValues';
import { keyChoices, t, type TextRef } from './textRef';

const STATES = ['cert.state.expired', 'cert.state.expiring'] as const satisfies readonly ChoiceKey[];
const KINDS = ['cert.kind.usbKey', 'cert.kind.file', 'cert.kind.mobile'] as const satisfies readonly ChoiceKey[];
type CertState = (typeof STATES)[number];
type CertKind = (typeof KINDS)[number];

/** The answer for each status and kind (the kind changes where and how the certificate is renewed). */
const ANSWERS: Record<CertState, Record<CertKind, ReplyKey>> = {
  'cert.state.expired': {
    'cert.kind.usbKey': 'cert.expired.usbKey',
    'cert.kind.file': 'cert.expired.file',
    'cert.kind.mobile': 'cert.expired.mobile',
  },
  'cert.state.expiring': {
    'cert.kind.usbKey': 'cert.expiring.usbKey',
    'cert.kind.file': 'cert.expiring.file',
    'cert.kind.mobile': 'cert.expiring.mobile',
  },
};

/** After expiry the way back may lead to a counter, so what to bring matters; before, it rarely does. */
const EXTRAS: Record<CertState, ReplyKey[]> = {
  'cert.state.expired': ['cert.bring', 'cert.validity'],
  'cert.state.expiring': ['cert.expiringFallback', 'cert.bring', 'cert.validity'],
};

const NEXT = ['cert.next.branch', 'choice.human', 'choice.done'] as const satisfies readonly ChoiceKey[];
type Next = (typeof NEXT)[number];

/** What each closing choice does. */
const ON_NEXT: Record<Next, (step: WaterfallStepContext<FlowStart>, services: FlowServices) => Promise<DialogTurnResult>> = {
  'cert.next.branch': (step) => step.replaceDialog(DialogId.BranchVisit, { service: Service.Cert }),
  'choice.human': (step) => {
    const options: HumanAgentOptions = { reason: 'requested', urgent: false, lastIntent: Intent.CertExpired };
    return step.replaceDialog(DialogId.HumanAgent, options);
  },
  'choice.done': (step, services) => {
    services.replies.say(step.context, t('common.done'));
    return step.endDialog();
  },
};

/**
 * cert_expired: expired or expiring? which kind? → the steps in order (update online / download
 * again / reset at the counter / replace at the counter), what to bring, the one-year validity,
 * then an offer to find a branch that can do it (the branch flow starts filtered to that service).
 */
export const certExpiredFlow: FlowDefinition = {
  dialogId: DialogId.CertExpired,
  intents: [Intent.CertExpired],
  help: 'help.certExpired',
  create: (services) =>
    new WaterfallDialog<FlowStart>(DialogId.CertExpired, [
      (step) => askState(step, services),
      (step) => askKind(step, services),
      (step) => answer(step),
      (step) => next(step, services),
    ]),
};

/** A slot filled from the first message, when it names exactly one of the choices. */
function slot<K extends ChoiceKey>(text: unknown, keys: readonly K[], services: FlowServices): K | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const found = mentionedChoice(text, keyChoices(...keys), services.localizer)?.id;
  return keys.find((k) => k === found);
}

async function askState(step: WaterfallStepContext<FlowStart>, services: FlowServices) {
  const utterance = step.options?.utterance;
  const kind = slot(utterance, KINDS, services);
  if (kind) remember(step, 'kind', kind);
  const state = slot(utterance, STATES, services);
  if (state) return step.next(state);
  const ask: AskOptions = { question: t('cert.askState'), choices: keyChoices(...STATES) };
  return step.beginDialog(DialogId.Ask, ask);
}

async function askKind(step: WaterfallStepContext<FlowStart>, _services: FlowServices) {
  const state = chosenKey(step.result, STATES);
  if (!state) return step.endDialog();
  remember(step, 'state', state);
  const kind = chosenKey(recall(step, 'kind'), KINDS);
  if (kind) return step.next(kind);
  const ask: AskOptions = { question: t('cert.askKind'), choices: keyChoices(...KINDS) };
  return step.beginDialog(DialogId.Ask, ask);
}

async function answer(step: WaterfallStepContext<FlowStart>) {
  const state = chosenKey(recall(step, 'state'), STATES);
  const kind = chosenKey(step.result, KINDS);
  if (!state || !kind) return step.endDialog();
  const preface: TextRef[] = [t(ANSWERS[state][kind]), ...EXTRAS[state].map((key) => t(key))];
  const ask: AskOptions = { preface, question: t('cert.askNext'), choices: keyChoices(...NEXT) };
  return step.beginDialog(DialogId.Ask, ask);
}

async function next(step: WaterfallStepContext<FlowStart>, services: FlowServices) {
  return ON_NEXT[chosenKey(step.result, NEXT) ?? 'choice.done'](step, services);
}
