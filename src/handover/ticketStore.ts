import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import { maskPii } from '../pii/maskPii';
import type { HandoverKeys } from './handoverKeys';

export const ticketSchema = z.object({
  id: z.string(),
  handle: z.string(),
  channel: z.string(),
  script: z.string(),
  reason: z.string(),
  /** PII-masked, like transcripts: the contact field is where the customer's reachable detail lives. */
  message: z.string(),
  contact: z.string().default(''),
  createdAt: z.coerce.number(),
  status: z.enum(['open', 'done']).catch('open'),
  doneBy: z.string().default(''),
});
export type Ticket = z.infer<typeof ticketSchema>;

/**
 * The contact is kept in clear only when it is what a callback needs, a phone number or an e-mail
 * address the customer gave for it; anything else (a card or ID number taken for one, a code, a
 * password, free text) is stored masked like the message.
 */
const CALLBACK_ONLY = /^(?:\[(?:mobile|phone|email)\][\s,;，、]*)+$/;
function storableContact(contact: string): string {
  const masked = maskPii(contact);
  return CALLBACK_ONLY.test(masked.trim()) ? contact : masked;
}

export type NewTicket = Pick<Ticket, 'handle' | 'channel' | 'script' | 'reason' | 'message' | 'contact'>;

/** Messages left for the bank when no agent could take the customer: HASH per ticket + ZSET by time. */
export class TicketStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
    private readonly ttlSeconds: number,
  ) {}

  async create(input: NewTicket, now: number): Promise<Ticket> {
    const seq = await this.redis.incr(this.keys.ticketSeq);
    const ticket: Ticket = { ...input, message: maskPii(input.message), contact: storableContact(input.contact), id: `T${seq}`, createdAt: now, status: 'open', doneBy: '' };
    const key = this.keys.ticket(ticket.id);
    await this.redis
      .multi()
      .hset(key, { ...ticket, createdAt: String(now) })
      .expire(key, this.ttlSeconds)
      .zadd(this.keys.tickets, now, ticket.id)
      .exec();
    return ticket;
  }

  async setContact(id: string, contact: string): Promise<void> {
    await this.redis.hset(this.keys.ticket(id), 'contact', storableContact(contact));
  }

  async get(id: string): Promise<Ticket | undefined> {
    const parsed = ticketSchema.safeParse(await this.redis.hgetall(this.keys.ticket(id)));
    return parsed.success ? parsed.data : undefined;
  }

  /** Newest first; tickets whose HASH expired are dropped from the index as they are met. */
  async list(limit = 100): Promise<Ticket[]> {
    const ids = await this.redis.zrevrange(this.keys.tickets, 0, limit - 1);
    const tickets = await Promise.all(ids.map((id) => this.get(id)));
    const gone = ids.filter((_, i) => !tickets[i]);
    if (gone.length > 0) await this.redis.zrem(this.keys.tickets, ...gone);
    return tickets.filter((t): t is Ticket => t !== undefined);
  }

  async markDone(id: string, agent: string): Promise<boolean> {
    if (!(await this.redis.exists(this.keys.ticket(id)))) return false;
    await this.redis.hset(this.keys.ticket(id), { status: 'done', doneBy: agent });
    return true;
  }
}
