/**
 * The inbound messages and events we act on, validated with zod. Field names and types follow
 * the Official Account docs:
 * - 接收普通消息 / Receiving standard messages:
 *   https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_standard_messages.html
 * - 接收事件推送 / Receiving event pushes:
 *   https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Receiving_event_pushes.html
 * Type-specific fields are optional here; `toActivity` decides what a missing one means.
 */
import { z } from 'zod';

const id = z.string().min(1).max(128);
const digits = z.string().regex(/^\d{1,20}$/, 'expected an integer');
const decimal = z.string().regex(/^-?\d{1,3}(\.\d{1,12})?$/, 'expected a decimal degree');

export const wechatMessageSchema = z.object({
  ToUserName: id,
  FromUserName: id,
  CreateTime: digits,
  MsgType: z.string().min(1).max(32),
  MsgId: digits.optional(),
  Content: z.string().max(16 * 1024).optional(),
  Recognition: z.string().max(4096).optional(),
  Location_X: decimal.optional(),
  Location_Y: decimal.optional(),
  Label: z.string().max(512).optional(),
  /** image: WeChat's CDN address of the picture. Never fetched (see wechatImages.ts): MediaId is. */
  PicUrl: z.string().max(2048).optional(),
  /** image, voice, video: the id to fetch the file with from /cgi-bin/media/get (kept 3 days by WeChat). */
  MediaId: z.string().min(1).max(256).optional(),
  Event: z.string().max(64).optional(),
  EventKey: z.string().max(512).optional(),
});

export type WeChatMessage = z.output<typeof wechatMessageSchema>;

/** What safe mode wraps around the encrypted message (the outer document). */
export const encryptedEnvelopeSchema = z.object({
  ToUserName: id.optional(),
  Encrypt: z.string().min(1).max(64 * 1024),
});

/**
 * The dedupe key WeChat recommends: "有msgid的消息推荐使用msgid排重。事件类型消息推荐使用
 * FromUserName + CreateTime 排重" (Passive user reply message page).
 */
export function dedupeKeyOf(message: WeChatMessage): string {
  return message.MsgId ? `msg:${message.MsgId}` : `evt:${message.FromUserName}:${message.CreateTime}`;
}
