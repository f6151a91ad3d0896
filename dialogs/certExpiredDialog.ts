import { WaterfallDialog } from './dialogKit';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { ChoiceKey, ReplyKey } from '../src/i18n/catalogueSchema';
import { Intent } from '../src/nlu/intents';
import { slotOf, type ConversationMemory, type MemorySlots } from '../src/understanding/conversationMemory';
import { askResult, type AskOptions } from './askDialog';
import { chosenKey } from './chosenKey';
import { DialogId } from './dialogIds';
import type { FlowDefinition, FlowServices, FlowStart } from './flowTypes';
import type { HumanAgentOptions } from './humanAgentDialog';
import { recall, remember } from './stepValues';
import { keyChoices, t, type TextRef } from './textRef';
import { getTurnInput } from './turnInput';

/** Each question's choices and the slot value each choice stands for. */
const STATUS_CHOICES = { 'cert.state.expired': 'expired', 'cert.state.expiring': 'expiring' } as const satisfies Partial<Record<ChoiceKey, string>>;
const KIND_CHOICES = { 'cert.kind.usbKey': 'usbKey', 'cert.kind.file': 'fileCert', 'cert.kind.mobile': 'mobile' } as const satisfies Partial<Record<ChoiceKey, string>>;
type Status = (typeof STATUS_CHOICES)[keyof typeof STATUS_CHOICES];
type Kind = (typeof KIND_CHOICES)[keyof typeof KIND_CHOICES];
const STATUSES = Object.keys(STATUS_CHOICES).filter((k): k is keyof typeof STATUS_CHOICES => k in STATUS_CHOICES);
const KINDS = Object.keys(KIND_CHOICES).filter((k): k is keyof typeof KIND_CHOICES => k in KIND_CHOICES);

/** The steps for each status and kind (the kind changes where and how the certificate is renewed). */
const ANSWERS: Record<Status, Record<Kind, ReplyKey>> = {
  expired: { usbKey: 'cert.expired.usbKey', fileCert: 'cert.expired.file', mobile: 'cert.expired.mobile' },
  expiring: { usbKey: 'cert.expiring.usbKey', fileCert: 'cert.expiring.file', mobile: 'cert.expiring.mobile' },
};

/**
 * The same way back when an update failed before expiry, without "once expired it stops working":
 * the certificate has not expired, and saying so would misstate the customer's own facts.
 */
const UPDATE_FAILED: Record<Kind, ReplyKey> = { usbKey: 'cert.updateFailed.usbKey', fileCert: 'cert.updateFailed.file', mobile: 'cert.updateFailed.mobile' };

/** After expiry the way back may lead to a counter, so what to bring matters; before, it rarely does. */
const EXTRAS: Record<Status, ReplyKey[]> = {
  expired: ['cert.bring', 'cert.validity'],
  expiring: ['cert.expiringFallback', 'cert.bring', 'cert.validity'],
};

/** What "then what?" / "还是不行" gets after the steps of each status. */
const AFTER_STEPS: Record<Status, ReplyKey> = { expired: 'cert.ifStillFails', expiring: 'cert.expiringFallback' };

const NEXT = ['cert.next.branch', 'choice.human', 'choice.done'] as const satisfies readonly ChoiceKey[];
type Next = (typeof NEXT)[number];

const ON_NEXT: Record<Next, (step: WaterfallStepContext<FlowStart>, services: FlowServices) => Promise<DialogTurnResult>> = {
  'cert.next.branch': (step) => {
    const memory = getTurnInput(step.context)?.memory;
    if (memory) {
      const slots: MemorySlots = memory.slots;
      slots.branchService = 'cert';
    }
    return step.replaceDialog(DialogId.BranchVisit, {});
  },
  'choice.human': (step) => {
    const options: HumanAgentOptions = { reason: 'requested', urgent: false, lastIntent: Intent.CertExpired };
    return step.replaceDialog(DialogId.HumanAgent, options);
  },
  'choice.done': (step, services) => {
    services.replies.say(step.context, t('common.done'));
    return step.endDialog();
  },
};

function isStatus(v: string | undefined): v is Status {
  return v === 'expired' || v === 'expiring';
}
function isKind(v: string | undefined): v is Kind {
  return v === 'usbKey' || v === 'fileCert' || v === 'mobile';
}

/**
 * cert_expired, driven by the conversation's slots: it asks only for what is missing (status,
 * then kind) and answers as soon as both are known — at once when the first message carried them
 * ("U盾证书月底到期"). The steps (update online / download again / reset or replace at a counter),
 * what to bring and the validity, then an offer to find a branch that can do it.
 */
export const certExpiredFlow: FlowDefinition = {
  dialogId: DialogId.CertExpired,
  intents: [Intent.CertExpired],
  help: 'help.certExpired',
  slots: ['certStatus', 'certWhen', 'certKind', 'triedFailed', 'symptom'],
  offer: 'cert.offer',
  offerOn: ['certStatus', 'triedFailed'],
  create: (services) =>
    new WaterfallDialog<FlowStart>(DialogId.CertExpired, [(step) => decide(step), (step) => afterAnswer(step, services)]),
};

function memoryOf(step: WaterfallStepContext<FlowStart>): ConversationMemory | undefined {
  return getTurnInput(step.context)?.memory;
}

async function decide(step: WaterfallStepContext<FlowStart>) {
  const memory = memoryOf(step);
  const preface: TextRef[] = step.options?.preface ?? [];
  const status = memory ? slotOf(memory, 'certStatus') : undefined;
  const kind = memory ? slotOf(memory, 'certKind') : undefined;
  if (!isStatus(status)) {
    remember(step, 'asked', 'status');
    const ask: AskOptions = { preface, question: t('cert.askState'), choices: keyChoices(...STATUSES) };
    return step.beginDialog(DialogId.Ask, ask);
  }
  if (!isKind(kind)) {
    remember(step, 'asked', 'kind');
    const ask: AskOptions = { preface, question: t('cert.askKind'), choices: keyChoices(...KINDS) };
    return step.beginDialog(DialogId.Ask, ask);
  }
  remember(step, 'asked', 'next');
  const tried = memory ? slotOf(memory, 'triedFailed') : undefined;
  const steps = answerFor(status, kind, tried);
  if (memory) memory.shown = { kind: 'steps', key: steps.key, next: AFTER_STEPS[status] };
  const ask: AskOptions = { preface: [...preface, ...steps.refs], question: t('cert.askNext'), choices: keyChoices(...NEXT) };
  return step.beginDialog(DialogId.Ask, ask);
}

/** "更新失败了" before expiry skips to downloading again; "重新下载也不行" goes to the counter. */
function answerFor(status: Status, kind: Kind, tried: string | undefined): { key: ReplyKey; refs: TextRef[] } {
  if (tried === 'redownload' || tried === 'reinstall') {
    const key = ANSWERS.expired[kind];
    return { key, refs: [t(key), t('cert.triedRedownload'), t('cert.bring')] };
  }
  if (tried === 'onlineUpdate' && status === 'expiring') {
    const key = UPDATE_FAILED[kind];
    return { key, refs: [t('cert.triedUpdate'), t(key), t('cert.bring')] };
  }
  const key = ANSWERS[status][kind];
  return { key, refs: [t(key), ...EXTRAS[status].map((k) => t(k))] };
}

async function afterAnswer(step: WaterfallStepContext<FlowStart>, services: FlowServices) {
  const asked = recall(step, 'asked');
  const memory = memoryOf(step);
  const slots: MemorySlots = memory?.slots ?? {};
  if (asked === 'status' || asked === 'kind') {
    const status = chosenKey(step.result, STATUSES);
    const kind = chosenKey(step.result, KINDS);
    if (status) slots.certStatus = STATUS_CHOICES[status];
    else if (kind) slots.certKind = KIND_CHOICES[kind];
    else if (!askResult(step.result)) return step.endDialog();
    return step.replaceDialog(DialogId.CertExpired, {});
  }
  return ON_NEXT[chosenKey(step.result, NEXT) ?? 'choice.done'](step, services);
}
