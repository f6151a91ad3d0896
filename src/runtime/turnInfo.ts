import type { TurnContext } from 'botbuilder';

/**
 * What the bot learned during a turn that the per-turn log line reports. Kept in the turn's own
 * state bag so the bot does not depend on the logger.
 */
const TURN_INFO = Symbol('turnInfo');

export interface TurnInfo {
  intent?: string;
  score?: number;
  script?: string;
}

export function turnInfo(ctx: TurnContext): TurnInfo {
  let info = ctx.turnState.get(TURN_INFO) as TurnInfo | undefined;
  if (!info) {
    info = {};
    ctx.turnState.set(TURN_INFO, info);
  }
  return info;
}
