import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { SERVICE_IDS, Service, type ServiceId } from '../src/branches/branchSchema';
import type { ChoiceKey } from '../src/i18n/catalogueSchema';
import { Intent } from '../src/nlu/intents';
import { askResult, type AskOptions } from './askDialog';
import { chosenKey } from './chosenKey';
import { branchResults } from './branchResults';
import { DialogId } from './dialogIds';
import type { FlowDefinition, FlowServices, FlowStart } from './flowTypes';
import { keyChoices, t, type MenuChoice, type TextRef } from './textRef';
import { getTurnInput } from './turnInput';

export interface BranchVisitOptions extends FlowStart {
  /** Only branches offering this counter service (the certificate flow asks for `cert`). */
  service?: ServiceId;
  /** Ignore this turn's message as a query (the customer just asked to search somewhere else). */
  fresh?: boolean;
}

const NEXT = ['branch.next.another', 'choice.done'] as const satisfies readonly ChoiceKey[];

function readOptions(raw: unknown): BranchVisitOptions {
  const o = typeof raw === 'object' && raw !== null ? raw : {};
  const service = Reflect.get(o, 'service');
  const utterance = Reflect.get(o, 'utterance');
  return {
    service: SERVICE_IDS.find((s) => s === service),
    utterance: typeof utterance === 'string' ? utterance : undefined,
    fresh: Reflect.get(o, 'fresh') === true,
  };
}

/**
 * branch_visit: find branches by city, district or landmark, or by a shared location (nearest
 * first), and show name, address, weekday and weekend hours, phone and counter services. Every
 * answer loops back through `replaceDialog`, so "北京" after a Shanghai search simply searches again.
 */
export const branchVisitFlow: FlowDefinition = {
  dialogId: DialogId.BranchVisit,
  intents: [Intent.BranchVisit],
  help: 'help.branchVisit',
  create: (services) =>
    new WaterfallDialog<BranchVisitOptions>(DialogId.BranchVisit, [(step) => search(step, services), (step) => route(step, services)]),
};

function cityChoices(services: FlowServices): MenuChoice[] {
  return services.branches.cities.map((c) => ({ id: c.id, label: { text: c.name } }));
}

function askWhere(step: WaterfallStepContext<BranchVisitOptions>, services: FlowServices, options: BranchVisitOptions, preface: TextRef[]) {
  const cities = { join: services.branches.cities.map((c) => c.name), with: 'branch.servicesSeparator' } as const;
  const question = options.service === Service.Cert ? 'branch.askWhereCert' : options.fresh ? 'branch.askAnother' : 'branch.askWhere';
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
  const options = readOptions(step.options);
  const location = options.fresh ? undefined : getTurnInput(step.context)?.location;
  const { service } = options;
  if (location && !location.valid) return askWhere(step, services, options, [t('branch.badLocation')]);
  let preface: TextRef[] | undefined;
  if (location) {
    preface = branchResults(services.branches.nearest(location.latitude, location.longitude, 3, service), true, service);
  } else if (options.utterance && services.branches.recognizes(options.utterance)) {
    const found = services.branches.search(options.utterance, service);
    if (found.length === 0) {
      const cities = { join: services.branches.cities.map((c) => c.name), with: 'branch.servicesSeparator' } as const;
      return askWhere(step, services, options, [t('branch.notFound', { query: options.utterance, cities })]);
    }
    preface = branchResults(found, false, service);
  }
  if (!preface) return askWhere(step, services, options, []);
  const ask: AskOptions = { preface, question: t('branch.askNext'), choices: keyChoices(...NEXT), accept: 'branchQuery' };
  return step.beginDialog(DialogId.Ask, ask);
}

async function route(step: WaterfallStepContext<BranchVisitOptions>, services: FlowServices) {
  const { service } = readOptions(step.options);
  const result = askResult(step.result);
  if (!result) return step.endDialog();
  if (result.kind === 'text') return step.replaceDialog(DialogId.BranchVisit, { service, utterance: result.text });
  if (chosenKey(result, NEXT) === 'branch.next.another') return step.replaceDialog(DialogId.BranchVisit, { service, fresh: true });
  const city = services.branches.cityName(result.id);
  if (city) return step.replaceDialog(DialogId.BranchVisit, { service, utterance: city.zh, fresh: true });
  services.replies.say(step.context, t('common.done'));
  return step.endDialog();
}
