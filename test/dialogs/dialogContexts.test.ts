import { ActivityTypes, ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import { DialogSet, type DialogState } from 'botbuilder-dialogs';
import { createDialogContext, STATE_MANAGER_CONFIGURATION_KEY } from '../../dialogs/dialogContexts';

function turn(adapter: TestAdapter, text: string): TurnContext {
  return new TurnContext(adapter, {
    type: ActivityTypes.Message,
    text,
    channelId: 'test',
    conversation: { id: 'c1', isGroup: false, conversationType: 'personal', name: 'c1' },
    from: { id: 'u1', name: 'u1' },
    recipient: { id: 'bot', name: 'bot' },
  });
}

describe('dialog contexts', () => {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
  const adapter = new TestAdapter();

  it('builds the dialog memory configuration once and reuses it in later turns', async () => {
    const first = turn(adapter, 'one');
    await state.load(first);
    const dc1 = await createDialogContext(dialogs, first);
    // The key botbuilder-dialogs caches its configuration under: a rename would make every turn rebuild it.
    expect(first.turnState.get(STATE_MANAGER_CONFIGURATION_KEY)).toBe(dc1.state.configuration);

    const second = turn(adapter, 'two');
    await state.load(second);
    const dc2 = await createDialogContext(dialogs, second);
    expect(dc2.state.configuration).toBe(dc1.state.configuration);
  });

  it('keeps per-turn memory apart when the configuration is shared', async () => {
    const a = turn(adapter, 'first message');
    const b = turn(adapter, 'second message');
    await state.load(a);
    await state.load(b);
    const dcA = await createDialogContext(dialogs, a);
    const dcB = await createDialogContext(dialogs, b);
    dcA.state.setValue('turn.note', 'a');
    expect(dcA.state.getValue('turn.activity.text')).toBe('first message');
    expect(dcB.state.getValue('turn.activity.text')).toBe('second message');
    expect(dcB.state.getValue('turn.note')).toBeUndefined();
  });
});
