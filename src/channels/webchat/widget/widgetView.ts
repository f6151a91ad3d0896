import { ACCEPTED_TYPES } from '../../../attachments/attachmentLimits';
import { el, icon, ICONS } from './el';
import { attachLabel } from './fileCheck';
import type { WidgetStrings } from './strings';
import { WIDGET_CSS } from './styles';

/** The widget's DOM, built once inside a shadow root; the controller only fills and toggles it. */
export interface WidgetView {
  host: HTMLElement;
  launcher: HTMLButtonElement;
  badge: HTMLElement;
  panel: HTMLElement;
  status: HTMLElement;
  log: HTMLElement;
  suggestions: HTMLElement;
  input: HTMLTextAreaElement;
  send: HTMLButtonElement;
  locate: HTMLButtonElement;
  /** Shown while a person answers; opens the (invisible) file picker. */
  attach: HTMLButtonElement;
  file: HTMLInputElement;
  restart: HTMLButtonElement;
  minimise: HTMLButtonElement;
  title: HTMLElement;
  subtitle: HTMLElement;
}

/** Keeps messages well under the server's 4 KB text limit even in 3-byte CJK characters. */
export const MAX_INPUT_CHARS = 1000;

export function buildView(strings: WidgetStrings, brand: string, title: string): WidgetView {
  const host = el('div', { 'data-bankbot-widget': '' });
  const shadow = host.attachShadow({ mode: 'open' });
  const style = el('style');
  style.textContent = WIDGET_CSS;

  const badge = el('span', { class: 'badge', hidden: '' });
  const launcher = el('button', { type: 'button', class: 'launcher', 'aria-label': strings.open, 'aria-expanded': 'false', 'aria-controls': 'bb-panel' }, [
    icon(ICONS.chat, 22),
    el('span', {}, [title]),
    badge,
  ]);
  const restart = el('button', { type: 'button', class: 'icon-btn', 'aria-label': strings.restart, title: strings.restart }, [icon(ICONS.restart)]);
  const minimise = el('button', { type: 'button', class: 'icon-btn', 'aria-label': strings.close, title: strings.close }, [icon(ICONS.minimise)]);
  const titleId = 'bb-title';
  const titleEl = el('h2', { class: 'title', id: titleId }, [title]);
  const subtitle = el('p', { class: 'subtitle' }, [strings.subtitle]);
  const header = el('div', { class: 'header' }, [
    el('div', { class: 'avatar' }, [icon(ICONS.shield, 22)]),
    // A live region: when a person takes over (or the assistant is back) a screen reader says who
    // answers now ("zhou, 人工客服"), as the header shows it.
    el('div', { class: 'heading', 'aria-live': 'polite', 'aria-atomic': 'true' }, [titleEl, subtitle]),
    restart,
    minimise,
  ]);
  const status = el('div', { class: 'status', role: 'status', hidden: '' });
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-labelledby': titleId, tabindex: '0' });
  const suggestions = el('div', { class: 'suggestions', role: 'group', 'aria-label': strings.suggestions, hidden: '' });
  const input = el('textarea', { rows: '1', maxlength: String(MAX_INPUT_CHARS), placeholder: strings.placeholder, 'aria-label': strings.placeholder, enterkeyhint: 'send' });
  const locate = el('button', { type: 'button', class: 'icon-btn locate', 'aria-label': strings.shareLocation, title: strings.shareLocation }, [icon(ICONS.location)]);
  const attach = el('button', { type: 'button', class: 'icon-btn attach', 'aria-label': attachLabel(strings), title: attachLabel(strings), hidden: '' }, [icon(ICONS.attach)]);
  // Never shown nor focusable: the attach button is the control, this only opens the picker.
  const file = el('input', { type: 'file', class: 'sr-only', accept: ACCEPTED_TYPES.join(','), tabindex: '-1', 'aria-hidden': 'true' });
  const send = el('button', { type: 'button', class: 'icon-btn send', 'aria-label': strings.send, title: strings.send }, [icon(ICONS.send)]);
  const panel = el('section', { class: 'panel', id: 'bb-panel', role: 'dialog', 'aria-labelledby': titleId, hidden: '' }, [
    header,
    status,
    log,
    suggestions,
    el('div', { class: 'composer' }, [input, attach, file, locate, send]),
    el('p', { class: 'privacy' }, [strings.privacy]),
  ]);
  const root = el('div', { class: 'root', lang: strings.locale, style: `--brand:${brand};--brand-dark:${darken(brand)}` }, [launcher, panel]);
  shadow.append(style, root);
  return { host, launcher, badge, panel, status, log, suggestions, input, send, locate, attach, file, restart, minimise, title: titleEl, subtitle };
}

/** A darker shade for gradients and hover, from a #rrggbb colour (others pass through). */
function darken(hex: string): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1], 16);
  const part = (shift: number) => Math.round(((n >> shift) & 255) * 0.72);
  return `rgb(${part(16)}, ${part(8)}, ${part(0)})`;
}
