/**
 * The access-token cache against real Redis and the local WeChat API stand-in. Several cache
 * instances on separate Redis connections stand for several bot processes.
 */
import type { Redis } from 'ioredis';
import { AccessTokenCache, REFRESH_MARGIN_MS } from '../../src/channels/wechat/accessTokenCache';
import { newTestRedis, uniquePrefix } from '../support/testRedis';
import { startWeChatApiStandIn, type WeChatApiStandIn } from './support/wechatApiStandIn';
import { TEST_WECHAT } from './support/wechatClient';

let api: WeChatApiStandIn;
const connections: Redis[] = [];

beforeAll(async () => {
  api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
});

afterAll(async () => {
  await Promise.all(connections.map((r) => r.quit()));
  await api?.close();
});

function processes(count: number, prefix = uniquePrefix('token')): { caches: AccessTokenCache[]; redis: Redis; key: string } {
  const caches = Array.from({ length: count }, () => {
    const redis = newTestRedis();
    connections.push(redis);
    return new AccessTokenCache(redis, { prefix, appId: TEST_WECHAT.appId, appSecret: TEST_WECHAT.secret, apiBase: api.url });
  });
  return { caches, redis: connections[connections.length - 1], key: `${prefix}wechat:token:${TEST_WECHAT.appId}` };
}

it('fetches one token for many processes asking at the same moment', async () => {
  const before = api.tokenRequests;
  const { caches } = processes(5);
  const tokens = await Promise.all(caches.map((c) => c.get()));
  expect(api.tokenRequests).toBe(before + 1);
  expect(new Set(tokens).size).toBe(1);
});

it('refreshes a token that is within the refresh margin of expiring', async () => {
  const { caches, redis, key } = processes(1);
  const first = await caches[0].get();
  await redis.hset(key, 'expiresAt', String(Date.now() + REFRESH_MARGIN_MS - 1000));
  const second = await caches[0].get();
  expect(second).not.toBe(first);
  expect(await caches[0].get()).toBe(second);
});

it('keeps serving the old, still valid token while another process holds the refresh lock', async () => {
  const { caches, redis, key } = processes(1);
  const first = await caches[0].get();
  await redis.hset(key, 'expiresAt', String(Date.now() + 60_000));
  await redis.set(`${key}:lock`, 'another-process', 'PX', 10_000);
  const before = api.tokenRequests;
  expect(await caches[0].get()).toBe(first);
  expect(api.tokenRequests).toBe(before);
});

it('drops a refused token only if no other process has replaced it yet', async () => {
  const { caches } = processes(1);
  const first = await caches[0].get();
  await caches[0].invalidate('TOKEN-someone-elses');
  expect(await caches[0].get()).toBe(first);
  await caches[0].invalidate(first);
  expect(await caches[0].get()).not.toBe(first);
});

it('reports WeChat\'s error when the app secret is wrong', async () => {
  const redis = newTestRedis();
  connections.push(redis);
  const cache = new AccessTokenCache(redis, { prefix: uniquePrefix('token'), appId: TEST_WECHAT.appId, appSecret: 'wrong', apiBase: api.url });
  await expect(cache.get()).rejects.toMatchObject({ name: 'WeChatApiError', errcode: 40013 });
});
