import { BotAdapter, TurnContext, type Activity, type ConversationReference, type ResourceResponse } from 'botbuilder';

/** A minimal adapter that records what the bot sends, for runtime tests without HTTP. */
export class CollectingAdapter extends BotAdapter {
  readonly sent: Partial<Activity>[] = [];

  async sendActivities(_ctx: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    this.sent.push(...activities);
    return activities.map((_, i) => ({ id: String(this.sent.length - activities.length + i) }));
  }
  async updateActivity(): Promise<void> {}
  async deleteActivity(): Promise<void> {}
  async continueConversation(_ref: Partial<ConversationReference>, _logic: (ctx: TurnContext) => Promise<void>): Promise<void> {}

  /** `id`: the channel's message id (a retry carries the same one). */
  context(conversationId: string, text: string, id?: string): TurnContext {
    return new TurnContext(this, {
      type: 'message',
      ...(id ? { id } : {}),
      channelId: 'test',
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'u', name: 'u' },
      recipient: { id: 'b', name: 'b' },
      text,
    } as Activity);
  }
}
