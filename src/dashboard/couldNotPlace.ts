import type { TurnInfo } from '../runtime/turnInfo';

/**
 * Policy rules (src/understanding/policy) that mean "the bot could not place this message": it
 * asked the customer to rephrase, or to choose between guesses. Data, so a new rule is one line.
 */
export const UNPLACED_RULES = new Set(['notUnderstood', 'clarify']);

/** Until a turn carries a policy rule, the classifier's `none` means the same. */
export function couldNotPlace(info: TurnInfo): boolean {
  if (info.rule) return UNPLACED_RULES.has(info.rule);
  return info.intent === 'none';
}
