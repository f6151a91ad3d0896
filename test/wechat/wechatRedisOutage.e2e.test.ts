/**
 * With Redis down, /wechat answers 503 and runs nothing (no dedupe claim, so nothing is lost:
 * the message can run once Redis is back); the process keeps serving and recovers by itself.
 */
import { startRedisProcess, type RedisProcess } from '../support/redisProcess';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWeChatApiStandIn, type WeChatApiStandIn } from './support/wechatApiStandIn';
import { newMsgId, newOpenId, postSafe, TEST_WECHAT, textXml, wechatEnv } from './support/wechatClient';

let redis: RedisProcess;
let api: WeChatApiStandIn;
let server: TestServer;

beforeAll(async () => {
  redis = await startRedisProcess();
  api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  server = await startTestServer(wechatEnv(api.url, { REDIS_URL: redis.url }));
});

afterAll(async () => {
  await server?.close();
  await api?.close();
  await redis?.stop();
});

it('answers 503 STORE_UNAVAILABLE while Redis is down and the same message normally once it is back', async () => {
  const xml = textXml(newOpenId(), '你好', newMsgId());
  await redis.stop();
  const during = await postSafe(server.url, xml);
  expect(during.status).toBe(503);
  expect(((await during.json()) as { error: { code: string } }).error.code).toBe('STORE_UNAVAILABLE');

  await redis.start();
  let status = 0;
  for (let i = 0; i < 50 && status !== 200; i++) {
    await new Promise((r) => setTimeout(r, 200));
    status = (await fetch(`${server.url}/readyz`)).status;
  }
  const after = await postSafe(server.url, xml);
  expect(after.status).toBe(200);
  expect(await after.text()).toContain('<Encrypt>');
});
