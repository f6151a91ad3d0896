import { FLOWS, FlowRegistry } from '../../dialogs/index';
import { INTENTS, Intent } from '../../src/nlu/intents';
import { DialogId } from '../../dialogs/dialogIds';

describe('the flow registry', () => {
  it('maps every intent except none to exactly one flow', () => {
    const registry = new FlowRegistry();
    for (const intent of INTENTS.filter((i) => i !== Intent.None)) expect(registry.forIntent(intent)).toBeDefined();
    expect(registry.forIntent(Intent.None)).toBeUndefined();
  });

  it('registers each dialog id once, and every flow dialog id is a DialogId constant', () => {
    const ids = FLOWS.map((f) => f.dialogId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => (Object.values(DialogId) as string[]).includes(id))).toBe(true);
  });

  it('refuses two flows claiming one intent', () => {
    expect(() => new FlowRegistry([...FLOWS, { ...FLOWS[1], dialogId: DialogId.Ask }])).toThrow(/claimed by both/);
  });
});
