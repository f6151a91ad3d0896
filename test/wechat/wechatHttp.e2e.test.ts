/**
 * /wechat end to end: the real app in-process over real HTTP, real Redis, and a local stand-in
 * for WeChat's API. Requests are built and signed exactly as WeChat's servers build them.
 */
import { hashId } from '../../src/logger';
import { parseWeChatXml } from '../../src/channels/wechat/parseWeChatXml';
import { useWeChatServer } from './support/useWeChatServer';
import { messageXml, newMsgId, newOpenId, openSafeReply, postPlain, postSafe, signedQuery, TEST_WECHAT, textXml } from './support/wechatClient';

const setup = useWeChatServer();

/** How many turns the bot ran for this customer, from the runtime's one log line per turn. */
function turnsFor(openId: string): number {
  const hashed = hashId(openId);
  return setup.server.logs.filter((line) => line.includes('"msg":"turn"') && line.includes(`"conversation":"${hashed}"`)).length;
}

describe('GET /wechat (server URL verification)', () => {
  it('echoes echostr to a correctly signed request', async () => {
    const res = await fetch(`${setup.server.url}/wechat?${signedQuery({}, { echostr: '4075181314397890557' })}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('4075181314397890557');
  });

  it('refuses a request signed with another token, without echoing', async () => {
    const res = await fetch(`${setup.server.url}/wechat?${signedQuery({ token: 'wrong' }, { echostr: 'abc' })}`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('abc');
  });
});

describe('POST /wechat: messages', () => {
  it('answers a plaintext text message with reply XML addressed to the customer', async () => {
    const openId = newOpenId();
    const res = await postPlain(setup.server.url, textXml(openId, '我的网银证书过期了怎么办'));
    expect(res.status).toBe(200);
    const reply = parseWeChatXml(await res.text());
    expect(reply).toMatchObject({ ToUserName: openId, FromUserName: TEST_WECHAT.account, MsgType: 'text' });
    expect(reply.Content?.length).toBeGreaterThan(0);
    expect(turnsFor(openId)).toBe(1);
  });

  it('answers a safe-mode message with an encrypted, signed reply', async () => {
    const openId = newOpenId();
    const res = await postSafe(setup.server.url, textXml(openId, '你好'));
    expect(res.status).toBe(200);
    const reply = openSafeReply(await res.text());
    expect(reply).toMatchObject({ ToUserName: openId, FromUserName: TEST_WECHAT.account, MsgType: 'text' });
    expect(reply.Content?.length).toBeGreaterThan(0);
  });

  it('answers a compatible-mode message (plaintext and <Encrypt>) with an encrypted reply', async () => {
    const openId = newOpenId();
    const res = await postSafe(setup.server.url, textXml(openId, 'hello'), { compatible: true });
    expect(res.status).toBe(200);
    expect(openSafeReply(await res.text())).toMatchObject({ ToUserName: openId, MsgType: 'text' });
  });

  it('answers a picture with a polite text-only notice, without running the bot', async () => {
    const openId = newOpenId();
    const res = await postPlain(setup.server.url, messageXml(openId, { MsgType: 'image', PicUrl: 'http://example.invalid/p.jpg', MediaId: 'm1', MsgId: newMsgId() }));
    expect(parseWeChatXml(await res.text()).Content).toContain('文字');
    expect(turnsFor(openId)).toBe(0);
  });

  it('answers an unknown message type with "success" and runs nothing', async () => {
    const openId = newOpenId();
    const res = await postPlain(setup.server.url, messageXml(openId, { MsgType: 'miniprogrampage', MsgId: newMsgId() }));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    expect(turnsFor(openId)).toBe(0);
  });

  it('greets a new follower (subscribe event)', async () => {
    const openId = newOpenId();
    const res = await postPlain(setup.server.url, messageXml(openId, { MsgType: 'event', Event: 'subscribe' }));
    expect(parseWeChatXml(await res.text())).toMatchObject({ ToUserName: openId, MsgType: 'text' });
    expect(turnsFor(openId)).toBe(1);
  });

  it('runs the bot once for a retried MsgId and gives the retry the same reply', async () => {
    const openId = newOpenId();
    const msgId = newMsgId();
    const xml = textXml(openId, '查询附近网点', msgId);
    const first = parseWeChatXml(await (await postPlain(setup.server.url, xml)).text());
    const retry = parseWeChatXml(await (await postPlain(setup.server.url, xml)).text());
    expect(retry.Content).toBe(first.Content);
    expect(turnsFor(openId)).toBe(1);
  });
});
