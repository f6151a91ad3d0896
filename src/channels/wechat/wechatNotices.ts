import type { ReplyKey } from '../../i18n/catalogueSchema';
import type { Localizer } from '../../i18n/localizer';

/**
 * The few answers the WeChat adapter gives by itself, without a bot turn: to messages the bot
 * cannot read (pictures outside a handover, video, voice without WeChat's speech recognition), the
 * apology for a picture that could not reach the agent, and the apology when a turn that missed
 * the passive window fails. The wording is in the shared reply catalogue
 * (`wechat.*` keys); the ids stay here because only this channel produces these message types.
 */
export const WeChatNotice = {
  TextOnly: 'textOnly',
  VoiceUnrecognized: 'voiceUnrecognized',
  Busy: 'busy',
  /** A picture sent to an agent that could not be fetched from WeChat or was refused (size, type). */
  ImageNotDelivered: 'imageNotDelivered',
} as const;

export type WeChatNoticeId = (typeof WeChatNotice)[keyof typeof WeChatNotice];

const NOTICE_KEY: Record<WeChatNoticeId, ReplyKey> = {
  textOnly: 'wechat.textOnly',
  voiceUnrecognized: 'wechat.voiceUnrecognized',
  busy: 'wechat.busy',
  imageNotDelivered: 'wechat.imageNotDelivered',
};

/**
 * Simplified Chinese, then English on the next line. Both, because no text of the customer's
 * tells us their language here (a picture, an unheard voice, a turn that failed), and most of
 * our WeChat customers read simplified Chinese.
 */
export function noticeText(localizer: Localizer, id: WeChatNoticeId): string {
  const key = NOTICE_KEY[id];
  return `${localizer.text({ script: 'zh-Hans', variant: 'tw' }, key)}\n${localizer.text({ script: 'en', variant: 'tw' }, key)}`;
}
