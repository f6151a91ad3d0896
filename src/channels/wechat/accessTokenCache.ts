/**
 * The Official Account access_token, shared by every bot process through Redis.
 *
 * 获取 Access token / Get access token:
 * https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html
 * - `GET /cgi-bin/token?grant_type=client_credential&appid=APPID&secret=APPSECRET` answers
 *   `{"access_token": "...", "expires_in": 7200}`.
 * - Fetching a new token invalidates the previous one (after a 5-minute overlap), so the docs ask
 *   for one central place that fetches and refreshes it: here one process at a time, under a Redis
 *   lock, while the others keep using the old token, which that overlap keeps valid.
 */
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '../../redis/redisClient';
import { z } from 'zod';
import { LuaScript } from '../../redis/luaScript';
import { WeChatApiError } from './wechatApiError';

/** Refresh this long before expiry, inside WeChat's 5-minute old/new overlap. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const LOCK_MS = 10_000;
const FETCH_TIMEOUT_MS = 5_000;

const tokenAnswerSchema = z.union([
  z.object({ access_token: z.string().min(1).max(1024), expires_in: z.number().int().positive() }),
  z.object({ errcode: z.number().int(), errmsg: z.string().default('') }),
]);

const recordSchema = z.object({ token: z.string().min(1), expiresAt: z.coerce.number() });
type TokenRecord = z.output<typeof recordSchema>;

const DELETE_IF_TOKEN = new LuaScript(`
if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);
const RELEASE_LOCK = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

export interface AccessTokenOptions {
  prefix: string;
  appId: string;
  appSecret: string;
  apiBase: string;
}

export class AccessTokenCache {
  private readonly key: string;
  private readonly lockKey: string;

  constructor(
    private readonly redis: RedisClient,
    private readonly options: AccessTokenOptions,
  ) {
    this.key = `${options.prefix}wechat:token:${options.appId}`;
    this.lockKey = `${this.key}:lock`;
  }

  async get(): Promise<string> {
    const deadline = Date.now() + LOCK_MS;
    let pause = 20;
    for (;;) {
      const current = await this.read();
      if (current && current.expiresAt - Date.now() > REFRESH_MARGIN_MS) return current.token;
      const refreshed = await this.refreshIfFirst();
      if (refreshed) return refreshed;
      // Another process is refreshing: its old token is still good until it really expires.
      if (current && current.expiresAt > Date.now()) return current.token;
      if (Date.now() > deadline) throw new Error('AccessTokenCache.get(): no token after waiting for another process to refresh it');
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 200);
    }
  }

  /** WeChat refused `token` (40001/42001): drop it unless another process already replaced it. */
  async invalidate(token: string): Promise<void> {
    await DELETE_IF_TOKEN.run(this.redis, [this.key], [token]);
  }

  private async read(): Promise<TokenRecord | undefined> {
    const parsed = recordSchema.safeParse(await this.redis.hgetall(this.key));
    return parsed.success ? parsed.data : undefined;
  }

  /** Fetches a token if this process wins the lock; undefined when another process holds it. */
  private async refreshIfFirst(): Promise<string | undefined> {
    const owner = randomUUID();
    if ((await this.redis.set(this.lockKey, owner, 'PX', LOCK_MS, 'NX')) !== 'OK') return undefined;
    try {
      const again = await this.read();
      if (again && again.expiresAt - Date.now() > REFRESH_MARGIN_MS) return again.token;
      const { token, expiresInSeconds } = await this.fetchToken();
      const ttlMs = expiresInSeconds * 1000;
      await this.redis.multi().hset(this.key, { token, expiresAt: String(Date.now() + ttlMs) }).pexpire(this.key, ttlMs).exec();
      return token;
    } finally {
      await RELEASE_LOCK.run(this.redis, [this.lockKey], [owner]).catch(() => undefined);
    }
  }

  private async fetchToken(): Promise<{ token: string; expiresInSeconds: number }> {
    const url = new URL(`${this.options.apiBase}/cgi-bin/token`);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.options.appId, secret: this.options.appSecret }).toString();
    // Never log `url`: it carries the app secret.
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new WeChatApiError('AccessTokenCache.fetchToken()', -response.status, `HTTP ${response.status}`);
    const answer = tokenAnswerSchema.safeParse(await response.json());
    if (!answer.success) throw new WeChatApiError('AccessTokenCache.fetchToken()', -1, 'unexpected answer shape');
    if ('errcode' in answer.data) throw new WeChatApiError('AccessTokenCache.fetchToken()', answer.data.errcode, answer.data.errmsg);
    return { token: answer.data.access_token, expiresInSeconds: answer.data.expires_in };
  }
}
