/**
 * The turn journal on Redis keeps each turn's recorded replies in a field of the state's hash
 * (`r:<id>`), not in the state value: saved and pruned by the same compare-and-set as the state,
 * read only when a channel retries a message. Real Redis.
 */
import { ConversationState, TurnContext, TestAdapter, type Activity } from 'botbuilder';
import { JOURNAL_PROPERTY, TurnJournal, turnIdOf } from '../../src/runtime/turnJournal';
import { RedisStorage, stateRedisKey } from '../../src/storage/redisStorage';
import { SnapshotBotState, storageKeysOf } from '../../src/storage/snapshotBotState';
import { noteSideFields } from '../../src/storage/storedJson';
import { newTestRedis, uniquePrefix } from '../support/testRedis';

const CONVERSATION = 'c-side-fields';
const message = (id: string): Partial<Activity> => ({
  type: 'message',
  id,
  channelId: 'msteams',
  conversation: { id: CONVERSATION, isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'u', name: '' },
  recipient: { id: 'b', name: '' },
  text: 'hi',
});

describe('TurnJournal with its replies beside the state (RedisStorage side fields)', () => {
  const redis = newTestRedis();
  afterAll(() => redis.quit());

  function setup() {
    const prefix = uniquePrefix('journal-side');
    const storage = new RedisStorage(redis, { prefix, ttlSeconds: 600 });
    const state = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
    const journal = new TurnJournal(state, storage);
    const hashKey = stateRedisKey(prefix, `msteams/conversations/${CONVERSATION}/`);
    const turn = async (id: string) => {
      const ctx = new TurnContext(new TestAdapter(), message(id));
      await state.load(ctx);
      return ctx;
    };
    const saveTurn = async (id: string, text: string) => {
      const ctx = await turn(id);
      journal.record(ctx, [{ type: 'message', text, suggestedActions: { to: [], actions: [{ type: 'imBack', title: '是', value: '是' }] } }]);
      await state.saveChanges(ctx);
    };
    return { storage, state, journal, hashKey, turn, saveTurn };
  }

  it('keeps replies out of the state value, re-delivers them on a retry, and keeps the fields of the last 8 turns only', async () => {
    const { journal, hashKey, turn, saveTurn } = setup();
    for (let i = 0; i < 10; i++) await saveTurn(`m${i}`, `answer ${i}`);

    const value = await redis.hget(hashKey, 'v');
    expect(value).not.toContain('answer');
    const fields = (await redis.hkeys(hashKey)).sort();
    expect(fields.filter((f) => f.startsWith('r:'))).toHaveLength(8);
    expect(fields).not.toContain(`r:${turnIdOf(message('m0'))}`);
    expect(fields).not.toContain(`r:${turnIdOf(message('m1'))}`);
    // Same expiry as the state: the fields are part of its hash.
    expect(await redis.ttl(hashKey)).toBeGreaterThan(500);

    const retry = await turn('m9');
    const entry = journal.find(retry);
    expect(entry).toBeDefined();
    expect(await journal.repliesOf(retry, entry!)).toEqual([{ type: 'message', text: 'answer 9', suggestedActions: { to: [], actions: [{ type: 'imBack', title: '是', value: '是' }] } }]);
    // An older turn is still known (not run twice) but has nothing to re-deliver.
    const old = await turn('m0');
    expect(journal.find(old)).toEqual({ id: turnIdOf(message('m0')) });
    expect(await journal.repliesOf(old, journal.find(old)!)).toEqual([]);
  });

  it('writes neither the state nor its side fields when the compare-and-set fails', async () => {
    const { storage, state, journal, hashKey, turn, saveTurn } = setup();
    await saveTurn('m1', 'first');
    const late = await turn('m2');
    // Another process saves meanwhile: the late turn's eTag is stale.
    await saveTurn('m3', 'other process');
    journal.record(late, [{ type: 'message', text: 'late' }]);
    await expect(state.saveChanges(late)).rejects.toMatchObject({ code: 'ETAG_CONFLICT' });
    expect(await redis.hget(hashKey, `r:${turnIdOf(message('m2'))}`)).toBeNull();
    expect(await redis.hget(hashKey, 'v')).not.toContain(turnIdOf(message('m2')));
    // A side field can never replace the value or the eTag.
    const ctx = await turn('m4');
    const current = state.get(ctx)!;
    current.note = 'x';
    noteSideFields(current, { set: { v: 'overwritten', e: 'x' }, del: ['v'] });
    await state.saveChanges(ctx);
    expect(JSON.parse((await redis.hget(hashKey, 'v')) ?? '{}')).toMatchObject({ note: 'x' });
    await expect(storage.readSideField(`msteams/conversations/${CONVERSATION}/`, 'r:missing')).resolves.toBeUndefined();
  });

  it('still re-delivers replies a journal kept inline (state saved before the side fields)', async () => {
    const { state, journal, turn } = setup();
    const id = turnIdOf(message('m1')) ?? '';
    const ctx = await turn('setup');
    (state.get(ctx) ?? {})[JOURNAL_PROPERTY] = [{ id, replies: [{ type: 'message', text: 'from before' }] }];
    await state.saveChanges(ctx);
    const retry = await turn('m1');
    expect(await journal.repliesOf(retry, journal.find(retry)!)).toEqual([{ type: 'message', text: 'from before' }]);
  });
});
