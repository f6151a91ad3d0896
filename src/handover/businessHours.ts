/**
 * When human agents work. `HANDOVER_HOURS` is a list of `;`-separated rules, each a day set and
 * one or more time ranges in the configured time zone:
 *   "Mon-Fri 09:00-18:00"   "Mon-Fri 09:00-12:00 13:00-18:00; Sat 10:00-14:00"   "always"
 * `HANDOVER_HOLIDAYS` lists closed dates: "2026-10-01, 2026-10-02" or ranges "2026-10-01..2026-10-07".
 * A bad value stops the app at start with a message naming the setting, like config.ts does.
 */
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const ALWAYS = new Set(['', 'always', '24/7']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Rule {
  days: Set<number>;
  /** Minute-of-day ranges [from, to). */
  ranges: Array<[number, number]>;
}

export interface LocalTime {
  date: string;
  weekday: number;
  minute: number;
}

export class BusinessHoursError extends Error {
  override name = 'BusinessHoursError';
}

function dayIndex(name: string, setting: string): number {
  const i = DAYS.findIndex((d) => d.toLowerCase() === name.slice(0, 3).toLowerCase());
  if (i < 0 || name.length < 3) throw new BusinessHoursError(`${setting}: unknown day ${JSON.stringify(name)} (use Mon, Tue, … Sun)`);
  return i;
}

function parseDays(text: string, setting: string): Set<number> {
  const days = new Set<number>();
  for (const part of text.split(',')) {
    const [from, to] = part.split('-').map((p) => p.trim());
    const start = dayIndex(from, setting);
    const end = to === undefined ? start : dayIndex(to, setting);
    // Ranges may wrap the week ("Sat-Mon").
    for (let d = start; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === end) break;
    }
  }
  return days;
}

function parseMinute(text: string, setting: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const minute = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || minute > 24 * 60) throw new BusinessHoursError(`${setting}: bad time ${JSON.stringify(text)} (use HH:MM)`);
  return minute;
}

function parseRange(text: string, setting: string): [number, number] {
  const [from, to] = text.split('-');
  const range: [number, number] = [parseMinute(from ?? '', setting), parseMinute(to ?? '', setting)];
  if (range[0] >= range[1]) throw new BusinessHoursError(`${setting}: range ${text} ends before it starts (split overnight ranges at 24:00)`);
  return range;
}

export function parseHours(value: string, setting = 'HANDOVER_HOURS'): Rule[] | 'always' {
  if (ALWAYS.has(value.trim().toLowerCase())) return 'always';
  return value
    .split(';')
    .map((rule) => rule.trim())
    .filter(Boolean)
    .map((rule) => {
      const [days, ...ranges] = rule.split(/\s+/);
      if (ranges.length === 0) throw new BusinessHoursError(`${setting}: ${JSON.stringify(rule)} has no time range`);
      return { days: parseDays(days, setting), ranges: ranges.map((r) => parseRange(r, setting)) };
    });
}

export function parseHolidays(value: string, setting = 'HANDOVER_HOLIDAYS'): Array<[string, string]> {
  return value
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((item) => {
      const [from, to = from] = item.split('..');
      if (!DATE.test(from) || !DATE.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)) || to < from) {
        throw new BusinessHoursError(`${setting}: bad date ${JSON.stringify(item)} (use YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)`);
      }
      return [from, to] as [string, string];
    });
}

/** The wall-clock date, weekday and minute in `timeZone` (Intl, so no time-zone database of ours). */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    weekday: DAYS.findIndex((d) => d === get('weekday')),
    minute: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

export class BusinessHours {
  private readonly rules: Rule[] | 'always';
  private readonly holidays: Array<[string, string]>;

  constructor(
    readonly hoursText: string,
    holidaysText: string,
    private readonly timeZone: string,
  ) {
    this.rules = parseHours(hoursText);
    this.holidays = parseHolidays(holidaysText);
    localTime(new Date(0), timeZone); // a bad TZ throws here, at start, not on a customer's turn
  }

  isOpen(at: Date): boolean {
    const local = localTime(at, this.timeZone);
    if (this.holidays.some(([from, to]) => local.date >= from && local.date <= to)) return false;
    if (this.rules === 'always') return true;
    return this.rules.some((r) => r.days.has(local.weekday) && r.ranges.some(([from, to]) => local.minute >= from && local.minute < to));
  }
}
