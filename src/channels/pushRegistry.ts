import type { Activity, ConversationReference } from 'botbuilder';

/**
 * How a message reaches a customer outside their own turn (a human agent's reply, a late answer):
 * each channel registers the push path it has — the Bot Framework connector, WeChat's
 * customer-service API, the web widget's activity log.
 */
export interface ChannelPusher {
  send(reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<void>;
}

export class PushRegistry {
  private readonly byChannel = new Map<string, ChannelPusher>();

  constructor(private readonly fallback: ChannelPusher) {}

  register(channelId: string, pusher: ChannelPusher): void {
    this.byChannel.set(channelId, pusher);
  }

  /** Channels without their own push path (Teams, Emulator, …) go through the Bot Framework. */
  send(reference: Partial<ConversationReference>, activities: Partial<Activity>[]): Promise<void> {
    const pusher = this.byChannel.get(reference.channelId ?? '') ?? this.fallback;
    return pusher.send(reference, activities);
  }
}
