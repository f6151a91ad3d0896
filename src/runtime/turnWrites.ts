import type { TurnContext } from 'botbuilder';

const WRITES = Symbol('turnWrites');

/**
 * A write that belongs to this turn's save, such as the customer's transcript entry. BotRuntime
 * awaits it together with the state writes and fails the turn if it fails (the channel retries),
 * and issuing it early lets ioredis send it in the same batch as those writes.
 */
export function addTurnWrite(ctx: TurnContext, write: Promise<unknown>): void {
  // Handled here so a turn that fails before its save does not leave an unhandled rejection;
  // BotRuntime still sees the failure when it awaits the write.
  write.catch(() => undefined);
  const writes = (ctx.turnState.get(WRITES) as Promise<unknown>[] | undefined) ?? [];
  writes.push(write);
  ctx.turnState.set(WRITES, writes);
}

export function takeTurnWrites(ctx: TurnContext): Promise<unknown>[] {
  const writes = (ctx.turnState.get(WRITES) as Promise<unknown>[] | undefined) ?? [];
  ctx.turnState.delete(WRITES);
  return writes;
}
