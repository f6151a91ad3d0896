import { toSimplified, toTraditional } from '../nlu/chineseConverters';
import type { CustomerScript } from './handoverRecord';

/**
 * What the handover subsystem says to customers, written twice (zh, en); traditional Chinese is
 * generated from the simplified text with opencc-js, as the dialogs' catalogue does. To move into
 * the shared reply catalogue (src/i18n) once it exists; `{name}` placeholders are filled in after
 * conversion, so names are never converted.
 */
export const HANDOVER_TEXTS = {
  queued: {
    zh: '正在为您转接人工客服，您目前排在第 {position} 位。请稍候；回复“取消”可退出排队。',
    en: 'Connecting you to a customer-service agent. You are number {position} in the queue. Reply "cancel" to leave the queue.',
  },
  queuedUrgent: {
    zh: '已为您加急转接人工客服，您目前排在第 {position} 位。如需立即冻结账户，请同时拨打银行卡背面的24小时客服电话。回复“取消”可退出排队。',
    en: 'Connecting you to an agent as URGENT. You are number {position} in the queue. To freeze your account right away, also call the 24-hour number on the back of your card. Reply "cancel" to leave the queue.',
  },
  stillQueued: {
    zh: '您的留言客服接入后可以看到。您目前排在第 {position} 位；回复“取消”可退出排队。',
    en: 'The agent will see your message when they join. You are number {position} in the queue; reply "cancel" to leave.',
  },
  positionChanged: {
    zh: '您现在排在第 {position} 位，请稍候。',
    en: 'You are now number {position} in the queue.',
  },
  left: {
    zh: '已为您退出排队。还有什么可以帮您？',
    en: 'You have left the queue. What else can I help you with?',
  },
  closedHours: {
    zh: '人工客服的服务时间为 {hours}，现在暂时无人接听。您可以留言，并留下电话或邮箱，我们会尽快联系您；回复“取消”则不留言。',
    en: 'Our agents work {hours}; nobody can answer right now. You can leave a message with a phone number or e-mail and we will contact you. Reply "cancel" to skip.',
  },
  noAgents: {
    zh: '抱歉，目前没有空闲的人工客服。您可以留言，并留下电话或邮箱，我们会尽快联系您；回复“取消”则不留言。',
    en: 'Sorry, no agent is available right now. You can leave a message with a phone number or e-mail and we will contact you. Reply "cancel" to skip.',
  },
  closedUrgent: {
    zh: '已为您加急转接人工客服，但现在没有客服能接听（服务时间 {hours}）。如需冻结账户，请立即拨打银行卡背面的24小时客服电话。您也可以留言，并留下电话或邮箱，我们会尽快联系您；回复“取消”则不留言。',
    en: 'We tried to reach an agent urgently, but nobody can answer right now (hours: {hours}). To freeze your account, call the 24-hour number on the back of your card now. You can also leave a message with a phone number or e-mail. Reply "cancel" to skip.',
  },
  waitTimeout: {
    zh: '抱歉让您久等了，暂时没有客服能接入。您可以直接留言，并留下电话或邮箱，我们会尽快联系您；回复“取消”则不留言。',
    en: 'Sorry for the wait: no agent could take your conversation. You can leave a message with a phone number or e-mail and we will contact you. Reply "cancel" to skip.',
  },
  askContact: {
    zh: '已记下您的留言。请留下可以联系到您的电话或邮箱。',
    en: 'Got your message. Please leave a phone number or e-mail where we can reach you.',
  },
  ticketCreated: {
    zh: '您的留言已提交（编号 {ticket}），我们会尽快联系您。',
    en: 'Your message has been filed (reference {ticket}). We will contact you soon.',
  },
  ticketSkipped: {
    zh: '好的，不留言了。还有什么可以帮您？',
    en: 'All right, no message. What else can I help you with?',
  },
  agentJoined: {
    zh: '客服 {agent} 已接入，请问有什么可以帮您？',
    en: 'Agent {agent} has joined. How can we help you?',
  },
  agentLeft: {
    zh: '抱歉，客服已离线，您的消息没有送达。您已回到智能助手；如需人工服务，请再次回复“转人工”。',
    en: 'Sorry, the agent has gone offline and did not get your message. You are back with the assistant; say "agent" to wait for another person.',
  },
  ratePrompt: {
    zh: '本次人工服务已结束。请为客服的服务打分：回复 1（很不满意）到 5（非常满意）。',
    en: 'The conversation with our agent has ended. Please rate the help from 1 (poor) to 5 (excellent).',
  },
  ratingThanks: {
    zh: '感谢您的评价！还有什么可以帮您？',
    en: 'Thank you for your rating! What else can I help you with?',
  },
  backToBot: {
    zh: '客服已将对话交回智能助手，您可以继续向我提问。',
    en: 'The agent has handed you back to the assistant. Ask me anything.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type HandoverTextId = keyof typeof HANDOVER_TEXTS;

const traditional = new Map<HandoverTextId, string>();

function template(id: HandoverTextId, script: CustomerScript): string {
  if (script === 'en') return HANDOVER_TEXTS[id].en;
  if (script === 'zh-Hans') return HANDOVER_TEXTS[id].zh;
  let text = traditional.get(id);
  if (text === undefined) {
    text = toTraditional(HANDOVER_TEXTS[id].zh);
    traditional.set(id, text);
  }
  return text;
}

export function handoverText(id: HandoverTextId, script: CustomerScript, params: Record<string, string | number> = {}): string {
  return template(id, script).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** What a customer types to leave the queue or skip the message offer (after NFKC, simplified, lower-case). */
const CANCEL_WORDS = new Set(['取消', '取消排队', '退出', '退出排队', '不等了', '算了', '不用了', 'cancel', 'quit', 'stop', 'exit', 'no thanks']);

export function isCancel(text: string): boolean {
  const t = toComparable(text);
  return CANCEL_WORDS.has(t);
}

function toComparable(text: string): string {
  return toSimplified(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\s.,!?;:。，！？；：、"'“”‘’]+/g, ' ')
    .trim()
    .replace(/^(?:please )?(.*?)(?: please)?$/, '$1');
}
