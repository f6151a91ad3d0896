/**
 * Two bot processes (real OS processes) behind one Official Account share one access token: the
 * first to need it fetches it under the Redis lock, the other reads it from Redis. Fetching a
 * second one would invalidate the first (Get access token docs), so this matters in production.
 */
import { resolve } from 'node:path';
import type { Redis } from 'ioredis';
import { holdTurnLock, releaseTurnLock } from '../support/holdTurnLock';
import { ROOT, spawnServer, type ChildServer } from '../support/testServer';
import { newTestRedis, testRedisUrl, uniquePrefix } from '../support/testRedis';
import { startWeChatApiStandIn, type WeChatApiStandIn } from './support/wechatApiStandIn';
import { newOpenId, postPlain, TEST_WECHAT, textXml, wechatEnv } from './support/wechatClient';

jest.setTimeout(120_000);

let api: WeChatApiStandIn;
let redis: Redis;
const servers: ChildServer[] = [];
const prefix = uniquePrefix('wechat2p');

beforeAll(async () => {
  api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  redis = newTestRedis();
  const env = {
    ...wechatEnv(api.url, { WECHAT_REPLY_BUDGET_MS: '300', TURN_LOCK_WAIT_MS: '60000' }),
    REDIS_URL: testRedisUrl(),
    REDIS_KEY_PREFIX: prefix,
    NLU_CACHE_DIR: resolve(ROOT, '.cache/nlu'),
  };
  servers.push(await spawnServer(env), await spawnServer(env));
});

afterAll(async () => {
  for (const server of servers) await server.stop();
  await api?.close();
  await redis?.quit();
});

it('fetches one token for both processes', async () => {
  const customers = [newOpenId(), newOpenId()];
  // Hold both conversations' turn locks so both turns miss the passive window and must push.
  for (const openId of customers) await holdTurnLock(redis, prefix, `wechat/${openId}`);
  await Promise.all(customers.map((openId, i) => postPlain(servers[i].url, textXml(openId, '你好'))));
  await Promise.all(customers.map((openId) => releaseTurnLock(redis, prefix, `wechat/${openId}`)));
  const pushes = await Promise.all(customers.map((openId) => api.waitForPushes(openId, 1, 60_000)));
  expect(api.tokenRequests).toBe(1);
  expect(pushes[0][0].token).toBe(pushes[1][0].token);
});
