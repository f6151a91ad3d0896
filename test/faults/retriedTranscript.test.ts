/**
 * A customer's message whose turn failed after its transcript entry was written (Redis went away
 * between the entry and the state save, measured in the fault suite's Redis restart) is retried by
 * the channel; the agent's transcript must still hold it once.
 */
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { TranscriptStore } from '../../src/handover/transcriptStore';
import { newTestRedis, uniquePrefix } from '../support/testRedis';

describe('the transcript of a retried message', () => {
  const redis = newTestRedis();
  const store = new TranscriptStore(redis, new HandoverKeys(uniquePrefix('transcript')), 600);
  afterAll(() => redis.quit());

  it('records a customer message once however often its turn is retried, and every other entry as it comes', async () => {
    const member = 'msteams/conv-1';
    await store.append(member, { from: 'customer', text: '我的卡号 6222 0212 3456 7890 128', at: 1, turn: 'turnA' });
    await store.append(member, { from: 'bot', text: 'answer', at: 2 });
    await store.append(member, { from: 'customer', text: '我的卡号 6222 0212 3456 7890 128', at: 3, turn: 'turnA' });
    await store.append(member, { from: 'customer', text: 'again', at: 4, turn: 'turnB' });
    await store.append(member, { from: 'customer', text: 'again', at: 5, turn: 'turnC' });
    await store.append(member, { from: 'system', text: 'note', at: 6 });
    await store.append(member, { from: 'system', text: 'note', at: 7 });
    const entries = await store.read(member);
    expect(entries.map((e) => [e.from, e.text, e.at])).toEqual([
      ['customer', expect.not.stringContaining('6222 0212 3456 7890 128'), 1],
      ['bot', 'answer', 2],
      ['customer', 'again', 4],
      ['customer', 'again', 5],
      ['system', 'note', 6],
      ['system', 'note', 7],
    ]);
  });

  it('is not fooled by a customer who types the marker into their message', async () => {
    const member = 'msteams/conv-2';
    await store.append(member, { from: 'customer', text: '"turn":"turnX"', at: 1, turn: 'turnY' });
    await store.append(member, { from: 'customer', text: 'real', at: 2, turn: 'turnX' });
    expect((await store.read(member)).map((e) => e.text)).toEqual(['"turn":"turnX"', 'real']);
  });
});
