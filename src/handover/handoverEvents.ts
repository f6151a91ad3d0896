import { EventEmitter } from 'node:events';
import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import type { Logger } from '../logger';
import { noteSchema } from './noteStore';
import { transcriptEntrySchema } from './transcriptStore';

/**
 * What one bot process tells the consoles connected to any process. `agent` on a message means only
 * that agent may see it (the conversation is theirs); without it, every signed-in agent may (the
 * customer is still waiting, and any agent may look before taking).
 */
export const handoverEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('queue') }),
  z.object({ type: z.literal('tickets') }),
  z.object({ type: z.literal('ratings') }),
  z.object({ type: z.literal('message'), handle: z.string(), agent: z.string().optional(), entry: transcriptEntrySchema }),
  z.object({ type: z.literal('assigned'), handle: z.string(), agent: z.string() }),
  z.object({ type: z.literal('closed'), handle: z.string(), agent: z.string() }),
  // A private note: like a message, only the owning agent sees it (or all, while queued).
  z.object({ type: z.literal('note'), handle: z.string(), agent: z.string().optional(), note: noteSchema }),
  // The customer is typing (seen by their agent only).
  z.object({ type: z.literal('typing'), handle: z.string(), agent: z.string() }),
  // An agent changed their status (online / away / offline): transfer menus refresh.
  z.object({ type: z.literal('agents') }),
  // One console signed out: every process ends that console's live streams (never sent to browsers).
  z.object({ type: z.literal('signedOut'), console: z.string() }),
]);
export type HandoverEvent = z.infer<typeof handoverEventSchema>;

/**
 * Redis pub/sub between bot processes: `publish` goes to Redis; one subscriber connection per
 * process receives every event (its own included) and fans it out to this process's consoles.
 * Events are notifications; the state they describe is already in Redis, so a console that missed
 * one reloads it.
 */
export class HandoverEvents {
  private readonly local = new EventEmitter();
  private subscriber: RedisClient | undefined;

  constructor(
    private readonly redis: RedisClient,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {
    this.local.setMaxListeners(0);
  }

  async start(subscriber: RedisClient): Promise<void> {
    this.subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const parsed = parseEvent(message);
      if (parsed) this.local.emit('event', parsed);
      else this.logger.warn('handover: ignored a malformed event from Redis');
    });
    await subscriber.subscribe(this.channel);
  }

  async publish(event: HandoverEvent): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(event));
  }

  subscribe(listener: (event: HandoverEvent) => void): () => void {
    this.local.on('event', listener);
    return () => this.local.off('event', listener);
  }

  async stop(): Promise<void> {
    this.local.removeAllListeners();
    await this.subscriber?.unsubscribe(this.channel).catch(() => undefined);
  }
}

function parseEvent(message: string): HandoverEvent | undefined {
  try {
    const parsed = handoverEventSchema.safeParse(JSON.parse(message));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
