import type { Activity } from 'botbuilder';
import type { TurnOrder } from './turnLock';

/** Fraction digits past the millisecond that an ISO 8601 time may carry (the connector sends 7). */
const FRACTION = /\.\d{3}(\d{1,3})\d*(?:Z|[+-]\d\d:?\d\d)$/i;

/**
 * Where a message stands in its conversation by the channel's own clock: the Bot Framework
 * connector stamps every activity it forwards (`timestamp`, 100 ns digits, e.g.
 * "2026-11-30T19:45:01.6546328Z"); botbuilder keeps that string as `rawTimestamp` and a
 * millisecond Date as `timestamp`. Two messages a customer sent a few milliseconds apart can reach
 * two of our processes in either order; this is the order they were sent in.
 *
 * Only activities that carry the channel's string have one. Direct Line and WeChat turns are
 * stamped by our own process on arrival (WeChat's CreateTime counts seconds), so for them the
 * arrival order in Redis is the best order there is.
 */
export function channelOrder(activity: Partial<Activity>): TurnOrder | undefined {
  // botbuilder's validateAndFixActivity adds rawTimestamp; its Activity type does not declare it.
  const { rawTimestamp: raw } = activity as { rawTimestamp?: unknown };
  if (typeof raw !== 'string') return undefined;
  const ms = Date.parse(raw);
  if (!Number.isFinite(ms)) return undefined;
  const micros = FRACTION.exec(raw)?.[1]?.padEnd(3, '0');
  return { sentAtUs: ms * 1000 + (micros ? Number(micros) : 0) };
}
