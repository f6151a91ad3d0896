import type { TurnContext } from 'botbuilder';
import type { ReplyLocale } from './localizer';

/**
 * The reply locale decided for this turn, kept in the turn's own state bag so that anything that
 * answers during the turn (dialogs, the handover placeholder) speaks the same language.
 */
const TURN_LOCALE = Symbol('turnLocale');

export const DEFAULT_LOCALE: ReplyLocale = { script: 'zh-Hans', variant: 'tw' };

export function setTurnLocale(ctx: TurnContext, locale: ReplyLocale): void {
  ctx.turnState.set(TURN_LOCALE, locale);
}

export function getTurnLocale(ctx: TurnContext): ReplyLocale {
  return findTurnLocale(ctx) ?? DEFAULT_LOCALE;
}

/** The locale the router decided for this turn, if it has run. */
export function findTurnLocale(ctx: TurnContext): ReplyLocale | undefined {
  return ctx.turnState.get(TURN_LOCALE) as ReplyLocale | undefined;
}
