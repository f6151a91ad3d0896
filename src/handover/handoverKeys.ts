/**
 * Every Redis key the handover subsystem uses, built in one place so the data model can be read
 * (and documented in docs/handover.md) from a single file. `member` is a conversation key as
 * `conversationKey(ctx)` gives it: `channelId/conversationId`.
 */
export class HandoverKeys {
  readonly base: string;

  constructor(prefix: string) {
    this.base = `${prefix}handover:`;
  }

  /** ZSET member → priority score (urgent first, then enqueue time). */
  get queue(): string {
    return `${this.base}queue`;
  }
  /** ZSET member → epoch ms after which a waiting customer is offered a ticket instead. */
  get deadlines(): string {
    return `${this.base}deadlines`;
  }
  /** Prefix of the per-conversation HASH; Lua scripts append the member themselves. */
  get conversationPrefix(): string {
    return `${this.base}conv:`;
  }
  conversation(member: string): string {
    return `${this.conversationPrefix}${member}`;
  }
  transcript(member: string): string {
    return `${this.base}transcript:${member}`;
  }
  /** SET of members assigned to one agent. */
  assigned(agent: string): string {
    return `${this.base}assigned:${agent}`;
  }
  agent(name: string): string {
    return `${this.base}agent:${name}`;
  }
  get agents(): string {
    return `${this.base}agents`;
  }
  session(tokenHash: string): string {
    return `${this.base}session:${tokenHash}`;
  }
  /** ZSET agent → last time (ms) the agent's console was seen. */
  get presence(): string {
    return `${this.base}presence`;
  }
  /** ZSET console session → last time (ms) that console of `agent` was seen (presence per console). */
  agentConsoles(agent: string): string {
    return `${this.base}presence:consoles:${agent}`;
  }
  signInFailures(scope: string): string {
    return `${this.base}signin-failures:${scope}`;
  }
  get ticketSeq(): string {
    return `${this.base}ticket-seq`;
  }
  get tickets(): string {
    return `${this.base}tickets`;
  }
  ticket(id: string): string {
    return `${this.base}ticket:${id}`;
  }
  /** HASH `agent:count` / `agent:sum`. */
  get ratings(): string {
    return `${this.base}ratings`;
  }
  get ratingLog(): string {
    return `${this.base}rating-log`;
  }
  /** HASH agent → `online` | `away` | `offline` as the agent set it in the console (absent: online). */
  get agentStatus(): string {
    return `${this.base}agent-status`;
  }
  /** An agent's private notes on one conversation (a LIST, never shown to the customer). */
  notes(member: string): string {
    return `${this.base}notes:${member}`;
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
    return `${this.base}roles`;
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
