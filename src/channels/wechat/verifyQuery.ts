/**
 * Checks the query string WeChat signs every callback with (Access Overview, step 2:
 * https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Access_Overview.html):
 * `signature` = sha1(sort(token, timestamp, nonce)). Also refuses timestamps outside a replay
 * window: a captured request can otherwise be re-sent for ever, since the signature covers no body.
 */
import { z } from 'zod';
import { unauthorized } from './wechatRejection';
import { verifySignature } from './wechatSignature';

export const REPLAY_WINDOW_SECONDS = 5 * 60;

export const wechatQuerySchema = z.object({
  signature: z.string().max(64).optional(),
  timestamp: z.string().max(20).optional(),
  nonce: z.string().max(64).optional(),
  echostr: z.string().max(1024).optional(),
  openid: z.string().max(128).optional(),
  encrypt_type: z.string().max(16).optional(),
  msg_signature: z.string().max(64).optional(),
});

export type WeChatQuery = z.output<typeof wechatQuerySchema>;

export interface VerifiedQuery {
  timestamp: string;
  nonce: string;
  /** Safe or compatible mode: the body carries <Encrypt> and the reply must be encrypted. */
  encrypted: boolean;
  msgSignature?: string;
  echostr?: string;
}

export function verifyQuery(raw: unknown, token: string, nowSeconds: number): VerifiedQuery {
  const parsed = wechatQuerySchema.safeParse(raw ?? {});
  if (!parsed.success) throw unauthorized('query string does not have the shape WeChat signs');
  const { signature, timestamp, nonce, encrypt_type: encryptType, msg_signature: msgSignature, echostr } = parsed.data;
  if (!signature || !timestamp || !nonce) throw unauthorized('signature, timestamp or nonce missing');
  if (!verifySignature(token, timestamp, nonce, signature)) throw unauthorized('signature does not match WECHAT_TOKEN');
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > REPLAY_WINDOW_SECONDS) {
    throw unauthorized('timestamp more than 5 minutes off (replayed request?)');
  }
  const encrypted = encryptType?.toLowerCase() === 'aes';
  if (encryptType && !encrypted && encryptType.toLowerCase() !== 'raw') throw unauthorized(`unknown encrypt_type ${encryptType}`);
  return { timestamp, nonce, encrypted, msgSignature, echostr };
}
