/**
 * The push path: turns that miss the passive window, retries while a turn runs, token refresh
 * after 42001. A "slow turn" is made without timing tricks: the test holds the conversation's turn
 * lock in Redis (as another process's long turn would), so the turn cannot finish until the test
 * releases it.
 */
import type { Redis } from 'ioredis';
import { hashId } from '../../src/logger';
import { startTestServer, type TestServer } from '../support/testServer';
import { holdTurnLock as holdLock, releaseTurnLock as releaseLock } from '../support/holdTurnLock';
import { newTestRedis } from '../support/testRedis';
import { startWeChatApiStandIn, type WeChatApiStandIn } from './support/wechatApiStandIn';
import { waitUntil } from './support/waitUntil';
import { newMsgId, newOpenId, postPlain, postSafe, TEST_WECHAT, textXml, wechatEnv } from './support/wechatClient';

let api: WeChatApiStandIn;
let server: TestServer;
let redis: Redis;

beforeAll(async () => {
  api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  // A short passive budget: the held lock makes every turn here miss it.
  server = await startTestServer(wechatEnv(api.url, { WECHAT_REPLY_BUDGET_MS: '300', TURN_LOCK_WAIT_MS: '60000' }));
  redis = newTestRedis();
});

afterAll(async () => {
  await server?.close();
  await api?.close();
  await redis?.quit();
});

const holdTurnLock = (openId: string) => holdLock(redis, server.prefix, `wechat/${openId}`);
const releaseTurnLock = (openId: string) => releaseLock(redis, server.prefix, `wechat/${openId}`);
const turnsFor = (openId: string) =>
  server.logs.filter((l) => l.includes('"msg":"turn"') && l.includes(`"conversation":"${hashId(openId)}"`)).length;

describe('replies that miss the passive window', () => {
  it('answer "success" at once and arrive through the customer-service API when the turn ends', async () => {
    const openId = newOpenId();
    await holdTurnLock(openId);
    const res = await postPlain(server.url, textXml(openId, '你好'));
    expect(await res.text()).toBe('success');
    expect(api.pushed.filter((p) => p.touser === openId)).toHaveLength(0);
    await releaseTurnLock(openId);
    const pushed = await api.waitForPushes(openId, 1);
    expect(pushed[0].content.length).toBeGreaterThan(0);
    // The runtime logs the turn just after its replies went out.
    await waitUntil(() => turnsFor(openId) > 0, 'the turn log line');
    expect(turnsFor(openId)).toBe(1);
  });

  it('run the bot once when WeChat retries the MsgId while the turn is still running and after it finished', async () => {
    const openId = newOpenId();
    const xml = textXml(openId, '证书过期了', newMsgId());
    await holdTurnLock(openId);
    expect(await (await postPlain(server.url, xml)).text()).toBe('success');
    // WeChat's retry arrives while the first turn still waits for the lock: it is told to retry
    // (a "success" would end WeChat's retries, and the message would be lost if the first process died).
    expect((await postPlain(server.url, xml)).status).toBe(503);
    await releaseTurnLock(openId);
    await api.waitForPushes(openId, 1);
    await waitUntil(() => turnsFor(openId) > 0, 'the turn log line');
    // And once more after the turn has finished: same answer, still one turn.
    expect(await (await postSafe(server.url, xml)).status).toBe(200);
    expect(turnsFor(openId)).toBe(1);
    expect(api.pushed.filter((p) => p.touser === openId)).toHaveLength(1);
  });
});

describe('access token', () => {
  it('is refreshed once and the send retried when WeChat answers 42001 (expired)', async () => {
    const warm = newOpenId();
    await holdTurnLock(warm);
    await postPlain(server.url, textXml(warm, '你好'));
    await releaseTurnLock(warm);
    const [first] = await api.waitForPushes(warm, 1);
    api.expire(first.token);
    const requestsBefore = api.tokenRequests;

    const openId = newOpenId();
    await holdTurnLock(openId);
    await postPlain(server.url, textXml(openId, '你好'));
    await releaseTurnLock(openId);
    const [pushed] = await api.waitForPushes(openId, 1);
    expect(pushed.token).not.toBe(first.token);
    expect(api.tokenRequests).toBe(requestsBefore + 1);
  });
});
