import { el } from './el';
import { fileSentLabel } from './fileCheck';
import type { WidgetStrings } from './strings';
import { agentName, heroCardSchema, type CardAction, type HeroCard, type WireActivity } from './wireTypes';

export interface RenderContext {
  strings: WidgetStrings;
  onAction(action: CardAction): void;
}

const HERO_TYPES = new Set(['application/vnd.microsoft.card.hero', 'application/vnd.microsoft.card.thumbnail']);

/** Bold (`**x**`) and http(s) links are the only formatting we honour, each built as DOM, never parsed as HTML. */
const INLINE = /(\*\*[^*\n]+\*\*|https?:\/\/[^\s<>"'）)]+)/g;

export function renderText(text: string): HTMLElement {
  const span = el('span');
  for (const part of text.split(INLINE)) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) span.append(el('strong', {}, [part.slice(2, -2)]));
    else if (/^https?:\/\//.test(part)) span.append(el('a', { href: part, target: '_blank', rel: 'noopener noreferrer' }, [part]));
    else span.append(document.createTextNode(part));
  }
  return span;
}

export function formatTime(timestamp: string | undefined, locale: string): string {
  const date = timestamp ? new Date(timestamp) : new Date();
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
}

/** What a user activity shows: its text, a label for a shared location, or the files sent. */
export function userLabel(a: WireActivity, strings: WidgetStrings): string | undefined {
  if (a.text) return a.text;
  if (a.entities?.some((e) => e.type === 'GeoCoordinates')) return strings.sharedLocation;
  if (a.attachments?.length) return a.attachments.map((f) => fileSentLabel(f.name ?? '', strings)).join('\n');
  return undefined;
}

/** A message row (bubble, cards, time) for a bot, agent or user message; undefined when nothing to show. */
export function renderMessage(a: WireActivity, isUser: boolean, ctx: RenderContext): HTMLElement | undefined {
  const row = el('div', { class: `row ${isUser ? 'user' : 'bot'}` });
  const text = isUser ? userLabel(a, ctx.strings) : a.text;
  const agent = isUser ? undefined : agentName(a);
  const who = isUser ? ctx.strings.you : agent ? `${ctx.strings.agent} ${agent}` : a.from?.name && a.from.role !== 'bot' ? a.from.name : ctx.strings.bot;
  if (agent) {
    // A person, not the assistant: said visibly on the message, and read out as such.
    row.classList.add('agent');
    row.append(el('div', { class: 'sender' }, [`${ctx.strings.agent} · ${agent}`]));
  } else row.append(el('span', { class: 'sr-only' }, [`${who}:`]));
  if (text) row.append(el('div', { class: 'bubble' }, [renderText(text)]));
  for (const attachment of isUser ? [] : (a.attachments ?? [])) {
    const card = heroCardSchema.safeParse(attachment.content);
    if (HERO_TYPES.has(attachment.contentType) && card.success) row.append(renderHeroCard(card.data, ctx));
    else row.append(el('div', { class: 'bubble' }, [attachment.name ?? ctx.strings.unsupported]));
  }
  if (row.childElementCount === 1) return undefined;
  row.append(el('div', { class: 'meta' }, [formatTime(a.timestamp, ctx.strings.locale)]));
  return row;
}

function renderHeroCard(card: HeroCard, ctx: RenderContext): HTMLElement {
  const image = card.images?.find((i) => /^(https:|\/)/.test(i.url));
  const body = el('div', { class: 'card-body' }, [
    card.title ? el('p', { class: 'card-title' }, [card.title]) : null,
    card.subtitle ? el('p', { class: 'card-subtitle' }, [card.subtitle]) : null,
    card.text ? el('p', { class: 'card-text' }, [renderText(card.text)]) : null,
  ]);
  const buttons = (card.buttons ?? []).map((action) => actionButton(action, ctx));
  return el('div', { class: 'card' }, [
    image ? el('img', { src: image.url, alt: image.alt ?? '' }) : null,
    body,
    buttons.length ? el('div', { class: 'card-buttons' }, buttons) : null,
  ]);
}

export function actionButton(action: CardAction, ctx: RenderContext): HTMLButtonElement {
  const label = action.title ?? (typeof action.value === 'string' ? action.value : '');
  const button = el('button', { type: 'button' }, [label]);
  button.addEventListener('click', () => ctx.onAction(action));
  return button;
}

export function typingIndicator(strings: WidgetStrings): HTMLElement {
  return el('div', { class: 'row bot', role: 'status' }, [
    el('div', { class: 'typing', 'aria-label': strings.typing }, [el('span'), el('span'), el('span')]),
  ]);
}
