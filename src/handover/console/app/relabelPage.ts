import { ApiError } from './api';
import type { ConsoleLanguage, ConsoleStrings } from './strings';

const byId = (id: string): HTMLElement | null => document.getElementById(id);

/**
 * The page's fixed texts in language `s` (elements marked `data-i18n`, the title, the two language
 * buttons, which name the other language in that language's own tag for screen readers).
 */
export function relabelPage(s: ConsoleStrings, lang: ConsoleLanguage): void {
  document.documentElement.lang = s.lang;
  document.title = s.title;
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const value = s[node.dataset.i18n as keyof ConsoleStrings];
    if (typeof value === 'string') node.textContent = value;
  }
  for (const id of ['lang', 'signin-lang']) {
    const button = byId(id);
    if (!button) continue;
    button.textContent = s.switchTo;
    button.setAttribute('aria-label', s.switchLabel);
    button.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
  }
}

/** What the sign-in form says when the server refused or could not be reached. */
export function signInError(err: unknown, s: ConsoleStrings): string {
  if (!(err instanceof ApiError)) return s.signInUnavailable;
  if (err.status === 401) return s.wrongPassword;
  if (err.status === 429) return s.tooMany(err.retryAfter || 60);
  if (err.status === 400) return s.fillBoth;
  return s.signInUnavailable;
}
