/**
 * A local stand-in for the Bot Framework connector (what Teams' serviceUrl points at). It speaks
 * the same REST calls botbuilder makes to send replies:
 *   POST /v3/conversations/{conversationId}/activities/{activityId}   (reply to an activity)
 *   POST /v3/conversations/{conversationId}/activities                (proactive send)
 * The conversation id arrives URL-encoded and is decoded here, as the real service does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedActivity {
  conversationId: string;
  replyToId?: string;
  /** When it arrived (Date.now()). */
  at: number;
  activity: { type?: string; text?: string; [key: string]: unknown };
}

export interface ConnectorStandIn {
  url: string;
  received: ReceivedActivity[];
  /** Reply POSTs refused (answered `failNext`'s status, not recorded: the customer never saw them). */
  refused: ReceivedActivity[];
  /** After `after` more accepted POSTs, the next `count` reply POSTs fail with `status` (a connector outage). */
  failNext(count: number, options?: { status?: number; after?: number }): void;
  /** Resolves when `count` activities for the conversation have arrived (in total). */
  waitFor(conversationId: string, count: number, timeoutMs?: number): Promise<ReceivedActivity[]>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startConnectorStandIn(): Promise<ConnectorStandIn> {
  const received: ReceivedActivity[] = [];
  const refused: ReceivedActivity[] = [];
  let failures = 0;
  let failStatus = 500;
  let acceptFirst = 0;
  const listeners = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const match = ROUTE.exec(req.url?.split('?')[0] ?? '');
    if (req.method !== 'POST' || !match) {
      // Not chained: restify, once loaded in the same process, patches writeHead to return nothing.
      res.statusCode = 404;
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedActivity['activity'];
      const entry = { conversationId: decodeURIComponent(match[1]), replyToId: match[2] ? decodeURIComponent(match[2]) : undefined, at: Date.now(), activity };
      if (failures > 0 && acceptFirst > 0) acceptFirst -= 1;
      else if (failures > 0) {
        failures -= 1;
        refused.push(entry);
        res.statusCode = failStatus;
        res.end();
        return;
      }
      received.push(entry);
      listeners.forEach((l) => l());
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    refused,
    failNext(count, options = {}) {
      failures = count;
      failStatus = options.status ?? 500;
      acceptFirst = options.after ?? 0;
    },
    waitFor(conversationId, count, timeoutMs = 10_000) {
      const mine = () => received.filter((r) => r.conversationId === conversationId);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (mine().length >= count) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(mine());
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`connector stand-in: ${mine().length}/${count} activities for ${conversationId} after ${timeoutMs} ms`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
