/** SnapshotBotState keeps BotState's contract; what differs is tested in test/runtime/botRuntime.test.ts. */
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type Activity, type StoreItems } from 'botbuilder';
import { SnapshotBotState, storageKeysOf } from '../../src/storage/snapshotBotState';

/** MemoryStorage that counts writes, to see which saves reach the store. */
class CountingStorage extends MemoryStorage {
  writes = 0;
  override async write(changes: StoreItems): Promise<void> {
    this.writes += 1;
    return super.write(changes);
  }
}

const activity = (conversation: string): Partial<Activity> => ({
  type: 'message',
  channelId: 'msteams',
  conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'customer-1', name: '' },
  recipient: { id: 'bot', name: '' },
  text: 'hi',
});

const turn = (conversation: string) => new TurnContext(new TestAdapter(), activity(conversation));

describe('SnapshotBotState', () => {
  it('stores under the same keys as ConversationState and UserState', async () => {
    const storage = new CountingStorage();
    const conversation = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
    const user = new SnapshotBotState(storage, storageKeysOf(new UserState(storage)));
    const ctx = turn('c1');
    await conversation.createProperty<number>('turns').set(ctx, 1);
    await user.createProperty<string>('script').set(ctx, 'zh-Hant');
    await Promise.all([conversation.saveChanges(ctx), user.saveChanges(ctx)]);

    const next = turn('c1');
    expect(await new ConversationState(storage).createProperty<number>('turns').get(next)).toBe(1);
    expect(await new UserState(storage).createProperty<string>('script').get(next)).toBe('zh-Hant');
  });

  it('writes only when something changed, and loads once per turn', async () => {
    const storage = new CountingStorage();
    const state = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
    const turns = state.createProperty<number>('turns');
    const first = turn('c2');
    await turns.set(first, 1);
    await state.saveChanges(first);
    expect(storage.writes).toBe(1);

    const second = turn('c2');
    expect(await turns.get(second)).toBe(1);
    expect(await state.load(second)).toBe(await state.load(second));
    await state.saveChanges(second);
    expect(storage.writes).toBe(1);

    await turns.set(second, 2);
    await state.saveChanges(second);
    await turns.set(second, 3);
    await state.saveChanges(second); // a second save in one turn follows the first
    expect(storage.writes).toBe(3);
    expect(await turns.get(turn('c2'))).toBe(3);
  });

  it('clear() empties the state and forces the next save; delete() removes it from storage', async () => {
    const storage = new CountingStorage();
    const state = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
    const ctx = turn('c3');
    await state.createProperty<string>('flow').set(ctx, 'cert');
    await state.saveChanges(ctx);

    const cleared = turn('c3');
    await state.clear(cleared);
    expect(state.get(cleared)).toEqual({});
    await state.saveChanges(cleared);
    expect(await state.createProperty<string>('flow').get(turn('c3'))).toBeUndefined();

    const gone = turn('c3');
    await state.createProperty<string>('flow').set(gone, 'branch');
    await state.saveChanges(gone);
    await state.delete(gone);
    expect(await storage.read(['msteams/conversations/c3/'])).toEqual({});
  });

  it('says which ids are missing when an activity has no conversation', async () => {
    const storage = new MemoryStorage();
    const state = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
    const ctx = new TurnContext(new TestAdapter(), { ...activity('x'), conversation: undefined });
    await expect(state.load(ctx)).rejects.toThrow(/conversation\.id/);
  });
});
