/**
 * A local stand-in for WeChat's API on loopback, speaking the three calls the bot makes:
 *   GET  /cgi-bin/token?grant_type=client_credential&appid=…&secret=…   → {access_token, expires_in}
 *   POST /cgi-bin/message/custom/send?access_token=…                     → {errcode, errmsg}
 *   GET  /cgi-bin/media/get?access_token=…&media_id=…                    → the file's bytes with its
 *        Content-Type and Content-disposition, or {errcode, errmsg} as text/plain (as WeChat does)
 * Tokens are "TOKEN-1", "TOKEN-2", … in issue order; `expire(token)` makes sends with it answer
 * 42001 (access_token expired), as the real API does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PushedMessage {
  touser: string;
  content: string;
  token: string;
}

export interface WeChatApiStandIn {
  url: string;
  tokenRequests: number;
  pushed: PushedMessage[];
  rejectedSends: number;
  /** media_id of every /cgi-bin/media/get call, in order (also the refused ones). */
  mediaRequests: string[];
  /** Makes `mediaId` downloadable (WeChat keeps what customers send for 3 days). */
  addMedia(mediaId: string, bytes: Buffer, contentType: string): void;
  expire(token: string): void;
  waitForPushes(openId: string, count: number, timeoutMs?: number): Promise<PushedMessage[]>;
  close(): Promise<void>;
}

export async function startWeChatApiStandIn(appId: string, secret: string): Promise<WeChatApiStandIn> {
  const issued = new Set<string>();
  const expired = new Set<string>();
  const listeners = new Set<() => void>();
  const media = new Map<string, { bytes: Buffer; contentType: string }>();
  // restify (loaded in the same test process) patches ServerResponse.writeHead, which then no
  // longer returns `this`: write the head and the body in two statements.
  const json = (res: import('node:http').ServerResponse, body: unknown) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const state: WeChatApiStandIn = {
    url: '',
    tokenRequests: 0,
    pushed: [],
    rejectedSends: 0,
    mediaRequests: [],
    addMedia: (mediaId, bytes, contentType) => void media.set(mediaId, { bytes, contentType }),
    expire: (token) => void expired.add(token),
    waitForPushes: (openId, count, timeoutMs = 15_000) => waitFor(state, listeners, openId, count, timeoutMs),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    if (req.method === 'GET' && url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('appid') !== appId || url.searchParams.get('secret') !== secret) return json(res, { errcode: 40013, errmsg: 'invalid appid' });
      state.tokenRequests += 1;
      const token = `TOKEN-${state.tokenRequests}`;
      issued.add(token);
      return json(res, { access_token: token, expires_in: 7200 });
    }
    if (req.method === 'POST' && url.pathname === '/cgi-bin/message/custom/send') {
      const token = url.searchParams.get('access_token') ?? '';
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (!issued.has(token)) return (state.rejectedSends++, json(res, { errcode: 40001, errmsg: 'invalid credential' }));
        if (expired.has(token)) return (state.rejectedSends++, json(res, { errcode: 42001, errmsg: 'access_token expired' }));
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { touser: string; text: { content: string } };
        state.pushed.push({ touser: body.touser, content: body.text.content, token });
        listeners.forEach((l) => l());
        json(res, { errcode: 0, errmsg: 'ok' });
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/cgi-bin/media/get') {
      const token = url.searchParams.get('access_token') ?? '';
      const mediaId = url.searchParams.get('media_id') ?? '';
      state.mediaRequests.push(mediaId);
      const refuse = (errcode: number, errmsg: string) => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(JSON.stringify({ errcode, errmsg }));
      };
      if (!issued.has(token)) return refuse(40001, 'invalid credential');
      if (expired.has(token)) return refuse(42001, 'access_token expired');
      const file = media.get(mediaId);
      if (!file) return refuse(40007, 'invalid media_id');
      res.writeHead(200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${mediaId}.jpg"`, 'content-length': file.bytes.length });
      res.end(file.bytes);
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

function waitFor(state: WeChatApiStandIn, listeners: Set<() => void>, openId: string, count: number, timeoutMs: number): Promise<PushedMessage[]> {
  const mine = () => state.pushed.filter((p) => p.touser === openId);
  return new Promise((resolve, reject) => {
    const check = () => {
      if (mine().length < count) return;
      listeners.delete(check);
      clearTimeout(timer);
      resolve(mine());
    };
    const timer = setTimeout(() => {
      listeners.delete(check);
      reject(new Error(`WeChat API stand-in: ${mine().length}/${count} pushes to ${openId} after ${timeoutMs} ms`));
    }, timeoutMs);
    listeners.add(check);
    check();
  });
}
