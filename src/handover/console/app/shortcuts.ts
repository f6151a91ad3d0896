/**
 * The console's keyboard shortcuts, one table: the key handler and the help dialog both read it,
 * so the help never lists a shortcut that does not work. Alt+letter (by physical key, so it works
 * on any layout and on a Mac where Option+N types "˜") acts from anywhere, even while typing a
 * reply; "?" opens the help when the focus is not in a text field.
 */
export const SHORTCUT_ACTIONS = ['nextWaiting', 'take', 'reply', 'transfer', 'canned', 'close', 'release', 'list', 'help'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

export interface Shortcut {
  action: ShortcutAction;
  /** KeyboardEvent.code with Alt held. */
  code: string;
  /** What the help shows. */
  keys: string;
}

export const SHORTCUTS: Shortcut[] = [
  { action: 'nextWaiting', code: 'KeyN', keys: 'Alt+N' },
  { action: 'take', code: 'KeyT', keys: 'Alt+T' },
  { action: 'reply', code: 'KeyR', keys: 'Alt+R' },
  { action: 'transfer', code: 'KeyX', keys: 'Alt+X' },
  { action: 'canned', code: 'KeyK', keys: '/ · Alt+K' },
  { action: 'close', code: 'KeyC', keys: 'Alt+C' },
  { action: 'release', code: 'KeyB', keys: 'Alt+B' },
  { action: 'list', code: 'KeyL', keys: 'Alt+L' },
  { action: 'help', code: 'Slash', keys: '? / Alt+/' },
];

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement || target instanceof HTMLSelectElement;
}

/** The action a key press asks for, if any. */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | undefined {
  if (event.ctrlKey || event.metaKey) return undefined;
  if (event.altKey) return SHORTCUTS.find((s) => s.code === event.code)?.action;
  if (event.key === '?' && !typing(event.target)) return 'help';
  return undefined;
}

export function bindShortcuts(handlers: Record<ShortcutAction, () => void>): void {
  document.addEventListener('keydown', (event) => {
    const action = shortcutFor(event);
    if (!action) return;
    event.preventDefault();
    handlers[action]();
  });
}
