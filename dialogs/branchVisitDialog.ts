import { WaterfallDialog } from './dialogKit';
import type { WaterfallStepContext } from 'botbuilder-dialogs';
import { SERVICE_IDS, Service, type ServiceId } from '../src/branches/branchSchema';
import type { ChoiceKey } from '../src/i18n/catalogueSchema';
import { Intent } from '../src/nlu/intents';
import { slotOf, type MemorySlots } from '../src/understanding/conversationMemory';
import { askResult, type AskOptions } from './askDialog';
import { chosenKey } from './chosenKey';
import { branchResults, MAX_BRANCHES_SHOWN } from './branchResults';
import { DialogId } from './dialogIds';
import type { FlowDefinition, FlowServices, FlowStart } from './flowTypes';
import { keyChoices, t, type MenuChoice, type TextRef } from './textRef';
import { getTurnInput } from './turnInput';

export interface BranchVisitOptions extends FlowStart {
  /** Ask where afresh (the customer chose "somewhere else"). */
  fresh?: boolean;
}

const NEXT = ['branch.next.another', 'choice.done'] as const satisfies readonly ChoiceKey[];

function readService(value: string | undefined): ServiceId | undefined {
  return SERVICE_IDS.find((s) => s === value);
}

/**
 * branch_visit, driven by the conversation's place slots (city, district, landmark) and counter
 * service, or by a shared location (nearest first): name, address, weekday and weekend hours,
 * phone and counter services. What was listed is remembered by id for follow-ups ("第二家的电话").
 */
export const branchVisitFlow: FlowDefinition = {
  dialogId: DialogId.BranchVisit,
  intents: [Intent.BranchVisit],
  help: 'help.branchVisit',
  slots: ['city', 'district', 'landmark', 'branchService'],
  answersWith: ['city', 'district', 'landmark'],
  offer: 'branch.offer',
  offerWhen: 'intent',
  create: (services) =>
    new WaterfallDialog<BranchVisitOptions>(DialogId.BranchVisit, [(step) => search(step, services), (step) => route(step, services)]),
};

function cityChoices(services: FlowServices): MenuChoice[] {
  return services.branches.cities.map((c) => ({ id: c.id, label: { text: c.name } }));
}

function askWhere(step: WaterfallStepContext<BranchVisitOptions>, services: FlowServices, service: ServiceId | undefined, preface: TextRef[]) {
  const cities = { join: services.branches.cities.map((c) => c.name), with: 'branch.servicesSeparator' } as const;
  const fresh = step.options?.fresh === true;
  const question = service === Service.Cert ? 'branch.askWhereCert' : fresh ? 'branch.askAnother' : 'branch.askWhere';
  const ask: AskOptions = {
    preface,
    question: t(question),
    choices: cityChoices(services),
    accept: 'branchQuery',
    notUnderstood: t('branch.notFound', { cities }),
  };
  return step.beginDialog(DialogId.Ask, ask);
}

async function search(step: WaterfallStepContext<BranchVisitOptions>, services: FlowServices) {
  const input = getTurnInput(step.context);
  const memory = input?.memory;
  const fresh = step.options?.fresh === true;
  const preface = [...(step.options?.preface ?? [])];
  const service = memory ? readService(slotOf(memory, 'branchService')) : undefined;
  const location = fresh ? undefined : input?.location;
  if (location && !location.valid) return askWhere(step, services, service, [...preface, t('branch.badLocation')]);
  const place = memory && !fresh ? { city: slotOf(memory, 'city'), district: slotOf(memory, 'district'), landmark: slotOf(memory, 'landmark') } : {};
  const found = location
    ? services.branches.nearest(location.latitude, location.longitude, MAX_BRANCHES_SHOWN, service)
    : place.city || place.district || place.landmark
      ? services.branches.find(place, service)
      : undefined;
  if (!found) return askWhere(step, services, service, preface);
  if (found.length === 0) {
    const cities = { join: services.branches.cities.map((c) => c.name), with: 'branch.servicesSeparator' } as const;
    return askWhere(step, services, service, [...preface, t('branch.noneThere', { cities })]);
  }
  if (memory) memory.shown = { kind: 'branches', ids: found.slice(0, MAX_BRANCHES_SHOWN).map((m) => m.branch.id) };
  const ask: AskOptions = {
    preface: [...preface, ...branchResults(found, location !== undefined, service)],
    question: t('branch.askNext'),
    choices: keyChoices(...NEXT),
    accept: 'branchQuery',
  };
  return step.beginDialog(DialogId.Ask, ask);
}

async function route(step: WaterfallStepContext<BranchVisitOptions>, services: FlowServices) {
  const result = askResult(step.result);
  if (!result) return step.endDialog();
  const memory = getTurnInput(step.context)?.memory;
  const slots: MemorySlots = memory?.slots ?? {};
  // Free text the question accepted (a place): its slots are already in memory.
  if (result.kind === 'text') return step.replaceDialog(DialogId.BranchVisit, {});
  if (chosenKey(result, NEXT) === 'branch.next.another') return step.replaceDialog(DialogId.BranchVisit, { fresh: true });
  if (services.branches.cityName(result.id)) {
    slots.city = result.id;
    delete slots.district;
    delete slots.landmark;
    return step.replaceDialog(DialogId.BranchVisit, {});
  }
  services.replies.say(step.context, t('common.done'));
  if (memory) memory.shown = undefined;
  return step.endDialog();
}
