import type { BranchMatch } from '../src/branches/branchDirectory';
import type { ServiceId } from '../src/branches/branchSchema';
import type { ReplyKey } from '../src/i18n/catalogueSchema';
import type { TemplateValue } from '../src/i18n/localizer';
import { t, type TextRef } from './textRef';

/** How many branches one reply lists; more would drown a phone screen. */
export const MAX_BRANCHES_SHOWN = 3;

export const SERVICE_REPLY: Record<ServiceId, ReplyKey> = {
  cert: 'service.cert',
  usbKey: 'service.usbKey',
  card: 'service.card',
  account: 'service.account',
  loss: 'service.loss',
  forex: 'service.forex',
  safeDeposit: 'service.safeDeposit',
};

function distance(km: number): string {
  return km < 10 ? km.toFixed(1) : String(Math.round(km));
}

export function branchItem(match: BranchMatch): TextRef {
  const { branch } = match;
  const services: TemplateValue = { join: branch.services.map((s) => ({ reply: SERVICE_REPLY[s] })), with: 'branch.servicesSeparator' };
  const vars = {
    name: branch.name,
    address: branch.address,
    weekday: branch.hours.weekday,
    weekend: branch.hours.weekend ?? { reply: 'branch.closed' },
    phone: branch.phone,
    services,
  } satisfies Record<string, TemplateValue>;
  return match.distanceKm === undefined
    ? t('branch.item', vars)
    : t('branch.itemDistance', { ...vars, distance: distance(match.distanceKm) });
}

/** The reply paragraphs for a list of branches: heading, up to three entries, what was left out. */
export function branchResults(matches: BranchMatch[], nearest: boolean, service: ServiceId | undefined): TextRef[] {
  const shown = matches.slice(0, MAX_BRANCHES_SHOWN);
  const refs: TextRef[] = [t(nearest ? 'branch.resultsNearest' : 'branch.resultsFor', { count: shown.length }), ...shown.map(branchItem)];
  if (matches.length > shown.length) refs.push(t('branch.moreResults', { more: matches.length - shown.length }));
  if (service === 'cert') refs.push(t('branch.certNote'));
  return refs;
}
