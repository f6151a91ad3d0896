/**
 * Turns the bot's reply activities into WeChat text messages. WeChat's passive reply and
 * customer-service text messages carry plain text only (Passive user reply message:
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html),
 * so buttons become numbered lines the customer answers with a digit ("回复 1 …"), and the
 * values behind the numbers are returned so the adapter can map the digit back.
 */
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { splitText } from './splitText';

/**
 * WeChat's text limit. The Official Account docs give no figure; 2048 bytes of UTF-8 is the limit
 * commonly reported for both passive replies and customer-service text (longer text is cut or
 * refused with errcode 45002, "content size out of limit"), so every piece stays within it.
 */
export const WECHAT_TEXT_MAX_BYTES = 2048;

export interface RenderedReplies {
  /** Each entry is one WeChat text message, already within the byte limit. */
  messages: string[];
  /** The value behind each number shown ("1" is index 0); empty when the replies offer none. */
  choices: string[];
}

const cardSchema = z.object({
  title: z.string().optional(),
  subtitle: z.string().optional(),
  text: z.string().optional(),
  buttons: z.array(z.object({ type: z.string(), title: z.string().optional(), value: z.unknown() }).passthrough()).optional(),
});

/** The part of a Bot Framework CardAction we render; card buttons arrive as untyped JSON. */
interface ActionLike {
  type: string;
  title?: string;
  value?: unknown;
}

function choiceValue(action: ActionLike): string {
  return typeof action.value === 'string' && action.value.trim() !== '' ? action.value : (action.title ?? '');
}

function actionLines(actions: readonly ActionLike[], choices: string[], english: boolean): string[] {
  const lines: string[] = [];
  for (const action of actions) {
    if (action.type === 'openUrl' && typeof action.value === 'string') {
      lines.push(`${action.title ?? ''} ${action.value}`.trim());
      continue;
    }
    const value = choiceValue(action);
    if (!value) continue;
    choices.push(value);
    lines.push(`${english ? 'Reply' : '回复'} ${choices.length} ${action.title || value}`);
  }
  return lines;
}

function cardLines(activity: Partial<Activity>, choices: string[], english: boolean): string[] {
  const lines: string[] = [];
  for (const attachment of activity.attachments ?? []) {
    const card = cardSchema.safeParse(attachment.content);
    if (!card.success) continue;
    const { title, subtitle, text, buttons } = card.data;
    lines.push(...[title, subtitle, text].filter((t): t is string => Boolean(t?.trim())));
    lines.push(...actionLines(buttons ?? [], choices, english));
  }
  return lines;
}

export function renderReplies(activities: Array<Partial<Activity>>, maxBytes = WECHAT_TEXT_MAX_BYTES): RenderedReplies {
  const messages: string[] = [];
  const choices: string[] = [];
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    const english = (activity.locale ?? '').toLowerCase().startsWith('en');
    const head = activity.text?.trim() ? [activity.text.trim()] : [];
    const cards = cardLines(activity, choices, english);
    const actions = actionLines(activity.suggestedActions?.actions ?? [], choices, english);
    const body = [...head, ...cards].join('\n');
    const text = actions.length > 0 ? [body, actions.join('\n')].filter(Boolean).join('\n\n') : body;
    if (text.trim() !== '') messages.push(...splitText(text, maxBytes));
  }
  return { messages, choices };
}

/** "1", "１", " 2 " → the value behind that number, if the last replies offered it. */
export function resolveChoice(text: string, choices: readonly string[]): string | undefined {
  const halfWidth = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{1,2}$/.test(halfWidth)) return undefined;
  return choices[Number(halfWidth) - 1];
}
