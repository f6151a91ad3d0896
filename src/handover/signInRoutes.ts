import type { Server } from 'restify';
import { sendError } from '../http/sendError';
import type { AgentAccounts } from './agentAccounts';
import type { AgentSessions } from './agentSessions';
import type { HandoverEvents } from './handoverEvents';
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
  /** Tells every process to end a signed-out console's live streams. */
  events: HandoverEvents;
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
    // Counted before the password check, so parallel guesses cannot slip past the limit.
    const admission = await deps.limiter.admit(name, address);
    if (!admission.allowed) {
      res.header('Retry-After', String(admission.retryAfter));
      return sendError(res, 429, 'TOO_MANY_REQUESTS', `too many sign-in attempts; try again in ${admission.retryAfter} s`);
    }
    const agent = await deps.accounts.verify(name, password);
    if (!agent) return sendError(res, 401, 'UNAUTHORIZED', 'wrong name or password');
    await deps.limiter.succeeded(name, address);
    const token = await deps.sessions.create(agent);
    await deps.sessions.touch(agent, deps.clock(), deps.sessions.consoleOf(token));
    res.header('Set-Cookie', sessionCookie(token, deps.cookie));
    res.json({ agent });
  });

  server.post('/agent/api/signout', consoleBodyParser, async (req, res) => {
    noStore(res);
    const token = readCookie(req, SESSION_COOKIE);
    if (token) {
      const agent = await deps.sessions.resolve(token);
      if (agent) {
        // This console only: the agent's other consoles keep their session, streams and customers.
        await deps.sessions.signOut(token, agent, deps.clock());
        await deps.events.publish({ type: 'signedOut', console: deps.sessions.consoleOf(token) });
      } else {
        await deps.sessions.destroy(token);
      }
    }
    res.header('Set-Cookie', clearedCookie(deps.cookie));
    res.json({ ok: true });
  });
}
