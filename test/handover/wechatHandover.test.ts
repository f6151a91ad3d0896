/**
 * The handover loop for a WeChat customer, through /wechat and the WeChat API stand-in: the
 * customer's messages go to the agent, the agent's replies arrive through the customer-service API.
 */
import { parseWeChatXml } from '../../src/channels/wechat/parseWeChatXml';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWeChatApiStandIn, type WeChatApiStandIn } from '../wechat/support/wechatApiStandIn';
import { newOpenId, postPlain, TEST_WECHAT, textXml, wechatEnv } from '../wechat/support/wechatClient';
import { ConsoleClient, createAgent, handleOf } from './support/consoleClient';

let api: WeChatApiStandIn;
let server: TestServer;

beforeAll(async () => {
  api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  server = await startTestServer(wechatEnv(api.url, { HANDOVER_HOURS: 'always' }));
  await createAgent(server.prefix, 'wang');
});
afterAll(async () => {
  await server?.close();
  await api?.close();
});

/** The passive reply WeChat would show ('' when the bot answered "success", i.e. nothing now). */
async function say(openId: string, text: string): Promise<string> {
  const body = await (await postPlain(server.url, textXml(openId, text))).text();
  return body === 'success' ? '' : (parseWeChatXml(body).Content ?? '');
}

it('relays a WeChat customer and an agent both ways, then collects the rating', async () => {
  const agent = new ConsoleClient(server.url);
  await agent.signIn('wang');
  await agent.openStream();
  const openId = newOpenId();
  const handle = handleOf('wechat', openId);

  expect(await say(openId, '我要转人工')).toMatch(/排在第 1 位/);
  const { waiting } = await agent.json<{ waiting: Array<{ handle: string; channel: string; script: string }> }>('GET', '/agent/api/queue');
  expect(waiting).toEqual([expect.objectContaining({ handle, channel: 'wechat', script: 'zh-Hans' })]);

  await agent.json('POST', `/agent/api/conversations/${handle}/take`);
  expect((await api.waitForPushes(openId, 1))[0].content).toMatch(/wang 已接入/);
  await agent.json('POST', `/agent/api/conversations/${handle}/messages`, { text: '您好，请问您的卡是哪天冻结的？' });
  expect((await api.waitForPushes(openId, 2))[1].content).toBe('您好，请问您的卡是哪天冻结的？');

  expect(await say(openId, '昨天下午')).toBe(''); // the bot stays out while the agent has the customer
  const event = await agent.waitForEvent((e) => e.type === 'message' && (e.data.entry as { text: string }).text === '昨天下午');
  expect(event.data).toMatchObject({ handle, agent: 'wang' });

  await agent.json('POST', `/agent/api/conversations/${handle}/close`);
  expect((await api.waitForPushes(openId, 3))[2].content).toMatch(/打分/);
  expect(await say(openId, '４分')).toMatch(/感谢您的评价/);
  const { ratings } = await agent.json<{ ratings: unknown[] }>('GET', '/agent/api/ratings');
  expect(ratings).toEqual([{ agent: 'wang', count: 1, average: 4 }]);
  agent.close();
});
