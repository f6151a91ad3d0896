import type { TurnContext } from 'botbuilder';
import type { Parse } from '../understanding/parse';

/**
 * What the bot learned during a turn that the per-turn log line (and the conversation-story
 * runner) reports. Kept in the turn's own state bag so the bot does not depend on the logger.
 */
const TURN_INFO = Symbol('turnInfo');

export interface TurnInfo {
  intent?: string;
  score?: number;
  script?: string;
  /** The whole parse of the message (issue 11); never logged in full (slots may quote the customer). */
  parse?: Parse;
  /** The catalogue keys of the replies this turn sent, in order ('cert.askStatus', 'faq:cert-validity'). */
  replyKeys?: string[];
  /** The policy rule that decided the turn (src/understanding/policy), for logs and stories. */
  rule?: string;
  /** What the FAQ did this turn, when it was consulted: answered, offered close hits, or found nothing. */
  faq?: FaqTurnResult;
  /** The channel sent this message again after its turn was saved: the stored replies went out again, the bot did not run. */
  replayed?: boolean;
}

export type FaqTurnResult = 'answered' | 'offered' | 'missed';

export function turnInfo(ctx: TurnContext): TurnInfo {
  let info = ctx.turnState.get(TURN_INFO) as TurnInfo | undefined;
  if (!info) {
    info = {};
    ctx.turnState.set(TURN_INFO, info);
  }
  return info;
}
