import type { RedisClient } from '../redis/redisClient';
import type { HandoverKeys } from './handoverKeys';
import type { HandoverState } from './handoverRecord';
import { FINISH, TAKE, TRANSFER } from './handoverScripts';

/** Which agent owns which conversation; every change is one atomic Lua script. */
export class Assignments {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
  ) {}

  /** True for exactly one of any number of agents (in any process) taking the same customer. */
  async take(member: string, agent: string, now: number): Promise<boolean> {
    const keys = [this.keys.conversation(member), this.keys.queue, this.keys.deadlines, this.keys.assigned(agent)];
    return Number(await TAKE.run(this.redis, keys, [member, agent, now])) === 1;
  }

  /** Ends the agent's ownership (close or back to bot); false if the agent does not own it. */
  async finish(member: string, agent: string, next: HandoverState, stateUntil: number): Promise<boolean> {
    const keys = [this.keys.conversation(member), this.keys.assigned(agent)];
    return Number(await FINISH.run(this.redis, keys, [member, agent, next, stateUntil])) === 1;
  }

  /** Moves an assigned conversation from its owner to another agent; false if `from` does not own it. */
  async transfer(member: string, from: string, to: string, now: number): Promise<boolean> {
    const keys = [this.keys.conversation(member), this.keys.assigned(from), this.keys.assigned(to)];
    return Number(await TRANSFER.run(this.redis, keys, [member, from, to, now])) === 1;
  }

  async assignedTo(agent: string): Promise<string[]> {
    return this.redis.smembers(this.keys.assigned(agent));
  }
}
