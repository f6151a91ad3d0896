/**
 * The dashboard's figures split per bank day and channel (real Redis): what the recorder counted on
 * two days in the bank's time zone comes back as one row per day and channel, with a turn just
 * after local midnight (still the previous day in UTC) on the local day, and a conversation that
 * writes on both days counted on each. The end-to-end figures from real turns are in
 * dashboard.test.ts; this checks the calendar, which a test run inside one day cannot.
 */
import type { Redis } from 'ioredis';
import { DashboardFigures } from '../../src/dashboard/dashboardFigures';
import { MisunderstoodInbox } from '../../src/dashboard/misunderstoodInbox';
import { StatsRecorder } from '../../src/dashboard/statsRecorder';
import { toHandle } from '../../src/handover/handoverKeys';
import { createLogger } from '../../src/logger';
import { newTestRedis, uniquePrefix } from '../support/testRedis';

const TZ = 'Asia/Shanghai'; // UTC+8, no daylight saving
const at = (iso: string) => Date.parse(iso);

let redis: Redis;
beforeAll(() => {
  redis = newTestRedis();
});
afterAll(() => redis.quit());

it('reports each bank day and channel on its own row, the day taken in the bank\'s time zone', async () => {
  const prefix = uniquePrefix('figures');
  const recorder = new StatsRecorder(redis, prefix, TZ, new MisunderstoodInbox(redis, prefix), createLogger('silent'));
  const ratingLog = `${prefix}rating-log`;

  // 29 November (Shanghai): a Teams customer writes twice (once not understood), asks for a person, waits 40 s.
  await recorder.countTurn('msteams', 'msteams/c1', false, at('2026-11-29T02:00:00Z'));
  await recorder.countTurn('msteams', 'msteams/c1', true, at('2026-11-29T02:01:00Z'));
  await recorder.escalated('msteams/c1', 'msteams', 'requested', at('2026-11-29T02:01:00Z'));
  await recorder.escalated('msteams/c1', 'msteams', 'requested', at('2026-11-29T02:02:00Z')); // asked again: one escalation
  await recorder.waited('msteams', 40_000, at('2026-11-29T02:02:00Z'));
  // 30 November, 00:30 in Shanghai (still the 29th in UTC): a WeChat customer, ten waits, one rating.
  await recorder.countTurn('wechat', 'wechat/w1', false, at('2026-11-29T16:30:00Z'));
  await recorder.escalated('wechat/w1', 'wechat', 'fraud', at('2026-11-29T16:30:00Z'));
  for (let s = 1; s <= 10; s += 1) await recorder.waited('wechat', s * 1000, at('2026-11-29T16:31:00Z'));
  await redis.rpush(ratingLog, JSON.stringify({ score: 4, handle: toHandle('wechat/w1'), at: at('2026-11-29T16:40:00Z') }));
  // The Teams customer comes back on the 30th without asking for anyone.
  await recorder.countTurn('msteams', 'msteams/c1', false, at('2026-11-30T03:00:00Z'));

  const figures = new DashboardFigures(redis, recorder, ratingLog, TZ);
  const rows = await figures.days(at('2026-11-30T10:00:00Z'), 2);
  expect(rows.map((r) => `${r.day} ${r.channel}`)).toEqual(['2026-11-29 msteams', '2026-11-30 msteams', '2026-11-30 wechat']);
  expect(rows[0]).toMatchObject({ conversations: 1, turns: 2, fallbacks: 1, escalations: 1, escalationRate: 1, containment: 0, reasons: { requested: 1 }, waits: 1, waitMedianMs: 40_000, waitP90Ms: 40_000, ratings: 0, ratingAverage: null });
  expect(rows[1]).toMatchObject({ conversations: 1, turns: 1, fallbacks: 0, escalations: 0, escalationRate: 0, containment: 1, reasons: {}, waits: 0, waitMedianMs: null });
  // Nearest rank over 1..10 s: the median is the 5th, the 90th percentile the 9th.
  expect(rows[2]).toMatchObject({ conversations: 1, turns: 1, escalations: 1, reasons: { fraud: 1 }, waits: 10, waitMedianMs: 5_000, waitP90Ms: 9_000, ratings: 1, ratingAverage: 4 });

  // One day back from the 30th is the 30th alone.
  expect((await figures.days(at('2026-11-30T10:00:00Z'), 1)).map((r) => r.day)).toEqual(['2026-11-30', '2026-11-30']);
});
