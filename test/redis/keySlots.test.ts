/**
 * Redis Cluster runs a command, a script or a MULTI only when every key it names is in one hash
 * slot (CROSSSLOT otherwise). This drives the bot's stores — whole conversations with handover
 * through the real runtime, then every store the stories do not reach — records the keys of each
 * atomic unit as ioredis routes them, and requires one slot per unit and every script exercised.
 */
import { LuaScript } from '../../src/redis/luaScript';
import { newTestRedis } from '../support/testRedis';
import { loadStories } from '../../src/conversations/loadStories';
import { runStories } from '../../src/conversations/runStories';
import { DEFAULT_STORY_DIR } from '../../src/conversations/selectStories';
import { StoryWorld } from '../../src/conversations/storyWorld';
import { realRecognizer } from '../dialogs/harness';
import { SlotAudit } from '../support/slotAudit';
import { exerciseEveryStore } from '../support/exerciseEveryStore';

const audit = new SlotAudit();

beforeAll(async () => {
  audit.install();
  const world = await StoryWorld.create(await realRecognizer());
  try {
    const stories = loadStories([DEFAULT_STORY_DIR]).filter((s) => s.category === 'handover' || s.category === 'fraud');
    await runStories(stories, world);
  } finally {
    await world.close();
  }
  // The stores and script paths the stories do not reach (transfers, time-outs, sign-in, tickets, channels).
  const redis = newTestRedis();
  try {
    await exerciseEveryStore(redis);
  } finally {
    await redis.quit();
  }
}, 300_000);

afterAll(() => audit.uninstall());

describe('key layout on a Redis Cluster', () => {
  it('keeps every command, script and MULTI of a conversation and of the handover in one slot', () => {
    expect(audit.units.length).toBeGreaterThan(100);
    expect(audit.crossSlot()).toEqual([]);
  });

  it('exercises every Lua script', () => {
    const missing = LuaScript.registered().filter((s) => !audit.scriptShas.has(s.sha)).map((s) => s.body.trim().split('\n')[0]);
    expect(missing).toEqual([]);
  });
});
