/**
 * Turns of shapes the bot itself rarely produces, scripted through the runtime's middleware hook
 * (it runs inside the real turn pipeline, before the bot, with replies held until state is saved):
 * several messages in one turn, a turn that fails after the passive window, an agent's push.
 */
import type { TurnContext } from 'botbuilder';
import { parseWeChatXml } from '../../src/channels/wechat/parseWeChatXml';
import { startTestServer, type TestServer } from '../support/testServer';
import { startWeChatApiStandIn, type WeChatApiStandIn } from './support/wechatApiStandIn';
import { newOpenId, postPlain, TEST_WECHAT, textXml, wechatEnv } from './support/wechatClient';

let api: WeChatApiStandIn;
let server: TestServer;
/** Per customer, what the scripted turn does instead of running the bot. */
const scripts = new Map<string, (ctx: TurnContext) => Promise<void>>();

beforeAll(async () => {
  api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  server = await startTestServer(wechatEnv(api.url, { WECHAT_REPLY_BUDGET_MS: '1000' }));
  server.app.context.runtime.use(async (ctx, next) => {
    const script = scripts.get(ctx.activity.conversation?.id ?? '');
    return script ? script(ctx) : next();
  });
});

afterAll(async () => {
  await server?.close();
  await api?.close();
});

it('answers the first of several messages passively and pushes the rest, in order', async () => {
  const openId = newOpenId();
  scripts.set(openId, async (ctx) => {
    await ctx.sendActivity('第一条');
    await ctx.sendActivity('第二条');
    await ctx.sendActivity('第三条');
  });
  const reply = parseWeChatXml(await (await postPlain(server.url, textXml(openId, '你好'))).text());
  expect(reply.Content).toBe('第一条');
  const pushed = await api.waitForPushes(openId, 2);
  expect(pushed.map((p) => p.content)).toEqual(['第二条', '第三条']);
});

it('splits a reply over WeChat\'s length limit: the first piece passive, the rest pushed', async () => {
  const openId = newOpenId();
  const long = `${'网'.repeat(600)}\n${'点'.repeat(600)}`;
  scripts.set(openId, async (ctx) => {
    await ctx.sendActivity(long);
  });
  const reply = parseWeChatXml(await (await postPlain(server.url, textXml(openId, '你好'))).text());
  expect(reply.Content).toBe('网'.repeat(600));
  const pushed = await api.waitForPushes(openId, 1);
  expect(pushed[0].content).toBe('点'.repeat(600));
});

it('apologises by push when a turn that missed the passive window then fails', async () => {
  const openId = newOpenId();
  let fail: (err: Error) => void = () => undefined;
  scripts.set(openId, () => new Promise<void>((_resolve, reject) => (fail = reject)));
  expect(await (await postPlain(server.url, textXml(openId, '你好'))).text()).toBe('success');
  fail(new Error('scripted failure after the window'));
  const [notice] = await api.waitForPushes(openId, 1);
  expect(notice.content).toContain('请稍后再发一次');
});

it('delivers a later message (a human agent\'s) through the registered push path', async () => {
  const openId = newOpenId();
  await server.app.context.pushers.send({ channelId: 'wechat', conversation: { id: openId, isGroup: false, conversationType: 'personal', name: '' } }, [
    { type: 'message', text: '您好，我是人工客服小王。' },
  ]);
  const [pushed] = await api.waitForPushes(openId, 1);
  expect(pushed.content).toBe('您好，我是人工客服小王。');
});
