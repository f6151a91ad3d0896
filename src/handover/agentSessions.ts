import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/redisClient';
import { LuaScript } from '../redis/luaScript';
import type { HandoverKeys } from './handoverKeys';

/** A console counts as online this long after its last request or live-stream heartbeat. */
export const PRESENCE_WINDOW_MS = 60_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Sign-out of one console: its session and its presence go; the agent stays present while another
 * of their consoles was seen within the window (signing out the laptop must not take away the
 * customers the agent serves from the desktop).
 * KEYS: session, the agent's consoles, presence. ARGV: console id, agent, oldest live time (ms).
 */
const SIGN_OUT = new LuaScript(`
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[3])
if redis.call('ZCARD', KEYS[2]) == 0 then
  redis.call('ZREM', KEYS[3], ARGV[2])
  return 0
end
return 1
`);

/**
 * Console sign-in sessions and agent presence. The cookie carries a random token; Redis keeps only
 * its SHA-256 (a dump of Redis does not hand out sessions), with a sliding TTL.
 */
export class AgentSessions {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
    private readonly ttlSeconds: number,
  ) {}

  async create(agent: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(this.keys.session(hashToken(token)), agent, 'EX', this.ttlSeconds);
    return token;
  }

  /** The agent behind a token, refreshing its timeout; undefined if unknown or expired. */
  async resolve(token: string): Promise<string | undefined> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
    const key = this.keys.session(hashToken(token));
    const agent = await this.redis.get(key);
    if (agent) await this.redis.expire(key, this.ttlSeconds);
    return agent ?? undefined;
  }

  /** The id of the console a token belongs to (not the token: it is what Redis keys and events carry). */
  consoleOf(token: string): string {
    return hashToken(token);
  }

  async destroy(token: string): Promise<void> {
    await this.redis.del(this.keys.session(hashToken(token)));
  }

  /**
   * Signs one console out: its session and presence end. Returns whether the agent is still
   * present through another console.
   */
  async signOut(token: string, agent: string, now: number): Promise<boolean> {
    const id = hashToken(token);
    const keys = [this.keys.session(id), this.keys.agentConsoles(agent), this.keys.presence];
    return (await SIGN_OUT.run(this.redis, keys, [id, agent, now - PRESENCE_WINDOW_MS])) === 1;
  }

  /** The agent's console `console` was seen now (a request or a stream heartbeat). */
  async touch(agent: string, now: number, console?: string): Promise<void> {
    const multi = this.redis.multi().zadd(this.keys.presence, now, agent);
    if (console) multi.zadd(this.keys.agentConsoles(agent), now, console).expire(this.keys.agentConsoles(agent), this.ttlSeconds);
    await multi.exec();
  }

  async online(now: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.presence, now - PRESENCE_WINDOW_MS, '+inf');
  }

  /** Agents seen once whose console has gone quiet for longer than the presence window. */
  async vanished(now: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.presence, '-inf', `(${now - PRESENCE_WINDOW_MS}`);
  }
}
