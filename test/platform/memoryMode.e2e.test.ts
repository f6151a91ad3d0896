/**
 * Memory mode (`REDIS_URL=memory://`) runs the channels that lean hardest on the store: WeChat
 * (dedupe of redelivered messages, pushes) and Direct Line's WebSocket stream (pub/sub wake-ups).
 * The browser run of the whole demo is test/platform/memoryDemo.browser.slow.test.ts.
 */
import WebSocket from 'ws';
import { parseWeChatXml } from '../../src/channels/wechat/parseWeChatXml';
import { startTestServer, type TestServer } from '../support/testServer';
import { call, dl, message, openConversation, type ActivityJson } from '../webchat/support/directLineClient';
import { startWeChatApiStandIn, type WeChatApiStandIn } from '../wechat/support/wechatApiStandIn';
import { newMsgId, newOpenId, postPlain, TEST_WECHAT, textXml, wechatEnv } from '../wechat/support/wechatClient';

const SECRET = 'memory-mode-directline-secret-01';

let api: WeChatApiStandIn;
let server: TestServer;

beforeAll(async () => {
  api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  server = await startTestServer({ ...wechatEnv(api.url), REDIS_URL: 'memory://', DIRECTLINE_SECRET: SECRET });
});
afterAll(async () => {
  await server?.close();
  await api?.close();
});

async function wechat(xml: string): Promise<string> {
  const body = await (await postPlain(server.url, xml)).text();
  return body === 'success' ? '' : (parseWeChatXml(body).Content ?? '');
}

it('says it runs on memory', async () => {
  const ready = await fetch(`${server.url}/readyz`);
  expect(await ready.json()).toEqual({ status: 'ready', store: 'memory' });
});

it('walks a WeChat customer through the certificate flow, and a redelivered message runs once', async () => {
  const openId = newOpenId();
  expect(await wechat(textXml(openId, '我的网银证书过期了怎么办'))).toContain('哪种证书');
  const msgId = newMsgId();
  const first = await wechat(textXml(openId, '1', msgId));
  expect(first).toContain('重新下载证书');
  // WeChat redelivers when it did not get the answer in time: same MsgId, same answer, no second turn.
  expect(await wechat(textXml(openId, '1', msgId))).toBe(first);
  expect(await wechat(textXml(openId, '1'))).toContain('证书重置和更换需要到柜台');
});

it('streams the bot’s answers over the Direct Line WebSocket', async () => {
  const g = await openConversation(server.url, SECRET, 'zh-CN');
  const again = await call<{ streamUrl: string }>(server.url, 'POST', '/v3/directline/conversations', { auth: g.token });
  const ws = new WebSocket(again.body.streamUrl);
  const received: ActivityJson[] = [];
  let wake: () => void = () => undefined;
  ws.on('message', (data: Buffer) => {
    const text = data.toString('utf8');
    if (text) received.push(...(JSON.parse(text) as { activities: ActivityJson[] }).activities);
    wake();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  try {
    await call(server.url, 'POST', `${dl(g.conversationId)}/activities`, { auth: g.token, body: message('网银证书过期了') });
    while (!received.some((a, i) => i > 0 && a.from.role === 'bot' && /证书/.test(a.text ?? ''))) await new Promise<void>((r) => (wake = r));
    expect(received.map((a) => a.from.role)).toEqual(['bot', 'user', ...received.slice(2).map(() => 'bot')]);
  } finally {
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.close();
    });
  }
});
