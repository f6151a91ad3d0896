import type { TurnContext } from 'botbuilder';

/**
 * The one bot, as every channel adapter sees it. It must not save state itself: the runtime
 * (src/runtime/botRuntime.ts) saves conversation and user state once at the end of each turn,
 * under the conversation's lock, and only then releases the buffered replies.
 */
export interface TurnBot {
  run(ctx: TurnContext): Promise<void>;
}
