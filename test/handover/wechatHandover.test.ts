/**
 * The handover loop for a WeChat customer, through /wechat and the WeChat API stand-in: the
 * customer's messages go to the agent, the agent's replies arrive through the customer-service API.
 *
 * Pictures (图片消息: PicUrl + MediaId): during a handover the bot fetches the file from the
 * stand-in's /cgi-bin/media/get, keeps it in the attachment store and the agent sees it (event
 * stream and conversation API); outside a handover the customer gets the polite text-only reply
 * and nothing is fetched; a file WeChat refuses, one that is not an image, or one too large is
 * never stored and the customer is told.
 */
import { ATTACHMENT_MAX_BYTES } from '../../src/attachments/attachmentStore';
import { parseWeChatXml } from '../../src/channels/wechat/parseWeChatXml';
import { Redis } from 'ioredis';
import { testRedisUrl } from '../support/testRedis';
import { startTestServer, type TestServer } from '../support/testServer';
import { PNG } from '../webchat/support/png';
import { startWeChatApiStandIn, type WeChatApiStandIn } from '../wechat/support/wechatApiStandIn';
import { messageXml, newMsgId, newOpenId, postPlain, postSafe, TEST_WECHAT, textXml, wechatEnv } from '../wechat/support/wechatClient';
import { ConsoleClient, createAgent, handleOf } from './support/consoleClient';

let api: WeChatApiStandIn;
let server: TestServer;
/** Agent li takes the customers of the picture tests. */
let agent: ConsoleClient;

beforeAll(async () => {
  api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  server = await startTestServer(wechatEnv(api.url, { HANDOVER_HOURS: 'always' }));
  await createAgent(server.prefix, 'wang');
  await createAgent(server.prefix, 'li');
  agent = new ConsoleClient(server.url);
  await agent.signIn('li');
  await agent.openStream();
});
afterAll(async () => {
  agent?.close();
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

describe('pictures', () => {
  interface Entry {
    from: string;
    text: string;
    attachments?: Array<{ contentType: string; url: string; name: string }>;
  }

  const imageXml = (openId: string, mediaId: string) =>
    messageXml(openId, { MsgType: 'image', PicUrl: 'http://mmbiz.qpic.cn/mmbiz_jpg/example/0', MediaId: mediaId, MsgId: newMsgId() });

  /** The passive reply WeChat would show ('' for "success"). */
  async function sendXml(xml: string): Promise<string> {
    const res = await postPlain(server.url, xml);
    expect(res.status).toBe(200);
    const body = await res.text();
    return body === 'success' ? '' : (parseWeChatXml(body).Content ?? '');
  }

  /** A WeChat customer taken by agent li; returns the console handle. */
  async function customerWithAgent(): Promise<{ openId: string; handle: string }> {
    const openId = newOpenId();
    const handle = handleOf('wechat', openId);
    expect(await sendXml(textXml(openId, '转人工'))).toMatch(/排在第/);
    await agent.json('POST', `/agent/api/conversations/${handle}/take`);
    await api.waitForPushes(openId, 1);
    return { openId, handle };
  }

  it('shows a picture sent during a handover to the agent, stored by content type and served so it cannot run', async () => {
    const { openId, handle } = await customerWithAgent();
    const mediaId = `m-${newMsgId()}`;
    api.addMedia(mediaId, PNG, 'image/jpeg'); // WeChat's claimed type is not trusted: the bytes say PNG

    expect(await sendXml(imageXml(openId, mediaId))).toBe(''); // the bot stays out; the agent answers
    expect(api.mediaRequests).toContain(mediaId);
    const event = await agent.waitForEvent((e) => e.type === 'message' && e.data.handle === handle && Boolean((e.data.entry as Entry).attachments));
    const [attachment] = (event.data.entry as Entry).attachments ?? [];
    expect(attachment).toMatchObject({ contentType: 'image/png', url: expect.stringMatching(/^\/attachments\/[A-Za-z0-9_-]{22}$/) });

    const view = await agent.json<{ transcript: Entry[] }>('GET', `/agent/api/conversations/${handle}`);
    expect(view.transcript.at(-1)).toMatchObject({ from: 'customer', attachments: [attachment] });

    const file = await fetch(`${server.url}${attachment.url}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);

    // Kept for the transcript's time and then gone: both of its keys carry that TTL in Redis.
    const id = attachment.url.split('/').pop() ?? '';
    const redis = new Redis(testRedisUrl());
    try {
      const ttl = server.app.context.config.transcriptTtlSeconds;
      for (const key of [`${server.prefix}{attach:${id}}`, `${server.prefix}{attach:${id}}:meta`]) {
        expect(await redis.ttl(key)).toBeGreaterThan(ttl - 60);
        expect(await redis.ttl(key)).toBeLessThanOrEqual(ttl);
      }
    } finally {
      await redis.quit();
    }
  });

  it('passes a picture on in safe mode too (encrypted XML)', async () => {
    const { openId, handle } = await customerWithAgent();
    const mediaId = `m-${newMsgId()}`;
    api.addMedia(mediaId, PNG, 'image/png');
    const res = await postSafe(server.url, imageXml(openId, mediaId));
    expect(res.status).toBe(200);
    await agent.waitForEvent((e) => e.type === 'message' && e.data.handle === handle && Boolean((e.data.entry as Entry).attachments));
  });

  it('passes on a picture sent while waiting in the queue: the waiting customer is reminded of the position', async () => {
    const openId = newOpenId();
    const handle = handleOf('wechat', openId);
    expect(await sendXml(textXml(openId, '转人工'))).toMatch(/排在第/);
    const mediaId = `m-${newMsgId()}`;
    api.addMedia(mediaId, PNG, 'image/png');
    expect(await sendXml(imageXml(openId, mediaId))).toMatch(/排在第/);
    await agent.waitForEvent((e) => e.type === 'message' && e.data.handle === handle && Boolean((e.data.entry as Entry).attachments));
    expect((await agent.call('POST', `/agent/api/conversations/${handle}/take`)).status).toBe(200); // leave no one waiting for the tests after
  });

  it('answers a picture outside a handover with the text-only reply and fetches nothing', async () => {
    const openId = newOpenId();
    const mediaId = `m-${newMsgId()}`;
    api.addMedia(mediaId, PNG, 'image/png');
    expect(await sendXml(imageXml(openId, mediaId))).toMatch(/只能看懂文字/);
    expect(api.mediaRequests).not.toContain(mediaId);
  });

  it.each([
    ['WeChat refuses the media id (errcode 40007)', () => undefined],
    ['the file is not an image or PDF by its content', (id: string) => api.addMedia(id, Buffer.from('<html><script>alert(1)</script></html>'), 'image/jpeg')],
    ['the file is over the size limit', (id: string) => api.addMedia(id, Buffer.concat([PNG, Buffer.alloc(ATTACHMENT_MAX_BYTES)]), 'image/png')],
  ])('tells the customer and stores nothing when %s', async (_case, prepare) => {
    const { openId, handle } = await customerWithAgent();
    const mediaId = `m-${newMsgId()}`;
    prepare(mediaId);
    expect(await sendXml(imageXml(openId, mediaId))).toMatch(/没能转给客服[\s\S]*could not be passed on/);
    expect(api.mediaRequests).toContain(mediaId);
    const view = await agent.json<{ transcript: Entry[] }>('GET', `/agent/api/conversations/${handle}`);
    expect(view.transcript.some((e) => e.attachments)).toBe(false);
  });

  it('refreshes an expired access token and still passes the picture on', async () => {
    const { openId, handle } = await customerWithAgent();
    const before = api.tokenRequests;
    api.expire(`TOKEN-${before}`);
    const mediaId = `m-${newMsgId()}`;
    api.addMedia(mediaId, PNG, 'image/png');
    expect(await sendXml(imageXml(openId, mediaId))).toBe('');
    await agent.waitForEvent((e) => e.type === 'message' && e.data.handle === handle && Boolean((e.data.entry as Entry).attachments));
    expect(api.tokenRequests).toBe(before + 1);
  });
});
