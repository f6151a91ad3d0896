import type { Activity } from 'botbuilder';
import type { Request, Response } from 'restify';
import { findBotError } from '../../errors';
import { MAX_JSON_DEPTH, valueTooDeep } from '../../http/jsonDepth';
import { readJsonBody } from '../../http/readJsonBody';
import { sendBotError, sendError } from '../../http/sendError';
import type { RouteModule } from '../../http/routeModule';
import { describeZodError, incomingActivitySchema, withParsedStamps } from './activitySchema';

export const BF_BODY_LIMIT = 256 * 1024;

/**
 * `POST /api/messages`: the Bot Framework path (Teams, Emulator, Azure Bot Service). We read and
 * validate the activity ourselves (every refusal a 4xx in the one error shape, naming the
 * problem) and call `processActivity` directly (not `adapter.process`) so that a state-store
 * outage answers 503 — the connector retries — instead of a generic 500.
 */
export const botFrameworkRoutes: RouteModule = (server, app) => {
  server.post('/api/messages', async (req: Request, res: Response) => {
    let body: unknown;
    try {
      body = await readJsonBody(req, BF_BODY_LIMIT);
    } catch (err) {
      const known = findBotError(err);
      if (known) return sendBotError(res, known);
      throw err;
    }
    if (!req.is('json')) return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'expected Content-Type: application/json');
    if (valueTooDeep(body)) return sendError(res, 400, 'BAD_REQUEST', `not a valid activity: nests deeper than ${MAX_JSON_DEPTH} levels`);
    const parsed = incomingActivitySchema.safeParse(body);
    if (!parsed.success) return sendError(res, 400, 'BAD_REQUEST', `not a valid activity: ${describeZodError(parsed.error)}`);
    const auth = String(req.headers.authorization ?? '');
    try {
      // Validated above for what we rely on; the rest of the schema is botbuilder's to interpret.
      const activity = withParsedStamps(parsed.data) as unknown as Activity;
      const invokeResponse = await app.adapter.runActivity(auth, activity, app.runtime.handleTurn);
      res.status(invokeResponse?.status ?? 200);
      if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
      else res.end();
    } catch (err) {
      const known = findBotError(err);
      if (known) return sendBotError(res, known);
      if (err instanceof Error && err.name === 'AuthenticationError') return sendError(res, 401, 'UNAUTHORIZED', err.message);
      app.logger.error({ err }, 'turn failed');
      return sendError(res, 500, 'INTERNAL', 'the turn failed; see the server log');
    }
  });
};
