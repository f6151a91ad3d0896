/**
 * The embeddable widget (served as /widget.js). A bank adds one tag to its pages:
 *   <script src="https://bot.example-bank.com/widget.js" defer></script>
 * Optional attributes: data-lang (zh|en; default: the page's lang), data-title, data-color
 * (#rrggbb), data-token-url (the bank's own token endpoint; default this server's /webchat/token).
 */
import { ChatWidget } from './chatWidget';
import { DirectLineClient } from './directLineClient';
import { pickStrings } from './strings';
import { buildView } from './widgetView';

const DEFAULT_COLOR = '#0b5cad';

function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement) return current;
  return document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
}

function mount(script: HTMLScriptElement | null): void {
  if (document.querySelector('[data-bankbot-widget]')) return;
  const data = script?.dataset ?? {};
  const server = new URL(script?.src ?? window.location.href, window.location.href).origin;
  const strings = pickStrings(data.lang, document.documentElement.lang);
  const color = data.color && /^#[0-9a-fA-F]{6}$/.test(data.color) ? data.color : DEFAULT_COLOR;
  const view = buildView(strings, color, data.title || strings.title);
  const storageKey = `bankbot.webchat:${server}`;
  const client = new DirectLineClient(`${server}/v3/directline`, data.tokenUrl || `${server}/webchat/token`, storageKey);
  // First in the body: the launcher is an early Tab stop instead of the last one after the whole
  // page (its position on screen is fixed, so where it sits in the DOM does not move it).
  document.body.prepend(view.host);
  new ChatWidget(view, client, strings, `${storageKey}:open`);
}

const script = findScript();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mount(script));
else mount(script);
