/**
 * Turns the bot's reply activities into WeChat text messages. WeChat's passive reply and
 * customer-service text messages carry plain text only (Passive user reply message:
 * https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Passive_user_reply_message.html),
 * so buttons become numbered lines the customer answers with a digit ("回复 1 …"). The digit
 * reaches the bot unchanged: its choice matcher (dialogs/choiceMatcher.ts) reads "1" as the first
 * option offered, which is the first line numbered here. (Rewriting the digit into the option's
 * label here was tried and dropped: a label such as "U盾（USB Key）" made the bot switch language.)
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

/** One bot message as WeChat text; its numbers start at 1, as the bot's own numbered lists do. */
function renderOne(activity: Partial<Activity>): string {
  const choices: string[] = [];
  const english = (activity.locale ?? '').toLowerCase().startsWith('en');
  const head = activity.text?.trim() ? [activity.text.trim()] : [];
  const cards = cardLines(activity, choices, english);
  const numberedBefore = choices.length;
  const offered = activity.suggestedActions?.actions ?? [];
  const actions = actionLines(offered, choices, english);
  const body = [...head, ...cards].join('\n');
  const show = actions.length > 0 && !listsActions(body, offered, numberedBefore);
  return show ? [body, actions.join('\n')].filter(Boolean).join('\n\n') : body;
}

/** Each entry of the result is one WeChat text message, already within the byte limit. */
export function renderReplies(activities: Array<Partial<Activity>>, maxBytes = WECHAT_TEXT_MAX_BYTES): string[] {
  const messages: string[] = [];
  for (const activity of activities) {
    if (activity.type !== 'message') continue;
    const text = renderOne(activity);
    if (text.trim() !== '') messages.push(...splitText(text, maxBytes));
  }
  return messages;
}

/**
 * True when the bot's text already lists the options as "1. 北京" lines with our numbers (the
 * dialogs do so for every channel): the "回复 n" lines would then only repeat them.
 */
function listsActions(text: string, actions: readonly ActionLike[], firstNumber: number): boolean {
  const listed = new Map<number, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d{1,2})\s*[.、．)）]\s*(.+?)\s*$/.exec(line);
    if (m) listed.set(Number(m[1]), m[2]);
  }
  return actions.every((action, i) => listed.get(firstNumber + i + 1) === (action.title ?? choiceValue(action)));
}
