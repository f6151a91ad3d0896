import { askResult } from './askDialog';

/**
 * Which of `keys` a step received: an AskDialog choice, or a plain value a previous step passed
 * with `step.next(key)` (a slot filled from the first message). Undefined for anything else, so a
 * stale or foreign value read back from storage never steers a flow.
 */
export function chosenKey<K extends string>(value: unknown, keys: readonly K[]): K | undefined {
  const result = askResult(value);
  const id = result?.kind === 'choice' ? result.id : typeof value === 'string' ? value : undefined;
  return keys.find((k) => k === id);
}
