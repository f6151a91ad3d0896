import type { ConversationReference } from 'botbuilder';
import type { RedisClient } from '../redis/redisClient';
import type { HandoverKeys } from './handoverKeys';
import type { TraditionalVariant } from '../i18n/scriptConverters';
import { parseRecord, type CustomerScript, type HandoverRecord, type HandoverState } from './handoverRecord';
import { CLAIM_EXPIRED, DEQUEUE, ENQUEUE, REQUEUE, TELL_POSITION } from './handoverScripts';

/** Non-urgent customers score this much later, so every urgent (fraud) customer comes first. */
const NORMAL_OFFSET = 1e13;
/** A position change by this many places is worth telling the customer (top 3 always is). */
const POSITION_STEP = 3;
/** How far down the queue position updates are sent after it moves. */
const NOTIFY_DEPTH = 50;

export interface JoinInput {
  member: string;
  reference: Partial<ConversationReference>;
  channel: string;
  script: CustomerScript;
  variant: TraditionalVariant;
  reason: string;
  urgent: boolean;
  lastIntent: string;
  customerName: string;
}

export interface QueueOptions {
  waitSeconds: number;
  /** How long the per-conversation record lives. */
  recordTtlSeconds: number;
}

export interface Waiting extends HandoverRecord {
  position: number;
}

/** The waiting line in Redis: a ZSET ordered by priority, a deadline ZSET, one HASH per customer. */
export class HandoverQueue {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
    private readonly options: QueueOptions,
  ) {}

  /** Joins the queue (or keeps the place); answers the position, or `assigned` if an agent has them. */
  async join(input: JoinInput, now: number): Promise<{ status: 'new' | 'queued' | 'assigned'; position: number }> {
    const score = now + (input.urgent ? 0 : NORMAL_OFFSET);
    const fields = recordFields(input, now);
    const args = [input.member, score, now + this.options.waitSeconds * 1000, this.options.recordTtlSeconds, input.reason, ...Object.entries(fields).flat()];
    const status = String(await ENQUEUE.run(this.redis, this.lua(input.member), args)) as 'new' | 'queued' | 'assigned';
    const position = (await this.position(input.member)) ?? 0;
    if (status !== 'assigned') await this.redis.hset(this.keys.conversation(input.member), 'told', position);
    return { status, position };
  }

  /** Records a customer who is not queued but offered something (a ticket) instead. */
  async park(input: JoinInput, state: HandoverState, stateUntil: number, now: number): Promise<void> {
    const key = this.keys.conversation(input.member);
    const fields = { ...recordFields(input, now), state, stateUntil: String(stateUntil) };
    await this.redis.multi().del(key).hset(key, fields).expire(key, this.options.recordTtlSeconds).exec();
  }

  /**
   * An agent hands an assigned customer back to the queue: same priority class and original join
   * time, so they go back where they were; the wait deadline starts again. False if not the owner.
   */
  async requeue(record: HandoverRecord, from: string, now: number): Promise<boolean> {
    const score = record.enqueuedAt + (record.urgent ? 0 : NORMAL_OFFSET);
    const keys = [this.keys.conversation(record.member), this.keys.assigned(from), this.keys.queue, this.keys.deadlines];
    return Number(await REQUEUE.run(this.redis, keys, [record.member, from, score, now + this.options.waitSeconds * 1000])) === 1;
  }

  async position(member: string): Promise<number | undefined> {
    const rank = await this.redis.zrank(this.keys.queue, member);
    return rank === null ? undefined : rank + 1;
  }

  /** Leaves the queue for `state` (the bot, or a ticket offer); false if not waiting any more. */
  async leave(member: string, state: HandoverState, stateUntil: number): Promise<boolean> {
    return Number(await DEQUEUE.run(this.redis, this.lua(member), [member, state, stateUntil])) === 1;
  }

  async record(member: string): Promise<HandoverRecord | undefined> {
    return parseRecord(await this.redis.hgetall(this.keys.conversation(member)));
  }

  async setState(member: string, state: HandoverState, stateUntil: number, extra: Record<string, string> = {}): Promise<void> {
    await this.redis.hset(this.keys.conversation(member), { state, stateUntil: String(stateUntil), ...extra });
  }

  /** Waiting customers in serving order, with their positions. */
  async waiting(limit = 200): Promise<Waiting[]> {
    const members = await this.redis.zrange(this.keys.queue, 0, limit - 1);
    const records = await Promise.all(members.map((m) => this.record(m)));
    return records.flatMap((r, i) => (r && r.state === 'queued' ? [{ ...r, position: i + 1 }] : []));
  }

  async size(): Promise<number> {
    return this.redis.zcard(this.keys.queue);
  }

  /** Customers nobody took in time, each claimed by exactly one caller; they move to `ticket`. */
  async claimExpired(now: number, offerUntil: number, limit = 50): Promise<string[]> {
    // Two steps, each safe to repeat: list who is due, then claim each one atomically (the script
    // checks the deadline and state again, so a racing process or a retry claims nobody twice).
    const due = await this.redis.zrangebyscore(this.keys.deadlines, '-inf', now, 'LIMIT', 0, limit);
    const claimed = await Promise.all(due.map(async (member) => Number(await CLAIM_EXPIRED.run(this.redis, this.lua(member), [member, now, offerUntil])) === 1));
    return due.filter((_, i) => claimed[i]);
  }

  /** After the queue moved: the customers whose position changed enough to tell them. */
  async positionsToTell(): Promise<Array<{ member: string; position: number }>> {
    const members = await this.redis.zrange(this.keys.queue, 0, NOTIFY_DEPTH - 1);
    const told = await Promise.all(
      members.map(async (member, i) => {
        const hit = Number(await TELL_POSITION.run(this.redis, [this.keys.conversation(member)], [i + 1, POSITION_STEP]));
        return hit === 1 ? [{ member, position: i + 1 }] : [];
      }),
    );
    return told.flat();
  }

  private lua(member: string): string[] {
    return [this.keys.conversation(member), this.keys.queue, this.keys.deadlines];
  }
}

function recordFields(input: JoinInput, now: number): Record<string, string> {
  return {
    member: input.member,
    reference: JSON.stringify(input.reference),
    channel: input.channel,
    script: input.script,
    variant: input.variant,
    reason: input.reason,
    urgent: input.urgent ? '1' : '0',
    lastIntent: input.lastIntent,
    customerName: input.customerName,
    enqueuedAt: String(now),
  };
}
