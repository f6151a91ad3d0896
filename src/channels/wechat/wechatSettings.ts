import type { Config } from '../../config';
import { decodeAesKey } from './wechatCrypto';
import type { SafeModeKeys } from './replyXml';

export const WECHAT_BODY_LIMIT = 64 * 1024;

export interface WeChatSettings {
  token: string;
  appId: string;
  appSecret: string;
  apiBase: string;
  budgetMs: number;
  /** Present when WECHAT_ENCODING_AES_KEY is set: safe and compatible mode are available. */
  safeMode?: SafeModeKeys;
  /**
   * Plaintext mode signs only the query, not the body: anyone who sees one request can post any
   * message as whichever customer they choose for the next 5 minutes. So once a key is configured (the account runs
   * in safe or compatible mode, where every message is encrypted) unencrypted ones are refused.
   */
  acceptPlaintext: boolean;
}

/** Reads the channel's settings; a malformed EncodingAESKey stops the app at start, not at the first message. */
export function wechatSettings(config: Config): WeChatSettings {
  const encodingAesKey = config.WECHAT_ENCODING_AES_KEY;
  return {
    acceptPlaintext: !encodingAesKey || config.WECHAT_ALLOW_PLAINTEXT,
    token: config.WECHAT_TOKEN,
    appId: config.WECHAT_APP_ID,
    appSecret: config.WECHAT_APP_SECRET,
    apiBase: config.WECHAT_API_BASE,
    budgetMs: config.WECHAT_REPLY_BUDGET_MS,
    safeMode: encodingAesKey
      ? { token: config.WECHAT_TOKEN, aesKey: decodeAesKey(encodingAesKey), appId: config.WECHAT_APP_ID }
      : undefined,
  };
}
