/**
 * A minimal stand-in for the Bot Framework connector, collecting the bot's replies by the
 * activity they answer. (test/support/connectorStandIn.ts chains `res.writeHead(...).end(...)`,
 * which breaks once restify is loaded in the same process: restify's writeHead returns nothing.)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export interface ReplyCollector {
  url: string;
  /** Resolves with the texts of the replies to `activityId` once `count` have arrived. */
  repliesTo(activityId: string, count?: number, timeoutMs?: number): Promise<string[]>;
  close(): Promise<void>;
}

export async function startReplyCollector(): Promise<ReplyCollector> {
  const replies = new Map<string, string[]>();
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    const match = ROUTE.exec(req.url?.split('?')[0] ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && match) {
        const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: string };
        const key = decodeURIComponent(match[2] ?? '');
        replies.set(key, [...(replies.get(key) ?? []), activity.text ?? '']);
        waiters.forEach((w) => w());
      }
      res.statusCode = match ? 200 : 404;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `reply-${Date.now()}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    repliesTo(activityId, count = 1, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const got = replies.get(activityId) ?? [];
          if (got.length < count) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(got);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no reply to ${activityId} after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
