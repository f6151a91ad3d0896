import { ActivityTypes, type ConversationState, type TurnContext, type UserState } from 'botbuilder';
import type { HandoverPort } from './handover/handoverPort';
import type { Recognizer } from './nlu/types';
import type { TurnBot } from './turnBot';

export interface BotDeps {
  conversationState: ConversationState;
  userState: UserState;
  recognizer: Recognizer;
  handover: HandoverPort;
}

/** PLACEHOLDER until the dialogs issue lands: welcome + acknowledge. */
export class CustomerServiceBot implements TurnBot {
  constructor(private readonly deps: BotDeps) {}

  async run(ctx: TurnContext): Promise<void> {
    const turns = this.deps.conversationState.createProperty<number>('turns');
    await turns.set(ctx, ((await turns.get(ctx, 0)) ?? 0) + 1);
    if (ctx.activity.type === ActivityTypes.ConversationUpdate) {
      const added = ctx.activity.membersAdded ?? [];
      if (added.some((m) => m.id !== ctx.activity.recipient?.id)) await ctx.sendActivity('您好！Hello!');
      return;
    }
    if (ctx.activity.type === ActivityTypes.Message) {
      const r = this.deps.recognizer.recognize(ctx.activity.text ?? '');
      await ctx.sendActivity(`(${r.intent}) ${ctx.activity.text ?? ''}`);
    }
  }
}
