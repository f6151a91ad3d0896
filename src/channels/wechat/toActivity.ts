/**
 * Maps one validated WeChat message to what the adapter does with it: a Bot Framework activity
 * for the bot, a fixed notice, or nothing. Pure: no I/O, no clock.
 *
 * Identity (a design decision for every WeChat conversation): the conversation id is the
 * customer's OpenID (`FromUserName`), the recipient is the Official Account (`ToUserName`).
 */
import { ActivityTypes, type Activity } from 'botbuilder';
import { geoEntity } from '../location';
import type { WeChatMessage } from './wechatMessage';
import { WeChatNotice, type WeChatNoticeId } from './wechatNotices';

export const WECHAT_CHANNEL_ID = 'wechat';

export type Inbound =
  | { kind: 'turn'; activity: Partial<Activity> }
  | { kind: 'notice'; notice: WeChatNoticeId }
  /**
   * A picture: what it becomes needs I/O (is a person serving this customer? fetch it from
   * WeChat), so `WeChatImages` decides: an attachment for the agent, or the text-only notice.
   */
  | { kind: 'image'; mediaId: string; activity: Partial<Activity> }
  | { kind: 'ignore'; reason: string }
  /** A message of a known type without its required fields: answered 400. */
  | { kind: 'invalid'; reason: string };

/** Media the bot cannot read: answered politely, never sent to the bot (a picture only reaches an agent). */
const MEDIA_TYPES = new Set(['image', 'video', 'shortvideo', 'link', 'file', 'music']);

function baseActivity(message: WeChatMessage, type: string): Partial<Activity> {
  const openId = message.FromUserName;
  return {
    type,
    id: message.MsgId ?? `${openId}:${message.CreateTime}`,
    channelId: WECHAT_CHANNEL_ID,
    timestamp: new Date(Number(message.CreateTime) * 1000),
    from: { id: openId, name: '', role: 'user' },
    recipient: { id: message.ToUserName, name: '', role: 'bot' },
    conversation: { id: openId, isGroup: false, conversationType: 'personal', name: '' },
    locale: 'zh-CN',
    channelData: { msgType: message.MsgType, ...(message.MsgId ? { msgId: message.MsgId } : {}) },
  };
}

function textTurn(message: WeChatMessage, text: string): Inbound {
  return { kind: 'turn', activity: { ...baseActivity(message, ActivityTypes.Message), text } };
}

function locationTurn(message: WeChatMessage): Inbound {
  if (message.Location_X === undefined || message.Location_Y === undefined) return { kind: 'invalid', reason: 'location without Location_X/Location_Y' };
  const latitude = Number(message.Location_X);
  const longitude = Number(message.Location_Y);
  const label = message.Label?.trim() || undefined;
  // WeChat: Location_X is the latitude, Location_Y the longitude. The text stays empty so that
  // the NLU does not classify a street address; the branch flow reads the GeoCoordinates entity.
  return {
    kind: 'turn',
    activity: { ...baseActivity(message, ActivityTypes.Message), text: '', entities: [geoEntity(latitude, longitude, label)] },
  };
}

function eventTurn(message: WeChatMessage): Inbound {
  if (message.Event?.toLowerCase() !== 'subscribe') return { kind: 'ignore', reason: `event ${message.Event ?? '(none)'}` };
  // A new follower: the same conversationUpdate every channel sends when a user joins, so the bot
  // greets them with its usual welcome.
  const activity = baseActivity(message, ActivityTypes.ConversationUpdate);
  return { kind: 'turn', activity: { ...activity, membersAdded: [{ id: message.FromUserName, name: '' }] } };
}

/** One handler per WeChat MsgType (a table, not a switch: adding a type adds a line). */
const HANDLERS: Record<string, (message: WeChatMessage) => Inbound> = {
  text: (m) => (m.Content?.trim() ? textTurn(m, m.Content) : { kind: 'ignore', reason: 'empty text' }),
  voice: (m) => (m.Recognition?.trim() ? textTurn(m, m.Recognition) : { kind: 'notice', notice: WeChatNotice.VoiceUnrecognized }),
  location: locationTurn,
  event: eventTurn,
  // 图片消息 (PicUrl, MediaId). The text stays empty; an agent sees the picture, the bot never does.
  image: (m) => (m.MediaId ? { kind: 'image', mediaId: m.MediaId, activity: { ...baseActivity(m, ActivityTypes.Message), text: '' } } : { kind: 'notice', notice: WeChatNotice.TextOnly }),
};

export function toActivity(message: WeChatMessage): Inbound {
  const handler = Object.hasOwn(HANDLERS, message.MsgType) ? HANDLERS[message.MsgType] : undefined;
  if (handler) return handler(message);
  if (MEDIA_TYPES.has(message.MsgType)) return { kind: 'notice', notice: WeChatNotice.TextOnly };
  return { kind: 'ignore', reason: `message type ${message.MsgType}` };
}
