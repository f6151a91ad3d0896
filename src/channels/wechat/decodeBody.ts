/**
 * From the verified request body to a validated WeChat message, in the three modes the
 * Official Account admin console offers (消息加解密说明 / Message encryption and decryption:
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html):
 * - plaintext (明文模式): the message XML itself;
 * - safe (安全模式, `encrypt_type=aes`): <xml><ToUserName/><Encrypt/></xml>, checked with
 *   msg_signature, then decrypted;
 * - compatible (兼容模式): plaintext fields *and* <Encrypt>, also with `encrypt_type=aes`; we use
 *   only the encrypted copy, which is the signed one.
 */
import { badRequest, unauthorized } from './wechatRejection';
import { decryptMessage, WeChatCryptoError } from './wechatCrypto';
import { encryptedEnvelopeSchema, wechatMessageSchema, type WeChatMessage } from './wechatMessage';
import { parseWeChatXml, WeChatXmlError, type WeChatFields } from './parseWeChatXml';
import type { SafeModeKeys } from './replyXml';
import type { VerifiedQuery } from './verifyQuery';
import { verifyMsgSignature } from './wechatSignature';

function parseOrReject(xml: string): WeChatFields {
  try {
    return parseWeChatXml(xml);
  } catch (err) {
    if (err instanceof WeChatXmlError) throw badRequest(err.message);
    throw err;
  }
}

function decrypt(fields: WeChatFields, query: VerifiedQuery, keys: SafeModeKeys | undefined): WeChatFields {
  if (!keys) throw badRequest('encrypted message but WECHAT_ENCODING_AES_KEY / WECHAT_APP_ID are not configured');
  const envelope = encryptedEnvelopeSchema.safeParse(fields);
  if (!envelope.success) throw badRequest('encrypted request without <Encrypt>');
  const { Encrypt: encrypt, ToUserName: outerTo } = envelope.data;
  if (!verifyMsgSignature(keys.token, query.timestamp, query.nonce, encrypt, query.msgSignature)) {
    throw unauthorized('msg_signature missing or does not match');
  }
  let inner: WeChatFields;
  try {
    inner = parseOrReject(decryptMessage(encrypt, keys.aesKey, keys.appId));
  } catch (err) {
    if (err instanceof WeChatCryptoError) throw badRequest(err.message);
    throw err;
  }
  if (outerTo && inner.ToUserName && outerTo !== inner.ToUserName) throw badRequest('outer and encrypted ToUserName differ');
  return inner;
}

export function decodeBody(body: string, query: VerifiedQuery, keys: SafeModeKeys | undefined): WeChatMessage {
  const outer = parseOrReject(body);
  const fields = query.encrypted ? decrypt(outer, query, keys) : outer;
  const message = wechatMessageSchema.safeParse(fields);
  if (!message.success) {
    const problems = message.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw badRequest(`not a WeChat message: ${problems}`);
  }
  return message.data;
}
