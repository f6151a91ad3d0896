import type { Server } from 'restify';
import { sendError } from '../http/sendError';
import type { AgentAccounts } from './agentAccounts';
import type { AgentSessions } from './agentSessions';
import { clearedCookie, clientAddress, noStore, readCookie, SESSION_COOKIE, sessionCookie, type CookieOptions } from './consoleAuth';
import { consoleBodyParser, requireJson } from './consoleRoutes';
import { signInBody } from './consoleSchemas';
import type { SignInLimiter } from './signInLimiter';

export interface SignInDeps {
  accounts: AgentAccounts;
  sessions: AgentSessions;
  limiter: SignInLimiter;
  cookie: CookieOptions;
  clock: () => number;
}

/** `POST /agent/api/signin` and `/signout`: the only console API calls open without a session. */
export function registerSignInRoutes(server: Server, deps: SignInDeps): void {
  server.post('/agent/api/signin', consoleBodyParser, async (req, res) => {
    noStore(res);
    if (!requireJson(req, res)) return;
    const parsed = signInBody.safeParse(req.body);
    if (!parsed.success) return sendError(res, 400, 'BAD_REQUEST', 'expected {"name": "...", "password": "..."}');
    const { name, password } = parsed.data;
    const address = clientAddress(req);
    const wait = await deps.limiter.retryAfter(name, address);
    if (wait > 0) {
      res.header('Retry-After', String(wait));
      return sendError(res, 429, 'TOO_MANY_REQUESTS', `too many failed sign-ins; try again in ${wait} s`);
    }
    const agent = await deps.accounts.verify(name, password);
    if (!agent) {
      await deps.limiter.recordFailure(name, address);
      return sendError(res, 401, 'UNAUTHORIZED', 'wrong name or password');
    }
    await deps.limiter.reset(name);
    const token = await deps.sessions.create(agent);
    await deps.sessions.touch(agent, deps.clock());
    res.header('Set-Cookie', sessionCookie(token, deps.cookie));
    res.json({ agent });
  });

  server.post('/agent/api/signout', consoleBodyParser, async (req, res) => {
    noStore(res);
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      const agent = await deps.sessions.resolve(token);
      await deps.sessions.destroy(token);
      if (agent) await deps.sessions.setOffline(agent);
    }
    res.header('Set-Cookie', clearedCookie(deps.cookie));
    res.json({ ok: true });
  });
}
