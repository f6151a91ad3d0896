import type { RedisClient } from '../redis/redisClient';

/**
 * Which console accounts are supervisors (see the dashboard). Same accounts and sign-in as agents;
 * the role is granted with `npm run agent -- supervisor <name>` and kept in one HASH.
 */
export class SupervisorRoles {
  constructor(
    private readonly redis: RedisClient,
    private readonly key: string,
  ) {}

  async isSupervisor(agent: string): Promise<boolean> {
    return (await this.redis.hget(this.key, agent)) === 'supervisor';
  }

  async grant(agent: string): Promise<void> {
    await this.redis.hset(this.key, agent, 'supervisor');
  }

  async revoke(agent: string): Promise<void> {
    await this.redis.hdel(this.key, agent);
  }
}
