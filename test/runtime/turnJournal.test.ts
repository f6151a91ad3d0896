/** The journal read back from stored state: its own shape is trusted, anything else goes through its schema. */
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { JOURNAL_PROPERTY, TurnJournal, turnIdOf } from '../../src/runtime/turnJournal';
import { SnapshotBotState, storageKeysOf } from '../../src/storage/snapshotBotState';

const message = (id: string): Partial<Activity> => ({
  type: 'message',
  id,
  channelId: 'msteams',
  conversation: { id: 'c-journal', isGroup: false, conversationType: 'personal', name: '' },
  from: { id: 'u', name: '' },
  recipient: { id: 'b', name: '' },
  text: 'hi',
});

async function setup(stored?: unknown) {
  const storage = new MemoryStorage();
  const state = new SnapshotBotState(storage, storageKeysOf(new ConversationState(storage)));
  const journal = new TurnJournal(state);
  const turn = async (id: string) => {
    const ctx = new TurnContext(new TestAdapter(), message(id));
    await state.load(ctx);
    return ctx;
  };
  if (stored !== undefined) {
    const ctx = await turn('setup');
    (state.get(ctx) ?? {})[JOURNAL_PROPERTY] = stored;
    await state.saveChanges(ctx);
  }
  return { state, journal, turn };
}

describe('TurnJournal', () => {
  it('finds a saved turn with its replies in the next turn, and keeps replies of the last 8 only', async () => {
    const { state, journal, turn } = await setup();
    for (let i = 0; i < 10; i++) {
      const ctx = await turn(`m${i}`);
      expect(journal.find(ctx)).toBeUndefined();
      journal.record(ctx, [{ type: 'message', text: `answer ${i}` }]);
      await state.saveChanges(ctx);
    }
    expect(journal.find(await turn('m9'))?.replies).toEqual([{ type: 'message', text: 'answer 9' }]);
    expect(journal.find(await turn('m0'))).toEqual({ id: turnIdOf(message('m0')) });
  });

  it('keeps the valid shape of a journal with extra fields, and ignores one that is not a journal', async () => {
    const id = turnIdOf(message('m1')) ?? '';
    const extra = await setup([{ id, replies: [{ type: 'message', text: 'kept' }], note: 'not ours' }]);
    expect(extra.journal.find(await extra.turn('m1'))).toEqual({ id, replies: [{ type: 'message', text: 'kept' }] });

    const broken = await setup([{ id, replies: ['not an activity'] }]);
    expect(broken.journal.find(await broken.turn('m1'))).toBeUndefined();
    const notList = await setup({ id });
    expect(notList.journal.find(await notList.turn('m1'))).toBeUndefined();
  });
});
