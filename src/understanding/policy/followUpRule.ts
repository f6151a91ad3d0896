import type { Branch } from '../../branches/branchSchema';
import { SERVICE_REPLY } from '../../../dialogs/branchResults';
import type { RouterTurn } from '../../../dialogs/routerTurn';
import { Intent } from '../../nlu/intents';
import { isReplyKey, type ReplyKey } from '../../i18n/catalogueSchema';
import type { TemplateValue } from '../../i18n/localizer';
import { getTurnLocale } from '../../i18n/turnLocale';
import { t, type TextRef } from '../../../dialogs/textRef';
import type { SlotName } from '../parse';
import type { PolicyRule } from './policyRule';
import { RuleId } from './ruleIds';

const WEEKEND_DAYS = new Set(['sat', 'sun', 'weekend']);
const DAY_REPLY: Record<string, ReplyKey> = {
  mon: 'day.mon',
  tue: 'day.tue',
  wed: 'day.wed',
  thu: 'day.thu',
  fri: 'day.fri',
  sat: 'day.sat',
  sun: 'day.sun',
  weekend: 'day.weekend',
  today: 'day.today',
  tomorrow: 'day.tomorrow',
};

/** What a follow-up asks about each listed branch, as one reply line per branch. */
const BRANCH_ANSWERS: Record<string, (b: Branch, day: string | undefined) => TextRef> = {
  hours: (b, day) => hoursLine(b, day),
  phone: (b) => t('branch.followPhone', { name: b.name, phone: b.phone }),
  address: (b) => t('branch.followAddress', { name: b.name, address: b.address }),
  services: (b) => {
    const services: TemplateValue = { join: b.services.map((s) => ({ reply: SERVICE_REPLY[s] })), with: 'branch.servicesSeparator' };
    return t('branch.followServices', { name: b.name, services });
  },
};

function hoursLine(b: Branch, day: string | undefined): TextRef {
  const closed: TemplateValue = { reply: 'branch.closed' };
  if (day && WEEKEND_DAYS.has(day)) return t('branch.followHours', { name: b.name, day: { reply: DAY_REPLY[day] }, hours: b.hours.weekend ?? closed });
  if (day && DAY_REPLY[day] && day !== 'today' && day !== 'tomorrow') {
    return t('branch.followHours', { name: b.name, day: { reply: DAY_REPLY[day] }, hours: b.hours.weekday });
  }
  return t('branch.item', {
    name: b.name,
    address: b.address,
    weekday: b.hours.weekday,
    weekend: b.hours.weekend ?? closed,
    phone: b.phone,
    services: { join: b.services.map((s) => ({ reply: SERVICE_REPLY[s] })), with: 'branch.servicesSeparator' },
  });
}

function slot(turn: RouterTurn, name: SlotName): string | undefined {
  return turn.input.parse.slots.filter((s) => s.name === name && !s.negated).at(-1)?.value;
}

function answerBranches(turn: RouterTurn, ids: readonly string[]): boolean {
  const shown = ids.flatMap((id) => turn.services.branches.branches.find((b) => b.id === id) ?? []);
  if (shown.length === 0) return false;
  const ref = slot(turn, 'itemRef');
  const landmark = slot(turn, 'landmark');
  const day = slot(turn, 'day');
  // "the Central one" / "第二家": that branch; otherwise every branch just listed.
  const district = slot(turn, 'district');
  const named = landmark ? shown.filter((b) => b.id === landmark) : district ? shown.filter((b) => `${b.city}/${b.district.en}` === district) : [];
  // "可以办外币兑换吗": a counter service asked of the branches just listed.
  const service = slot(turn, 'branchService');
  const info = slot(turn, 'branchInfo') ?? (service ? 'services' : undefined);
  if (!info && !day && !(ref && ref !== 'next') && named.length === 0) return false;
  if ((landmark || district) && named.length === 0) return false;
  const { replies } = turn.services;
  if (ref && ref !== 'next' && named.length === 0) {
    const index = ref === 'last' ? shown.length - 1 : Number(ref) - 1;
    const one = shown[index];
    if (!one) {
      replies.say(turn.dc.context, t('branch.noSuchItem', { count: shown.length }));
      return turn.reprompt() || true;
    }
    named.push(one);
  }
  const targets = named.length > 0 ? named : shown;
  const ctx = turn.dc.context;
  if (info === 'appointment') replies.say(ctx, t('branch.appointment'));
  else {
    if (day === 'holiday') replies.say(ctx, t('branch.holidayHours'));
    const ask = info && BRANCH_ANSWERS[info] ? info : 'hours';
    const answer = day === 'holiday' ? BRANCH_ANSWERS.phone : BRANCH_ANSWERS[ask];
    for (const b of targets) replies.say(ctx, answer(b, day));
  }
  turn.reprompt();
  return true;
}

/** "第三步怎么做" repeats that step; "then what?" / "还是不行" gives what comes after the steps. */
function answerSteps(turn: RouterTurn, key: string, next: string | undefined): boolean {
  const ref = slot(turn, 'itemRef');
  if (!ref || !isReplyKey(key)) return false;
  const { replies, localizer } = turn.services;
  const ctx = turn.dc.context;
  if (ref === 'next') {
    if (!next || !isReplyKey(next)) return false;
    replies.say(ctx, t(next));
    turn.reprompt();
    return true;
  }
  const lines = localizer.text(getTurnLocale(ctx), key).split('\n').filter((l) => /^\d+\.\s*/.test(l));
  const index = ref === 'last' ? lines.length - 1 : Number(ref) - 1;
  const line = lines[index];
  if (!line) replies.say(ctx, t('cert.noSuchStep', { count: lines.length }));
  else replies.say(ctx, t('cert.stepDetail', { n: index + 1, step: line.replace(/^\d+\.\s*/, '') }));
  turn.reprompt();
  return true;
}

/**
 * With no branches listed yet, an appointment or a holiday question has a general answer (no
 * branch differs). It is a question, not a wish to visit: the answer stands alone (a pending
 * question comes back), without asking for a city the customer did not offer.
 */
async function generalBranchAnswer(turn: RouterTurn): Promise<boolean> {
  const info = slot(turn, 'branchInfo');
  const day = slot(turn, 'day');
  const general = info === 'appointment' ? t('branch.appointment') : day === 'holiday' ? t('branch.holidayGeneral') : undefined;
  if (!general || turn.input.parse.recognition.intent !== Intent.BranchVisit) return false;
  turn.services.replies.say(turn.dc.context, general);
  return turn.reprompt() || true;
}

/**
 * Follow-ups on what was just shown, answered from it: the branches listed (hours on a day, phone,
 * address, services, appointments; "第二家", "the Central one") or the steps given ("第三步", "then what?").
 */
export const followUpRule: PolicyRule = {
  id: RuleId.FollowUp,
  async decide(turn) {
    const shown = turn.input.memory.shown;
    if (!shown) return generalBranchAnswer(turn);
    if (shown.kind === 'branches') return answerBranches(turn, shown.ids);
    return answerSteps(turn, shown.key, shown.next);
  },
};
