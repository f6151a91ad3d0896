import { MessageFactory, type TurnContext } from 'botbuilder';

/**
 * Collects a turn's replies and sends them as ONE message at the end of the turn: a WeChat
 * passive reply carries a single message, and one message with its buttons reads better on
 * every channel than a burst of fragments.
 */
interface Pending {
  texts: string[];
  actions: string[];
}

const OUTBOX = Symbol('outbox');

function pending(ctx: TurnContext): Pending {
  let box: Pending | undefined = ctx.turnState.get(OUTBOX);
  if (!box) {
    box = { texts: [], actions: [] };
    ctx.turnState.set(OUTBOX, box);
  }
  return box;
}

export function say(ctx: TurnContext, text: string): void {
  pending(ctx).texts.push(text);
}

/** A question with its choices as suggested actions (buttons that send the label back). */
export function ask(ctx: TurnContext, text: string, actions: string[]): void {
  const box = pending(ctx);
  box.texts.push(text);
  box.actions = actions;
}

/** Sends what was collected; call before anything that sends on its own (the handover port). */
export async function flushOutbox(ctx: TurnContext): Promise<void> {
  const box = pending(ctx);
  if (box.texts.length === 0) return;
  const text = box.texts.join('\n\n');
  const actions = box.actions;
  box.texts = [];
  box.actions = [];
  await ctx.sendActivity(actions.length > 0 ? MessageFactory.suggestedActions(actions, text) : MessageFactory.text(text));
}
