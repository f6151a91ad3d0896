import type { Request, Response } from 'restify';
import type { AgentSessions } from './agentSessions';

export const SESSION_COOKIE = 'agent_session';

export interface CookieOptions {
  secure: boolean;
  maxAgeSeconds: number;
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = String(req.headers.cookie ?? '');
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/**
 * HttpOnly (page scripts cannot read it), SameSite=Strict (other sites cannot make the browser send
 * it, which with JSON-only POSTs is our CSRF defence), scoped to /agent, Secure behind HTTPS.
 */
export function sessionCookie(token: string, options: CookieOptions): string {
  const parts = [`${SESSION_COOKIE}=${token}`, 'Path=/agent', 'HttpOnly', 'SameSite=Strict', `Max-Age=${options.maxAgeSeconds}`];
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

export function clearedCookie(options: CookieOptions): string {
  return sessionCookie('', { ...options, maxAgeSeconds: 0 });
}

/** The signed-in agent of a request, or undefined (the route answers 401). */
export async function agentOf(req: Request, sessions: AgentSessions): Promise<string | undefined> {
  const token = readCookie(req, SESSION_COOKIE);
  return token ? sessions.resolve(token) : undefined;
}

/** The console (sign-in session) a request comes from, as AgentSessions.consoleOf names it. */
export function consoleOf(req: Request, sessions: AgentSessions): string | undefined {
  const token = readCookie(req, SESSION_COOKIE);
  return token ? sessions.consoleOf(token) : undefined;
}

/** Where a sign-in attempt comes from, for the rate limit: the socket, never a spoofable header. */
export function clientAddress(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export function noStore(res: Response): void {
  res.header('Cache-Control', 'no-store');
}
