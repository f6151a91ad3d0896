import restify, { type Request, type RequestHandler, type Response, type Server } from 'restify';
import { z } from 'zod';
import { sendError } from '../http/sendError';
import type { Logger } from '../logger';
import { DeskError, type AgentDesk, type DeskRefusal } from './agentDesk';
import type { AgentSessions } from './agentSessions';
import { AGENT_TOOL_ROUTES } from './agentToolRoutes';
import type { AgentTools } from './agentTools';
import { agentOf, consoleOf, noStore } from './consoleAuth';
import { emptyBody, handleParam, messageBody, ticketParam } from './consoleSchemas';
import { OpenStreams, openEventStream } from './eventStream';
import type { HandoverEvents } from './handoverEvents';
import type { RatingStore } from './ratingStore';
import type { TicketStore } from './ticketStore';

export interface ConsoleDeps {
  desk: AgentDesk;
  tools: AgentTools;
  sessions: AgentSessions;
  tickets: TicketStore;
  ratings: RatingStore;
  events: HandoverEvents;
  logger: Logger;
  clock: () => number;
}

export interface Call {
  req: Request;
  res: Response;
  agent: string;
  deps: ConsoleDeps;
}

export interface ConsoleRoute {
  method: 'get' | 'post';
  path: string;
  /** Answers the JSON body; throwing a DeskError or ZodError maps to 403/404/409/400. */
  handle(call: Call): Promise<unknown>;
}

const REFUSAL_STATUS: Record<DeskRefusal, [number, string]> = {
  not_found: [404, 'NOT_FOUND'],
  forbidden: [403, 'FORBIDDEN'],
  taken: [409, 'CONFLICT'],
};

export const handleOf = (req: Request) => handleParam.parse(req.params).handle;
export const bodyOf = <T extends z.ZodType>(schema: T, req: Request): z.output<T> => schema.parse(req.body ?? {});

/** Every signed-in console API call; each one checks the session, none relies on the page doing it. */
const ROUTES: ConsoleRoute[] = [
  { method: 'get', path: '/agent/api/me', handle: async ({ agent }) => ({ agent }) },
  { method: 'get', path: '/agent/api/queue', handle: ({ agent, deps }) => deps.desk.overview(agent) },
  { method: 'get', path: '/agent/api/conversations/:handle', handle: ({ req, agent, deps }) => deps.desk.view(handleOf(req), agent) },
  {
    method: 'post',
    path: '/agent/api/conversations/:handle/take',
    handle: ({ req, agent, deps }) => (bodyOf(emptyBody, req), deps.desk.take(handleOf(req), agent)),
  },
  {
    method: 'post',
    path: '/agent/api/conversations/:handle/messages',
    handle: ({ req, agent, deps }) => deps.desk.send(handleOf(req), agent, bodyOf(messageBody, req).text),
  },
  {
    method: 'post',
    path: '/agent/api/conversations/:handle/close',
    handle: async ({ req, agent, deps }) => (bodyOf(emptyBody, req), await deps.desk.finish(handleOf(req), agent, true), { ok: true }),
  },
  {
    method: 'post',
    path: '/agent/api/conversations/:handle/release',
    handle: async ({ req, agent, deps }) => (bodyOf(emptyBody, req), await deps.desk.finish(handleOf(req), agent, false), { ok: true }),
  },
  { method: 'get', path: '/agent/api/tickets', handle: async ({ deps }) => ({ tickets: await deps.tickets.list() }) },
  {
    method: 'post',
    path: '/agent/api/tickets/:id/done',
    handle: async ({ req, agent, deps }) => {
      bodyOf(emptyBody, req);
      if (!(await deps.tickets.markDone(ticketParam.parse(req.params).id, agent))) throw new DeskError('not_found', 'no such ticket');
      await deps.events.publish({ type: 'tickets' });
      return { ok: true };
    },
  },
  { method: 'get', path: '/agent/api/ratings', handle: async ({ deps }) => ({ ratings: await deps.ratings.perAgent() }) },
];

function sendFailure(res: Response, err: unknown, logger: Logger): void {
  if (err instanceof DeskError) {
    const [status, code] = REFUSAL_STATUS[err.refusal];
    return sendError(res, status, code, err.message);
  }
  if (err instanceof z.ZodError) return sendError(res, 400, 'BAD_REQUEST', err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  logger.error({ err }, 'agent console: request failed');
  sendError(res, 502, 'PUSH_FAILED', 'the action failed (the customer channel or the store did not answer); try again');
}

/** Rejects a request without a live session (401) and refreshes the agent's presence. */
export function withAgent(deps: ConsoleDeps, run: (req: Request, res: Response, agent: string) => Promise<void>): RequestHandler {
  return async (req, res) => {
    noStore(res);
    const agent = await agentOf(req, deps.sessions);
    if (!agent) return sendError(res, 401, 'UNAUTHORIZED', 'sign in to the agent console first');
    await deps.sessions.touch(agent, deps.clock(), consoleOf(req, deps.sessions));
    await run(req, res, agent);
  };
}

/** POSTs must be JSON: a cross-site HTML form cannot send that without a CORS preflight we never grant. */
export function requireJson(req: Request, res: Response): boolean {
  if (req.is('json')) return true;
  sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'expected Content-Type: application/json');
  return false;
}

export const consoleBodyParser = restify.plugins.bodyParser({ maxBodySize: 16 * 1024, mapParams: false, rejectUnknown: true });

export function registerConsoleApi(server: Server, deps: ConsoleDeps): OpenStreams {
  const verbs = { get: server.get.bind(server), post: server.post.bind(server) };
  for (const route of [...ROUTES, ...AGENT_TOOL_ROUTES]) {
    const handler = withAgent(deps, async (req, res, agent) => {
      if (route.method === 'post' && !requireJson(req, res)) return;
      try {
        res.json(await route.handle({ req, res, agent, deps }));
      } catch (err) {
        sendFailure(res, err, deps.logger);
      }
    });
    if (route.method === 'post') verbs.post(route.path, consoleBodyParser, handler);
    else verbs.get(route.path, handler);
  }
  const open = new OpenStreams();
  server.get(
    '/agent/api/events',
    withAgent(deps, async (req, res, agent) =>
      openEventStream(req, res, { agent, console: consoleOf(req, deps.sessions) }, deps.events, deps.sessions, deps.clock, open),
    ),
  );
  return open;
}
