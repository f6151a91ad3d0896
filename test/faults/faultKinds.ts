/**
 * The faults the suite injects, as data: each says what it does to the world while customers of
 * all three channels talk, and when the world is whole again (recovery is measured from there).
 */
import type { Traffic } from './channelCustomers';
import type { FaultWorld } from './faultWorld';

export const FAULT_NAMES = ['kill', 'redisRestart', 'redisStop', 'replay'] as const;
export type FaultName = (typeof FAULT_NAMES)[number];

export interface FaultContext {
  world: FaultWorld;
  traffic: Traffic;
  /** When the customers started. */
  startedAt: number;
  /** How long after the start the fault strikes. */
  afterMs: number;
  /** Requests in flight (on the victim, or on any process) to wait for before striking. */
  busy: number;
  /** redisStop: how long Redis stays down. */
  outageMs: number;
}

export interface Injected {
  /** When the fault struck and when it was over (the kill: the process's exit; Redis: answering again). */
  struckAt: number;
  endedAt: number;
  /** One line on what exactly happened (requests cut, replacement started). */
  note: string;
  /** Work to finish before the next fault (a replacement process starting). */
  settle?: Promise<void>;
}

export interface FaultKind {
  title: string;
  /** Customers send each message with duplicates (while it runs, and after it was answered). */
  duplicates: boolean;
  inject(ctx: FaultContext): Promise<Injected>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for the strike time, then (for at most two more seconds) until `bot`, or any process, has `ctx.busy` requests in flight. */
async function untilBusy(ctx: FaultContext, bot?: string): Promise<number> {
  await sleep(Math.max(0, ctx.startedAt + ctx.afterMs - Date.now()));
  const inFlight = () => (bot ? ctx.traffic.inFlight(bot) : ctx.world.bots.reduce((n, b) => n + ctx.traffic.inFlight(b.name), 0));
  for (let waited = 0; inFlight() < ctx.busy && waited < 2000; waited += 2) await sleep(2);
  return inFlight();
}

export const FAULTS: Record<FaultName, FaultKind> = {
  kill: {
    title: 'kill -9 of a bot process mid-turn',
    duplicates: false,
    async inject(ctx) {
      const victim = ctx.world.bots.find((b) => b.alive);
      if (!victim) throw new Error('kill: no process to kill');
      // Strike while the victim has turns in flight.
      const cut = await untilBusy(ctx, victim.name);
      const struckAt = Date.now();
      await ctx.world.kill(victim);
      // Ends when the process is gone (its exit seen): until then it may still have been sending.
      return { struckAt, endedAt: Date.now(), note: `${victim.name} killed with ${cut} requests in flight`, settle: ctx.world.replace(victim) };
    },
  },
  redisRestart: {
    title: 'Redis restarted (AOF, appendfsync always) mid-stream',
    duplicates: false,
    async inject(ctx) {
      const busy = await untilBusy(ctx);
      const struckAt = Date.now();
      await ctx.world.redis.stop();
      await ctx.world.redis.start();
      const endedAt = Date.now();
      return { struckAt, endedAt, note: `Redis SIGKILLed with ${busy} requests in flight, back after ${endedAt - struckAt} ms` };
    },
  },
  redisStop: {
    title: 'Redis stopped',
    duplicates: false,
    async inject(ctx) {
      const busy = await untilBusy(ctx);
      const struckAt = Date.now();
      await ctx.world.redis.stop();
      await sleep(ctx.outageMs);
      await ctx.world.redis.start();
      const endedAt = Date.now();
      return { struckAt, endedAt, note: `Redis SIGKILLed with ${busy} requests in flight, down for ${endedAt - struckAt} ms` };
    },
  },
  replay: {
    title: "each channel's retries replayed (while running and after done)",
    duplicates: true,
    async inject() {
      const now = Date.now();
      return { struckAt: now, endedAt: now, note: 'every message sent three times' };
    },
  },
};
