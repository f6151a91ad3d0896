/** Builds requests exactly as WeChat's servers send them, for HTTP tests of /wechat. */
import { randomUUID } from 'node:crypto';
import { cdata } from '../../../src/channels/wechat/replyXml';
import { decodeAesKey, decryptMessage, encryptMessage } from '../../../src/channels/wechat/wechatCrypto';
import { parseWeChatXml, type WeChatFields } from '../../../src/channels/wechat/parseWeChatXml';
import { sha1Signature } from '../../../src/channels/wechat/wechatSignature';

export const TEST_WECHAT = {
  token: 'bankbotTestToken',
  appId: 'wx1234567890abcdef',
  secret: 'test-app-secret',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  account: 'gh_testbank',
};

export function wechatEnv(apiBase: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    WECHAT_TOKEN: TEST_WECHAT.token,
    WECHAT_APP_ID: TEST_WECHAT.appId,
    WECHAT_APP_SECRET: TEST_WECHAT.secret,
    WECHAT_ENCODING_AES_KEY: TEST_WECHAT.encodingAesKey,
    WECHAT_API_BASE: apiBase,
    // Most tests send both plaintext and safe-mode messages to one server.
    WECHAT_ALLOW_PLAINTEXT: 'true',
    ...extra,
  };
}

let msgCounter = BigInt(Date.now()) * 1000n;
export const newMsgId = () => String((msgCounter += 1n));
export const newOpenId = () => `o${randomUUID().replace(/-/g, '').slice(0, 27)}`;
const now = () => String(Math.floor(Date.now() / 1000));

export function messageXml(openId: string, fields: Record<string, string>): string {
  const body = Object.entries({ ToUserName: TEST_WECHAT.account, FromUserName: openId, CreateTime: now(), ...fields })
    .map(([k, v]) => (/^\d+$/.test(v) ? `<${k}>${v}</${k}>` : `<${k}>${cdata(v)}</${k}>`))
    .join('');
  return `<xml>${body}</xml>`;
}

export const textXml = (openId: string, content: string, msgId = newMsgId()) => messageXml(openId, { MsgType: 'text', Content: content, MsgId: msgId });

export interface SignedOptions {
  token?: string;
  timestamp?: string;
  nonce?: string;
}

export function signedQuery(options: SignedOptions = {}, extra: Record<string, string> = {}): URLSearchParams {
  const timestamp = options.timestamp ?? now();
  const nonce = options.nonce ?? String(Math.floor(Math.random() * 1e9));
  const signature = sha1Signature([options.token ?? TEST_WECHAT.token, timestamp, nonce]);
  return new URLSearchParams({ signature, timestamp, nonce, ...extra });
}

export function postPlain(baseUrl: string, xml: string, query = signedQuery()): Promise<Response> {
  return fetch(`${baseUrl}/wechat?${query}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: xml });
}

/** Safe mode: the body becomes <xml><ToUserName/><Encrypt/></xml>, signed with msg_signature. */
export function postSafe(baseUrl: string, xml: string, options: { compatible?: boolean; appId?: string } = {}): Promise<Response> {
  const key = decodeAesKey(TEST_WECHAT.encodingAesKey);
  const encrypt = encryptMessage(xml, key, options.appId ?? TEST_WECHAT.appId);
  const query = signedQuery();
  const msgSignature = sha1Signature([TEST_WECHAT.token, query.get('timestamp') ?? '', query.get('nonce') ?? '', encrypt]);
  query.set('encrypt_type', 'aes');
  query.set('msg_signature', msgSignature);
  const plainPart = options.compatible ? xml.replace(/^<xml>|<\/xml>$/g, '') : `<ToUserName>${cdata(TEST_WECHAT.account)}</ToUserName>`;
  return fetch(`${baseUrl}/wechat?${query}`, { method: 'POST', body: `<xml>${plainPart}<Encrypt>${cdata(encrypt)}</Encrypt></xml>` });
}

/** Checks an encrypted reply the way WeChat would (msg_signature, appid) and returns its fields. */
export function openSafeReply(xml: string): WeChatFields {
  const outer = parseWeChatXml(xml);
  const keys = { token: TEST_WECHAT.token, aesKey: decodeAesKey(TEST_WECHAT.encodingAesKey), appId: TEST_WECHAT.appId };
  const expected = sha1Signature([keys.token, outer.TimeStamp ?? '', outer.Nonce ?? '', outer.Encrypt ?? '']);
  if (expected !== outer.MsgSignature) throw new Error('reply MsgSignature does not verify');
  return parseWeChatXml(decryptMessage(outer.Encrypt ?? '', keys.aesKey, keys.appId));
}
