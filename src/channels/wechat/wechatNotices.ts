/**
 * The few answers the WeChat adapter gives by itself, without a bot turn: to messages the bot
 * cannot read (pictures, video, voice without WeChat's speech recognition), and the apology when
 * a turn that missed the passive window fails. Bilingual because no
 * text tells us the customer's language. Written here, not in the bot's catalogue, because only
 * this channel produces these message types.
 */
export const WeChatNotice = {
  TextOnly: 'textOnly',
  VoiceUnrecognized: 'voiceUnrecognized',
  Busy: 'busy',
} as const;

export type WeChatNoticeId = (typeof WeChatNotice)[keyof typeof WeChatNotice];

export const NOTICE_TEXT: Record<WeChatNoticeId, string> = {
  textOnly: '抱歉，我目前只能看懂文字消息。请直接用文字告诉我您需要什么帮助。\nSorry, I can only read text messages for now. Please type your question.',
  voiceUnrecognized:
    '抱歉，这条语音我没能听清。请用文字告诉我您需要什么帮助。\nSorry, I could not make out that voice message. Please type your question.',
  busy: '抱歉，系统繁忙，您刚才的消息没有处理成功，请稍后再发一次。\nSorry, we are busy and could not handle your last message. Please send it again in a moment.',
};
