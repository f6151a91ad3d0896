import { createHash } from 'node:crypto';
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'bankbot' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** Conversation ids are customer identifiers on some channels (a WeChat OpenID): log a hash. */
export function hashId(id: string | undefined): string {
  if (!id) return '';
  return createHash('sha256').update(id).digest('base64url').slice(0, 12);
}
