import { conversationTag } from '../redis/keyTags';

/**
 * Every Redis key the handover subsystem uses, built in one place so the data model can be read
 * (and documented in docs/handover.md and docs/redis.md) from a single file. `member` is a
 * conversation key as `conversationKey(ctx)` gives it: `channelId/conversationId`.
 *
 * On a Redis Cluster every script and MULTI must stay in one hash slot, so keys are grouped by
 * hash tag into areas (docs/redis.md, "Key layout"):
 * - `{handover}` — the queue, its deadlines, each agent's assigned set, the closed list and the
 *   handover record of every conversation handed over. The record lives in the queue's slot, not
 *   the conversation's, because every state change (join, leave, take, finish, transfer, requeue,
 *   time-out) moves the record and the queue together in one atomic script.
 * - `{agents}` — accounts, console sessions, presence, status, roles, sign-in failures.
 * - `{tickets}`, `{ratings}` — each with its own counter/index.
 * - the conversation's own tag — the masked transcript and the agent's private notes.
 */
export class HandoverKeys {
  readonly base: string;
  private readonly agentsBase: string;
  private readonly ticketsBase: string;
  private readonly ratingsBase: string;

  constructor(private readonly prefix: string) {
    this.base = `${prefix}{handover}:`;
    this.agentsBase = `${prefix}{agents}:`;
    this.ticketsBase = `${prefix}{tickets}:`;
    this.ratingsBase = `${prefix}{ratings}:`;
  }

  /** ZSET member → priority score (urgent first, then enqueue time). */
  get queue(): string {
    return `${this.base}queue`;
  }
  /** ZSET member → epoch ms after which a waiting customer is offered a ticket instead. */
  get deadlines(): string {
    return `${this.base}deadlines`;
  }
  /** The handover record (HASH) of one conversation, in the queue's slot (see above). */
  conversation(member: string): string {
    return `${this.base}conv:${member}`;
  }
  transcript(member: string): string {
    return `${conversationTag(this.prefix, member)}:handover:transcript`;
  }
  /** SET of members assigned to one agent. */
  assigned(agent: string): string {
    return `${this.base}assigned:${agent}`;
  }
  agent(name: string): string {
    return `${this.agentsBase}agent:${name}`;
  }
  get agents(): string {
    return `${this.agentsBase}agents`;
  }
  session(tokenHash: string): string {
    return `${this.agentsBase}session:${tokenHash}`;
  }
  /** ZSET agent → last time (ms) the agent's console was seen. */
  get presence(): string {
    return `${this.agentsBase}presence`;
  }
  /** ZSET console session → last time (ms) that console of `agent` was seen (presence per console). */
  agentConsoles(agent: string): string {
    return `${this.agentsBase}presence:consoles:${agent}`;
  }
  signInFailures(scope: string): string {
    return `${this.agentsBase}signin-failures:${scope}`;
  }
  get ticketSeq(): string {
    return `${this.ticketsBase}ticket-seq`;
  }
  get tickets(): string {
    return `${this.ticketsBase}tickets`;
  }
  ticket(id: string): string {
    return `${this.ticketsBase}ticket:${id}`;
  }
  /** HASH `agent:count` / `agent:sum`. */
  get ratings(): string {
    return `${this.ratingsBase}ratings`;
  }
  get ratingLog(): string {
    return `${this.ratingsBase}rating-log`;
  }
  /** HASH agent → `online` | `away` | `offline` as the agent set it in the console (absent: online). */
  get agentStatus(): string {
    return `${this.agentsBase}agent-status`;
  }
  /** An agent's private notes on one conversation (a LIST, never shown to the customer). */
  notes(member: string): string {
    return `${conversationTag(this.prefix, member)}:handover:notes`;
  }
  /** ZSET member → when the conversation was last closed by an agent (searchable afterwards). */
  get closed(): string {
    return `${this.base}closed`;
  }
  /** HASH member → JSON summary of its last close (who, channel, when). */
  get closedInfo(): string {
    return `${this.base}closed-info`;
  }
  /** HASH account → role (`supervisor`); accounts not in it are agents. */
  get roles(): string {
    return `${this.agentsBase}roles`;
  }
  /** Pub/sub channel carrying HandoverEvents between bot processes. */
  get events(): string {
    return `${this.base}events`;
  }
}

/** Opaque, URL-safe id for a conversation key, used by the console instead of the raw key. */
export function toHandle(member: string): string {
  return Buffer.from(member, 'utf8').toString('base64url');
}

export function fromHandle(handle: string): string {
  return Buffer.from(handle, 'base64url').toString('utf8');
}
