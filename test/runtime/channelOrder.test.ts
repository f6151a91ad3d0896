import { channelOrder } from '../../src/runtime/channelOrder';

describe('channelOrder (the Bot Framework connector stamp as a place in the conversation)', () => {
  it('keeps the microseconds of a 7-digit connector stamp, so messages sent within one millisecond stay apart', () => {
    const a = channelOrder({ rawTimestamp: '2026-11-30T19:45:01.6546328Z' } as object);
    const b = channelOrder({ rawTimestamp: '2026-11-30T19:45:01.6549001Z' } as object);
    expect(a?.sentAtUs).toBe(Date.parse('2026-11-30T19:45:01.654Z') * 1000 + 632);
    expect(b && a && b.sentAtUs - a.sentAtUs).toBe(268);
  });

  it('reads millisecond and whole-second stamps and time-zone offsets', () => {
    expect(channelOrder({ rawTimestamp: '2026-11-30T19:45:01.654Z' } as object)?.sentAtUs).toBe(Date.parse('2026-11-30T19:45:01.654Z') * 1000);
    expect(channelOrder({ rawTimestamp: '2026-11-30T19:45:01Z' } as object)?.sentAtUs).toBe(Date.parse('2026-11-30T19:45:01Z') * 1000);
    expect(channelOrder({ rawTimestamp: '2026-12-01T03:45:01.6546328+08:00' } as object)?.sentAtUs).toBe(Date.parse('2026-11-30T19:45:01.654Z') * 1000 + 632);
  });

  it('gives no order for activities our own channels stamped, or for a stamp that is not a time', () => {
    expect(channelOrder({ timestamp: new Date() })).toBeUndefined();
    expect(channelOrder({ rawTimestamp: 'yesterday' } as object)).toBeUndefined();
  });
});
