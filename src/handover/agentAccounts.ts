import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { RedisClient } from '../redis/redisClient';
import { z } from 'zod';
import type { HandoverKeys } from './handoverKeys';

/** scrypt at N=2^15, r=8, p=1 (OWASP's 2023 minimum is 2^17 with p=1 or 2^15 with ~p=3): ~50 ms here. */
const SCRYPT: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 64;

export const agentNameSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}._-]{1,40}$/u, 'an agent name is 1–40 letters, digits, dots, dashes or underscores');

export const passwordSchema = z.string().min(10, 'a password has at least 10 characters').max(200);

function scrypt(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, SCRYPT, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Compared against when the name is unknown, so a wrong name costs as long as a wrong password. */
const DUMMY_SALT = randomBytes(16);

/** Agent accounts: one HASH per agent with a salted scrypt hash; the plain password is never stored. */
export class AgentAccounts {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: HandoverKeys,
  ) {}

  /** Creates or replaces the password of `name`. */
  async set(name: string, password: string): Promise<void> {
    const agent = agentNameSchema.parse(name);
    passwordSchema.parse(password);
    const salt = randomBytes(16);
    const hash = await scrypt(password, salt);
    await this.redis
      .multi()
      .hset(this.keys.agent(agent), { name: agent, salt: salt.toString('base64'), hash: hash.toString('base64'), scrypt: 'N=32768,r=8,p=1', createdAt: new Date().toISOString() })
      .sadd(this.keys.agents, agent)
      .exec();
  }

  /** The agent's name when the password matches; undefined otherwise (unknown name included). */
  async verify(name: string, password: string): Promise<string | undefined> {
    const stored = await this.redis.hgetall(this.keys.agent(name));
    const salt = stored.salt ? Buffer.from(stored.salt, 'base64') : DUMMY_SALT;
    const expected = stored.hash ? Buffer.from(stored.hash, 'base64') : Buffer.alloc(KEY_LENGTH);
    const actual = await scrypt(password, salt);
    const match = actual.length === expected.length && timingSafeEqual(actual, expected);
    return match && stored.hash ? stored.name : undefined;
  }

  async exists(name: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.agent(name))) === 1;
  }

  async list(): Promise<string[]> {
    return (await this.redis.smembers(this.keys.agents)).sort();
  }

  async remove(name: string): Promise<boolean> {
    const [[, removed]] = ((await this.redis.multi().del(this.keys.agent(name)).srem(this.keys.agents, name).exec()) ?? [[null, 0]]) as Array<[Error | null, unknown]>;
    return Number(removed) === 1;
  }
}
