import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import type { AgentSessions } from './agentSessions';
import type { HandoverKeys } from './handoverKeys';

/**
 * What an agent says about themselves in the console. `away` (a break) and `offline` (signed in, but
 * not taking customers) keep the console open without the queue counting on them: a customer who
 * asks for a person while nobody is `online` is offered a message instead of a wait.
 */
export const AGENT_STATUSES = ['online', 'away', 'offline'] as const;
export const agentStatusSchema = z.enum(AGENT_STATUSES);
export type AgentStatus = z.infer<typeof agentStatusSchema>;

export class AgentStatusStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
    private readonly sessions: AgentSessions,
  ) {}

  async get(agent: string): Promise<AgentStatus> {
    return agentStatusSchema.catch('online').parse((await this.redis.hget(this.keys.agentStatus, agent)) ?? 'online');
  }

  async set(agent: string, status: AgentStatus): Promise<void> {
    await this.redis.hset(this.keys.agentStatus, agent, status);
  }

  /** Agents whose console is open (presence) and who said they take customers. */
  async available(now: number): Promise<string[]> {
    const present = await this.sessions.online(now);
    if (present.length === 0) return present;
    const statuses = await this.redis.hmget(this.keys.agentStatus, ...present);
    return present.filter((_agent, i) => (statuses[i] ?? 'online') === 'online');
  }

  /** Everyone present with their status, for the transfer menu. */
  async present(now: number): Promise<Array<{ agent: string; status: AgentStatus }>> {
    const present = await this.sessions.online(now);
    if (present.length === 0) return [];
    const statuses = await this.redis.hmget(this.keys.agentStatus, ...present);
    return present.sort().map((agent, i) => ({ agent, status: agentStatusSchema.catch('online').parse(statuses[i] ?? 'online') }));
  }
}
