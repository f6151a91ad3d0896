/**
 * The XML we answer WeChat with.
 * - Plain text reply (被动回复用户消息 / Passive user reply message, "回复文本消息"):
 *   https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html
 * - Safe mode wraps it: <Encrypt>, <MsgSignature>, <TimeStamp>, <Nonce> (消息加解密说明, 技术方案):
 *   https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Message_encryption_and_decryption_instructions.html
 */
import { encryptMessage } from './wechatCrypto';
import { sha1Signature } from './wechatSignature';

/** CDATA cannot contain "]]>": split it across two sections so any text is carried verbatim. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export interface TextReply {
  /** The customer's OpenID (the inbound FromUserName). */
  toUser: string;
  /** The Official Account (the inbound ToUserName). */
  fromUser: string;
  createTime: number;
  content: string;
}

export function textReplyXml(reply: TextReply): string {
  return (
    `<xml><ToUserName>${cdata(reply.toUser)}</ToUserName><FromUserName>${cdata(reply.fromUser)}</FromUserName>` +
    `<CreateTime>${Math.floor(reply.createTime)}</CreateTime><MsgType>${cdata('text')}</MsgType>` +
    `<Content>${cdata(reply.content)}</Content></xml>`
  );
}

export interface SafeModeKeys {
  token: string;
  aesKey: Buffer;
  appId: string;
}

/** Encrypts a reply document and signs it with msg_signature = sha1(sort(token, timestamp, nonce, Encrypt)). */
export function encryptedReplyXml(plainXml: string, keys: SafeModeKeys, timestamp: string, nonce: string, random?: Buffer): string {
  const encrypt = encryptMessage(plainXml, keys.aesKey, keys.appId, random);
  const signature = sha1Signature([keys.token, timestamp, nonce, encrypt]);
  return (
    `<xml><Encrypt>${cdata(encrypt)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature>` +
    `<TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`
  );
}
