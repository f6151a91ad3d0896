import { BusinessHours, BusinessHoursError, parseHolidays } from '../../src/handover/businessHours';

const at = (iso: string) => new Date(iso);

describe('BusinessHours', () => {
  const hours = new BusinessHours('Mon-Fri 09:00-12:00 13:00-18:00; Sat 10:00-14:00', '2026-10-01..2026-10-07, 2026-12-25', 'Asia/Shanghai');

  it.each([
    ['2026-11-24T01:00:00Z', true, 'Tuesday 09:00 in Shanghai'],
    ['2026-11-24T00:59:00Z', false, 'Tuesday 08:59'],
    ['2026-11-24T04:30:00Z', false, 'lunch break 12:30'],
    ['2026-11-24T09:59:00Z', true, 'Tuesday 17:59'],
    ['2026-11-24T10:00:00Z', false, 'Tuesday 18:00 (end is exclusive)'],
    ['2026-11-28T03:00:00Z', true, 'Saturday 11:00'],
    ['2026-11-29T03:00:00Z', false, 'Sunday'],
    ['2026-10-02T03:00:00Z', false, 'a holiday inside a range'],
    ['2026-12-25T03:00:00Z', false, 'a single holiday'],
    ['2026-11-23T16:30:00Z', false, 'Tuesday 00:30 in Shanghai'],
  ])('at %s is open=%s (%s)', (iso, open, _why) => {
    expect(hours.isOpen(at(iso))).toBe(open);
  });

  it('uses the configured time zone, not the machine one', () => {
    const london = new BusinessHours('Mon-Fri 09:00-18:00', '', 'Europe/London');
    expect(london.isOpen(at('2026-11-24T09:30:00Z'))).toBe(true);
    expect(new BusinessHours('Mon-Fri 09:00-18:00', '', 'Asia/Shanghai').isOpen(at('2026-11-24T11:30:00Z'))).toBe(false);
  });

  it('is always open with "always", except on holidays', () => {
    const always = new BusinessHours('always', '2026-11-24', 'Asia/Shanghai');
    expect(always.isOpen(at('2026-11-22T20:00:00Z'))).toBe(true); // Monday 04:00 in Shanghai
    expect(always.isOpen(at('2026-11-24T03:00:00Z'))).toBe(false);
  });

  it('accepts day ranges that wrap the week', () => {
    expect(new BusinessHours('Sat-Mon 00:00-24:00', '', 'UTC').isOpen(at('2026-11-29T12:00:00Z'))).toBe(true);
    expect(new BusinessHours('Sat-Mon 00:00-24:00', '', 'UTC').isOpen(at('2026-11-25T12:00:00Z'))).toBe(false);
  });

  it.each([
    ['Mon-Fri', /no time range/],
    ['Mon-Fry 09:00-18:00', /unknown day "Fry"/],
    ['Mon-Fri 9-18', /bad time/],
    ['Mon-Fri 18:00-09:00', /ends before it starts/],
    ['Mon 09:60-10:00', /bad time/],
  ])('refuses HANDOVER_HOURS=%s with a message naming the setting', (value, message) => {
    expect(() => new BusinessHours(value, '', 'UTC')).toThrow(BusinessHoursError);
    expect(() => new BusinessHours(value, '', 'UTC')).toThrow(message);
    expect(() => new BusinessHours(value, '', 'UTC')).toThrow(/HANDOVER_HOURS/);
  });

  it('refuses bad holidays and time zones', () => {
    expect(() => parseHolidays('2026-13-01')).toThrow(/HANDOVER_HOLIDAYS: bad date/);
    expect(() => parseHolidays('2026-10-07..2026-10-01')).toThrow(/HANDOVER_HOLIDAYS/);
    expect(() => new BusinessHours('always', '', 'Mars/Olympus')).toThrow();
  });
});
