import type { ConversationPubSub } from '../../redis/conversationPubSub';
import { conversationTag } from '../../redis/keyTags';
import type { RedisClient } from '../../redis/redisClient';
import { DIRECTLINE_CHANNEL_ID } from './directLineIds';

type Listener = () => void;

/**
 * Tells WebSocket streams in every bot process that a conversation's log grew: a Redis PUBLISH
 * after each append, one SUBSCRIBE per conversation with open streams in this process (sharded,
 * SPUBLISH/SSUBSCRIBE, on a Redis Cluster: the channel carries the conversation's hash tag). The
 * message carries nothing; each stream reads the log from its own watermark, so a lost or
 * duplicated notice costs one read, never a lost or repeated activity.
 */
export class ActivityNotifier {
  private subscriber: RedisClient | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly byChannel = new Map<string, string>();

  constructor(
    private readonly publisher: RedisClient,
    private readonly newSubscriber: () => RedisClient,
    private readonly prefix: string,
    private readonly pubSub: ConversationPubSub,
  ) {}

  async publish(conversationId: string): Promise<void> {
    await this.pubSub.publish(this.publisher, this.channel(conversationId), '1');
  }

  /** Returns the function that stops listening. */
  async subscribe(conversationId: string, listener: Listener): Promise<() => Promise<void>> {
    const sub = this.connection();
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
      this.byChannel.set(this.channel(conversationId), conversationId);
      await this.pubSub.subscribe(sub, this.channel(conversationId));
    }
    set.add(listener);
    return async () => {
      const current = this.listeners.get(conversationId);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(conversationId);
      this.byChannel.delete(this.channel(conversationId));
      await this.pubSub.unsubscribe(sub, this.channel(conversationId)).catch(() => undefined);
    };
  }

  /** Stops listening; the connection itself is closed with the others (StateConnection.close). */
  async close(): Promise<void> {
    this.listeners.clear();
    this.byChannel.clear();
    if (this.subscriber) await this.pubSub.unsubscribe(this.subscriber).catch(() => undefined);
  }

  private connection(): RedisClient {
    if (!this.subscriber) {
      const sub = this.newSubscriber();
      sub.on(this.pubSub.messageEvent, (channel: string) => {
        const id = this.byChannel.get(channel);
        if (id !== undefined) this.listeners.get(id)?.forEach((l) => l());
      });
      this.subscriber = sub;
    }
    return this.subscriber;
  }

  private channel(conversationId: string): string {
    return `${conversationTag(this.prefix, `${DIRECTLINE_CHANNEL_ID}/${conversationId}`)}:dl:new`;
  }
}
