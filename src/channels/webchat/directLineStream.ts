import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Request, Server } from 'restify';
import { WebSocket, WebSocketServer } from 'ws';
import { ErrorCode, findBotError } from '../../errors';
import type { Logger } from '../../logger';
import type { ActivityLog } from './activityLog';
import type { ActivityNotifier } from './activityNotifier';
import type { DirectLineAuth } from './directLineAuth';
import { DIRECTLINE_BASE } from './directLineCors';
import { watermarkSchema } from './postedActivitySchema';

const STREAM_PATH = new RegExp(`^${DIRECTLINE_BASE}/conversations/([A-Za-z0-9_-]{1,64})/stream$`);
/** Pings keep proxies from closing an idle stream; each one also re-reads the log (see ActivityNotifier). */
const KEEPALIVE_MS = 30_000;

/**
 * The `streamUrl` of Direct Line 3.0's Conversation object: a WebSocket on which the server sends
 * ActivitySets `{activities, watermark}` as they arrive ("Receive activities via WebSocket stream",
 * https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-receive-activities).
 * The token travels in the `t` parameter as in Microsoft's stream URLs; clients still post with HTTP.
 */
export function streamUrl(req: Request, conversationId: string, token: string, watermark?: number): string {
  const forwarded = String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim();
  const scheme = forwarded === 'https' || req.isSecure() ? 'wss' : 'ws';
  const host = String(req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost').split(',')[0].trim();
  const query = new URLSearchParams({ t: token, ...(watermark !== undefined ? { watermark: String(watermark) } : {}) });
  return `${scheme}://${host}${DIRECTLINE_BASE}/conversations/${conversationId}/stream?${query}`;
}

export interface StreamDeps {
  auth: DirectLineAuth;
  log: ActivityLog;
  notifier: ActivityNotifier;
  logger: Logger;
}

export interface DirectLineStreams {
  /** Server going away: close every stream with 1001 so clients reconnect elsewhere. */
  goAway(): void;
  close(): Promise<void>;
}

/** Accepts stream upgrades on the restify server's HTTP server. */
export function attachDirectLineStream(server: Server, deps: StreamDeps): DirectLineStreams {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) {
      // Not a Direct Line stream: leave it to another upgrade handler, or refuse it if there is none.
      if (server.server.listenerCount('upgrade') === 1) socket.destroy();
      return;
    }
    void accept(req, socket, head, match[1], url.searchParams).catch((err: unknown) => {
      const known = findBotError(err);
      if (!known) deps.logger.error({ err }, 'Direct Line stream upgrade failed');
      refuse(socket, known?.status ?? 500, known?.code ?? 'INTERNAL', known?.message ?? 'the stream could not be opened');
    });
  });

  async function accept(req: IncomingMessage, socket: Duplex, head: Buffer, conversationId: string, query: URLSearchParams) {
    const caller = deps.auth.check(query.get('t') ?? '');
    if (caller.kind !== 'token') return refuse(socket, 401, ErrorCode.Unauthorized, 'stream URLs take a token, never the secret');
    deps.auth.requireConversation(caller, conversationId);
    const parsed = watermarkSchema.safeParse(query.get('watermark') || undefined);
    if (!parsed.success) return refuse(socket, 400, ErrorCode.BadRequest, 'watermark must be a whole number');
    if (!(await deps.log.exists(conversationId))) return refuse(socket, 404, ErrorCode.NotFound, 'no such conversation');
    wss.handleUpgrade(req, socket, head, (ws) => {
      void serve(ws, conversationId, parsed.data ?? 0, caller.claims.exp * 1000);
    });
  }

  async function serve(ws: WebSocket, conversationId: string, from: number, expiresAt: number): Promise<void> {
    let watermark = from;
    let busy = false;
    let again = false;
    // One read at a time per socket; a notice during a read triggers one more read after it.
    const pump = async (): Promise<void> => {
      if (busy) return void (again = true);
      busy = true;
      try {
        do {
          again = false;
          const page = await deps.log.read(conversationId, watermark);
          if (!page) return ws.close(1000, 'conversation ended');
          if (page.activities.length > 0 && ws.readyState === WebSocket.OPEN) {
            ws.send(JSON.stringify({ activities: page.activities, watermark: String(page.watermark) }));
          }
          watermark = page.watermark;
        } while (again && ws.readyState === WebSocket.OPEN);
      } catch (err) {
        deps.logger.warn({ err }, 'Direct Line stream read failed; retrying at the next keep-alive');
      } finally {
        busy = false;
      }
    };
    let closed = false;
    let stop: (() => Promise<void>) | undefined;
    const keepAlive = setInterval(() => {
      ws.ping();
      void pump();
    }, KEEPALIVE_MS);
    // An expired token may not keep listening; clients reconnect with a refreshed one.
    const expiry = setTimeout(() => ws.close(1000, 'token expired'), Math.min(Math.max(expiresAt - Date.now(), 0), 2 ** 31 - 1));
    keepAlive.unref();
    expiry.unref();
    ws.on('close', () => {
      closed = true;
      clearInterval(keepAlive);
      clearTimeout(expiry);
      void stop?.();
    });
    // Direct Line streams are receive-only: clients post activities over HTTP.
    ws.on('message', () => undefined);
    const unsubscribe = await deps.notifier.subscribe(conversationId, () => void pump());
    if (closed) return void (await unsubscribe());
    stop = unsubscribe;
    await pump();
  }

  return {
    goAway() {
      for (const client of wss.clients) client.close(1001, 'server shutting down');
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await deps.notifier.close();
    },
  };
}

/** The upgrade never happened: answer in plain HTTP with the usual error shape. */
function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
