import type { Request, Response, Server } from 'restify';
import { BotError, ErrorCode } from '../../errors';
import type { Logger } from '../../logger';
import type { DirectLineAuth } from './directLineAuth';
import { DIRECTLINE_BASE } from './directLineCors';
import { conversationIdSchema } from './directLineIds';
import type { DirectLineService } from './directLineService';
import { streamUrl } from './directLineStream';
import { handleErrors } from './handleErrors';
import {
  describeIssues,
  generateBodySchema,
  MAX_BODY_BYTES,
  postedActivitySchema,
  startBodySchema,
  watermarkSchema,
} from './postedActivitySchema';
import { readJsonBody } from '../../http/readJsonBody';
import type { z } from 'zod';

/**
 * The Direct Line 3.0 subset (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-api-reference):
 * tokens/generate, tokens/refresh, start and reconnect a conversation (with a `streamUrl`, see
 * directLineStream.ts), post an activity, and get activities by watermark (polling). No uploads,
 * no activity updates or deletes.
 */
export function directLineRoutes(server: Server, deps: { auth: DirectLineAuth; service: DirectLineService; logger: Logger }): void {
  const { auth, service } = deps;
  const route = (handler: (req: Request, res: Response) => Promise<void>) => handleErrors(deps.logger, handler);

  server.post(
    `${DIRECTLINE_BASE}/tokens/generate`,
    route(async (req, res) => {
      auth.requireSecret(req);
      const body = parse(generateBodySchema, await readJsonBody(req, MAX_BODY_BYTES));
      res.json(service.grantNew(body.user?.id));
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/tokens/refresh`,
    route(async (req, res) => {
      res.json(service.refresh(auth.caller(req)));
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/conversations`,
    route(async (req, res) => {
      const caller = auth.caller(req);
      const body = parse(startBodySchema, await readJsonBody(req, MAX_BODY_BYTES));
      const { created, ...grant } = await service.start(caller, body.locale);
      res.status(created ? 201 : 200);
      res.json({ ...grant, streamUrl: streamUrl(req, grant.conversationId, grant.token) });
    }),
  );

  server.get(
    `${DIRECTLINE_BASE}/conversations/:conversationId`,
    route(async (req, res) => {
      const caller = auth.caller(req);
      const id = conversationParam(req);
      auth.requireConversation(caller, id);
      const watermark = parse(watermarkSchema, new URL(req.url ?? '', 'http://x').searchParams.get('watermark') || undefined);
      const grant = await service.reconnect(caller, id);
      res.json({ ...grant, streamUrl: streamUrl(req, id, grant.token, watermark) });
    }),
  );

  server.post(
    `${DIRECTLINE_BASE}/conversations/:conversationId/activities`,
    route(async (req, res) => {
      const caller = auth.caller(req);
      const id = conversationParam(req);
      auth.requireConversation(caller, id);
      const posted = parse(postedActivitySchema, await readJsonBody(req, MAX_BODY_BYTES), 'not a valid activity: ');
      res.json(await service.post(caller, id, posted));
    }),
  );

  server.get(
    `${DIRECTLINE_BASE}/conversations/:conversationId/activities`,
    route(async (req, res) => {
      const caller = auth.caller(req);
      const id = conversationParam(req);
      auth.requireConversation(caller, id);
      const query = new URL(req.url ?? '', 'http://x').searchParams;
      const watermark = parse(watermarkSchema, query.get('watermark') || undefined) ?? 0;
      const page = await service.read(id, watermark);
      // Direct Line's ActivitySet carries the watermark as a string.
      res.json({ activities: page.activities, watermark: String(page.watermark) });
    }),
  );
}

function conversationParam(req: Request): string {
  const parsed = conversationIdSchema.safeParse(req.params?.conversationId);
  if (!parsed.success) throw new BotError(ErrorCode.NotFound, 'no such conversation');
  return parsed.data;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BotError(ErrorCode.BadRequest, `${prefix}${describeIssues(parsed.error)}`);
  return parsed.data;
}
