import type { Request, Response } from 'restify';
import { findBotError } from '../../errors';
import { sendBotError, sendError } from '../../http/sendError';
import type { Logger } from '../../logger';

export type Handler = (req: Request, res: Response) => Promise<void>;

/**
 * Maps thrown BotErrors to their status in the shared error shape — which is also Direct Line's
 * own error body, `{ "error": { "code", "message" } }` (Direct Line 3.0 API reference, "Error").
 * Anything unexpected is logged and answered 500 without internals.
 */
export function handleErrors(logger: Logger, handler: Handler): Handler {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (err) {
      const known = findBotError(err);
      if (known) {
        if (known.status === 429) res.header('Retry-After', '1');
        return sendBotError(res, known);
      }
      logger.error({ err, path: req.path() }, 'web channel request failed');
      sendError(res, 500, 'INTERNAL', 'the request failed; see the server log');
    }
  };
}
