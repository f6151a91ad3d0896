import type { Request } from 'restify';
import { bodyOf, handleOf, type ConsoleRoute } from './consoleRoutes';
import { consoleLangQuery, emptyBody, messageBody, searchQuery, statusBody, transferBody } from './consoleSchemas';

/** The query string as a plain object (no restify queryParser is mounted); zod parses it after. */
function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://local').searchParams);
}

/** Console API calls for the agent tools (AgentTools); registered with the desk's routes. */
export const AGENT_TOOL_ROUTES: ConsoleRoute[] = [
  {
    method: 'post',
    path: '/agent/api/conversations/:handle/transfer',
    handle: ({ req, agent, deps }) => deps.tools.transfer(handleOf(req), agent, bodyOf(transferBody, req).to ?? undefined),
  },
  {
    method: 'post',
    path: '/agent/api/conversations/:handle/notes',
    handle: ({ req, agent, deps }) => deps.tools.addNote(handleOf(req), agent, bodyOf(messageBody, req).text),
  },
  {
    method: 'post',
    path: '/agent/api/conversations/:handle/typing',
    handle: async ({ req, agent, deps }) => (bodyOf(emptyBody, req), await deps.tools.typing(handleOf(req), agent), { ok: true }),
  },
  {
    method: 'get',
    path: '/agent/api/conversations/:handle/canned-replies',
    handle: async ({ req, agent, deps }) => ({ replies: await deps.tools.cannedFor(handleOf(req), agent, consoleLangQuery.parse(queryOf(req)).lang) }),
  },
  { method: 'get', path: '/agent/api/agents', handle: ({ agent, deps }) => deps.tools.colleagues(agent) },
  {
    method: 'post',
    path: '/agent/api/status',
    handle: async ({ req, agent, deps }) => {
      const { status } = bodyOf(statusBody, req);
      await deps.tools.setStatus(agent, status);
      return { status };
    },
  },
  { method: 'get', path: '/agent/api/closed', handle: async ({ req, deps }) => ({ closed: await deps.tools.searchClosed(searchQuery.parse(queryOf(req)).q) }) },
  { method: 'get', path: '/agent/api/closed/:handle', handle: ({ req, deps }) => deps.tools.closedConversation(handleOf(req)) },
];
