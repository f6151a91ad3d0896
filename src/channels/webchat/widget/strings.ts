/** Interface text of the widget, one table per language (the bot's replies come from the bot). */
export interface WidgetStrings {
  locale: string;
  title: string;
  subtitle: string;
  open: string;
  close: string;
  restart: string;
  placeholder: string;
  send: string;
  shareLocation: string;
  sharedLocation: string;
  locationDenied: string;
  typing: string;
  sending: string;
  failed: string;
  retry: string;
  reconnecting: string;
  starting: string;
  startFailed: string;
  newConversation: string;
  you: string;
  bot: string;
  suggestions: string;
  unsupported: string;
  privacy: string;
  /** "人工客服 / Agent": shown in the header and on each message while a person answers. */
  agent: string;
  /** The attach button, shown only while a person answers ({max}: the size limit in MB). */
  attach: string;
  fileTooBig: string;
  fileWrongType: string;
  /** The customer's own message for a file they sent ({name}: the file's name). */
  fileSent: string;
}

const zh: WidgetStrings = {
  locale: 'zh-CN',
  title: '在线客服',
  subtitle: '智能助手 · 7×24 小时',
  open: '打开在线客服',
  close: '收起对话窗口',
  restart: '开始新的对话',
  placeholder: '请输入您的问题…',
  send: '发送',
  shareLocation: '发送我的位置（查找附近网点）',
  sharedLocation: '📍 已发送我的位置',
  locationDenied: '无法获取位置：请在浏览器中允许定位，或直接输入您所在的城市。',
  typing: '正在输入…',
  sending: '发送中…',
  failed: '发送失败',
  retry: '重试',
  reconnecting: '网络连接中断，正在重新连接…',
  starting: '正在连接客服…',
  startFailed: '暂时无法连接客服，请稍后再试。',
  newConversation: '已开始新的对话。',
  you: '我',
  bot: '客服助手',
  suggestions: '建议的回复',
  unsupported: '[暂不支持显示的内容]',
  privacy: '请勿在对话中发送密码、验证码或完整卡号。',
  agent: '人工客服',
  attach: '发送图片或 PDF 给人工客服（{max} MB 以内）',
  fileTooBig: '文件没有发送：超过 {max} MB。请选择 {max} MB 以内的图片或 PDF。',
  fileWrongType: '文件没有发送：只能发送图片（PNG、JPEG、GIF、WebP）或 PDF。',
  fileSent: '附件：{name}',
};

const en: WidgetStrings = {
  locale: 'en-US',
  title: 'Customer service',
  subtitle: 'Virtual assistant · 24/7',
  open: 'Open customer service chat',
  close: 'Minimise chat',
  restart: 'Start a new conversation',
  placeholder: 'Type your question…',
  send: 'Send',
  shareLocation: 'Share my location (find a branch nearby)',
  sharedLocation: '📍 Shared my location',
  locationDenied: 'Could not get your location: allow location access in the browser, or type your city.',
  typing: 'Typing…',
  sending: 'Sending…',
  failed: 'Not sent',
  retry: 'Retry',
  reconnecting: 'Connection lost, reconnecting…',
  starting: 'Connecting…',
  startFailed: 'The chat is unavailable right now. Please try again later.',
  newConversation: 'A new conversation has started.',
  you: 'You',
  bot: 'Assistant',
  suggestions: 'Suggested replies',
  unsupported: '[content that cannot be shown here]',
  privacy: 'Never send passwords, one-time codes or full card numbers in the chat.',
  agent: 'Agent',
  attach: 'Send an image or PDF to the agent (up to {max} MB)',
  fileTooBig: 'File not sent: it is larger than {max} MB. Choose an image or PDF up to {max} MB.',
  fileWrongType: 'File not sent: only images (PNG, JPEG, GIF, WebP) and PDF files can be sent.',
  fileSent: 'Attachment: {name}',
};

/** `data-lang` on the script tag wins, then the page's `lang`; anything not Chinese is English. */
export function pickStrings(dataLang: string | null | undefined, pageLang: string): WidgetStrings {
  const lang = (dataLang || pageLang || 'zh').toLowerCase();
  return lang.startsWith('zh') ? zh : en;
}
