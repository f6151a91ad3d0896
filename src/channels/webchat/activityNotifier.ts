import type { RedisClient } from '../../redis/redisClient';

type Listener = () => void;

/**
 * Tells WebSocket streams in every bot process that a conversation's log grew: a Redis PUBLISH
 * after each append, one SUBSCRIBE per conversation with open streams in this process. The
 * message carries nothing; each stream reads the log from its own watermark, so a lost or
 * duplicated notice costs one read, never a lost or repeated activity.
 */
export class ActivityNotifier {
  private subscriber: RedisClient | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly publisher: RedisClient,
    private readonly newSubscriber: () => RedisClient,
    private readonly prefix: string,
  ) {}

  async publish(conversationId: string): Promise<void> {
    await this.publisher.publish(this.channel(conversationId), '1');
  }

  /** Returns the function that stops listening. */
  async subscribe(conversationId: string, listener: Listener): Promise<() => Promise<void>> {
    const sub = this.connection();
    let set = this.listeners.get(conversationId);
    if (!set) {
      set = new Set();
      this.listeners.set(conversationId, set);
      await sub.subscribe(this.channel(conversationId));
    }
    set.add(listener);
    return async () => {
      const current = this.listeners.get(conversationId);
      if (!current?.delete(listener) || current.size > 0) return;
      this.listeners.delete(conversationId);
      await sub.unsubscribe(this.channel(conversationId)).catch(() => undefined);
    };
  }

  /** Stops listening; the connection itself is closed with the others (StateConnection.close). */
  async close(): Promise<void> {
    this.listeners.clear();
    await this.subscriber?.unsubscribe().catch(() => undefined);
  }

  private connection(): RedisClient {
    if (!this.subscriber) {
      const sub = this.newSubscriber();
      sub.on('message', (channel: string) => {
        const id = channel.slice(this.channel('').length);
        this.listeners.get(id)?.forEach((l) => l());
      });
      this.subscriber = sub;
    }
    return this.subscriber;
  }

  private channel(conversationId: string): string {
    return `${this.prefix}dl:new:${conversationId}`;
  }
}
