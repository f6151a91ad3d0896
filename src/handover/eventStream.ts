import type { Request, Response } from 'restify';
import type { AgentSessions } from './agentSessions';
import type { HandoverEvent, HandoverEvents } from './handoverEvents';

/** Heartbeat interval: keeps proxies from closing the stream and keeps the agent "online". */
const HEARTBEAT_MS = 20_000;

/** A customer's message, typing or a note reaches only the agent who owns the conversation (or all, while queued). */
export function visibleTo(event: HandoverEvent, agent: string): boolean {
  if (event.type !== 'message' && event.type !== 'note' && event.type !== 'typing') return true;
  return event.agent === undefined || event.agent === agent;
}

/**
 * Server-Sent Events (WHATWG HTML §9.2) for one signed-in agent: every HandoverEvent this agent may
 * see, from whichever bot process published it. The page reloads the lists on `queue`, `tickets`,
 * `ratings`, `assigned` and `closed`, and appends `message` entries to the open conversation.
 */
export function openEventStream(
  req: Request,
  res: Response,
  who: { agent: string; console?: string },
  events: HandoverEvents,
  sessions: AgentSessions,
  clock: () => number,
  open: OpenStreams,
): void {
  const { agent } = who;
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n: connected\n\n');
  const unsubscribe = events.subscribe((event) => {
    if (event.type === 'signedOut') {
      // This console signed out (perhaps through another process): its stream ends, so no
      // customer message reaches it and its heartbeat no longer keeps the agent present.
      if (event.console === who.console) res.end();
      return;
    }
    if (visibleTo(event, agent)) res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => {
    res.write(': heartbeat\n\n');
    void sessions.touch(agent, clock(), who.console).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(res);
  };
  open.add(res);
  req.once('close', stop);
  res.once('close', stop);
}

/**
 * The streams this process holds open. A live stream never finishes by itself, so the platform's
 * shutdown calls `endAll` as soon as it stops accepting (AppContext.onDrain); browsers then
 * reconnect to another process.
 */
export class OpenStreams {
  private readonly streams = new Set<Response>();

  add(res: Response): void {
    this.streams.add(res);
  }

  delete(res: Response): void {
    this.streams.delete(res);
  }

  endAll(): void {
    for (const res of [...this.streams]) res.end();
    this.streams.clear();
  }
}
