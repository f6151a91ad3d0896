/**
 * Every kind of bad request to /wechat is refused with the right status, runs nothing, and leaves
 * the server answering normally afterwards.
 */
import { hashId } from '../../src/logger';
import { decodeAesKey, encryptMessage } from '../../src/channels/wechat/wechatCrypto';
import { sha1Signature } from '../../src/channels/wechat/wechatSignature';
import { cdata } from '../../src/channels/wechat/replyXml';
import { startTestServer, type TestServer } from '../support/testServer';
import { useWeChatServer } from './support/useWeChatServer';
import { messageXml, newMsgId, newOpenId, postPlain, postSafe, signedQuery, TEST_WECHAT, textXml, wechatEnv } from './support/wechatClient';

const setup = useWeChatServer();

const turnsFor = (openId: string) =>
  setup.server.logs.filter((l) => l.includes('"msg":"turn"') && l.includes(`"conversation":"${hashId(openId)}"`)).length;

const rejectionLogged = (reason: RegExp) => setup.server.logs.some((l) => l.includes('wechat request rejected') && reason.test(l));

async function expectRefused(res: Response, status: number, openId: string): Promise<void> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toMatch(/^[A-Z_]+$/);
  expect(turnsFor(openId)).toBe(0);
}

describe('POST /wechat refuses', () => {
  it('a message without a signature (401)', async () => {
    const openId = newOpenId();
    const query = signedQuery();
    query.delete('signature');
    await expectRefused(await postPlain(setup.server.url, textXml(openId, '你好'), query), 401, openId);
    expect(rejectionLogged(/signature, timestamp or nonce missing/)).toBe(true);
  });

  it('a message signed with the wrong token (401)', async () => {
    const openId = newOpenId();
    await expectRefused(await postPlain(setup.server.url, textXml(openId, '你好'), signedQuery({ token: 'not-ours' })), 401, openId);
  });

  it('a correctly signed message whose timestamp is more than 5 minutes old (replay, 401)', async () => {
    const openId = newOpenId();
    const stale = String(Math.floor(Date.now() / 1000) - 301);
    await expectRefused(await postPlain(setup.server.url, textXml(openId, '你好'), signedQuery({ timestamp: stale })), 401, openId);
    expect(rejectionLogged(/replayed/)).toBe(true);
  });

  it('a safe-mode message with a wrong msg_signature (401)', async () => {
    const openId = newOpenId();
    const encrypt = encryptMessage(textXml(openId, '你好'), decodeAesKey(TEST_WECHAT.encodingAesKey), TEST_WECHAT.appId);
    const query = signedQuery({}, { encrypt_type: 'aes', msg_signature: sha1Signature(['x', 'y', 'z', encrypt]) });
    const res = await postPlain(setup.server.url, `<xml><ToUserName>${cdata(TEST_WECHAT.account)}</ToUserName><Encrypt>${cdata(encrypt)}</Encrypt></xml>`, query);
    await expectRefused(res, 401, openId);
  });

  it('a body over 64 KiB (413)', async () => {
    const openId = newOpenId();
    await expectRefused(await postPlain(setup.server.url, textXml(openId, '长'.repeat(23_000))), 413, openId);
  });

  it('malformed XML (400)', async () => {
    const openId = newOpenId();
    await expectRefused(await postPlain(setup.server.url, `<xml><FromUserName>${openId}</FromUserName><Content>x</xml>`), 400, openId);
  });

  it('XML with a DOCTYPE and entities, without expanding them (400)', async () => {
    const openId = newOpenId();
    const bomb = `<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${textXml(openId, '&b;')}`;
    await expectRefused(await postPlain(setup.server.url, bomb), 400, openId);
    expect(rejectionLogged(/DOCTYPE/)).toBe(true);
  });

  it('a message missing required fields (400)', async () => {
    const openId = newOpenId();
    await expectRefused(await postPlain(setup.server.url, `<xml><FromUserName>${cdata(openId)}</FromUserName><MsgType>${cdata('text')}</MsgType></xml>`), 400, openId);
  });

  it('a location message without coordinates (400)', async () => {
    const openId = newOpenId();
    await expectRefused(await postPlain(setup.server.url, messageXml(openId, { MsgType: 'location', Label: '某地', MsgId: newMsgId() })), 400, openId);
  });

  it('a safe-mode message encrypted for another account\'s appid (400)', async () => {
    const openId = newOpenId();
    await expectRefused(await postSafe(setup.server.url, textXml(openId, '你好'), { appId: 'wx0000000000000000' }), 400, openId);
  });

  it('an encrypted body that is not valid ciphertext (400)', async () => {
    const openId = newOpenId();
    const encrypt = Buffer.alloc(48, 1).toString('base64');
    const query = signedQuery();
    query.set('encrypt_type', 'aes');
    query.set('msg_signature', sha1Signature([TEST_WECHAT.token, query.get('timestamp') ?? '', query.get('nonce') ?? '', encrypt]));
    await expectRefused(await postPlain(setup.server.url, `<xml><Encrypt>${cdata(encrypt)}</Encrypt></xml>`, query), 400, openId);
  });

  it('and still answers a good message afterwards', async () => {
    const res = await postPlain(setup.server.url, textXml(newOpenId(), '你好'));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<MsgType><![CDATA[text]]></MsgType>');
  });
});

describe('GET /wechat refuses', () => {
  it('a verification request without a signature (401) or without echostr (400)', async () => {
    expect((await fetch(`${setup.server.url}/wechat?echostr=abc`)).status).toBe(401);
    expect((await fetch(`${setup.server.url}/wechat?${signedQuery()}`)).status).toBe(400);
  });
});

describe('with safe mode configured and plaintext not allowed (the default)', () => {
  let strict: TestServer;

  beforeAll(async () => {
    strict = await startTestServer(wechatEnv(setup.api.url, { WECHAT_ALLOW_PLAINTEXT: 'false' }));
  });

  afterAll(async () => {
    await strict?.close();
  });

  it('refuses a correctly signed plaintext message (its body is not signed) but answers encrypted ones', async () => {
    const res = await postPlain(strict.url, textXml(newOpenId(), '你好'));
    expect(res.status).toBe(401);
    expect((await postSafe(strict.url, textXml(newOpenId(), '你好'))).status).toBe(200);
  });
});
