/** A signed-in agent console over real HTTP: the cookie the server set, JSON calls, the live stream. */
import { Redis } from 'ioredis';
import { AgentAccounts } from '../../../src/handover/agentAccounts';
import { HandoverKeys } from '../../../src/handover/handoverKeys';
import { testRedisUrl } from '../../support/testRedis';

export const PASSWORD = 'correct horse battery';

export async function createAgent(prefix: string, name: string, password = PASSWORD): Promise<void> {
  const redis = new Redis(testRedisUrl());
  await new AgentAccounts(redis, new HandoverKeys(prefix)).set(name, password);
  await redis.quit();
}

export interface StreamEvent {
  type: string;
  data: Record<string, unknown>;
}

export class ConsoleClient {
  cookie = '';
  readonly events: StreamEvent[] = [];
  private abort: AbortController | undefined;
  private listeners = new Set<() => void>();

  constructor(readonly baseUrl: string) {}

  async signIn(name: string, password = PASSWORD): Promise<Response> {
    const res = await this.call('POST', '/agent/api/signin', { name, password });
    const set = res.headers.get('set-cookie');
    if (res.ok && set) this.cookie = set.split(';')[0];
    return res;
  }

  call(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET') headers['content-type'] = 'application/json';
    return fetch(`${this.baseUrl}${path}`, { method, headers, body: method === 'GET' ? undefined : JSON.stringify(body ?? {}) });
  }

  async json<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.call(method, path, body);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** Opens the live stream; resolves once the server has answered (so events after this are seen). */
  async openStream(): Promise<void> {
    this.abort = new AbortController();
    const res = await fetch(`${this.baseUrl}/agent/api/events`, { headers: { cookie: this.cookie }, signal: this.abort.signal });
    if (!res.ok || !res.body) throw new Error(`events: ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          this.parse(buffer.slice(0, cut));
          buffer = buffer.slice(cut + 2);
        }
      }
    })();
  }

  waitForEvent(match: (e: StreamEvent) => boolean, timeoutMs = 10_000): Promise<StreamEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.events.find(match);
        if (!hit) return;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no matching console event in ${timeoutMs} ms; got ${JSON.stringify(this.events)}`));
      }, timeoutMs);
      this.listeners.add(check);
      check();
    });
  }

  close(): void {
    this.abort?.abort();
  }

  private parse(block: string): void {
    const type = /^event: (.*)$/m.exec(block)?.[1];
    const data = /^data: (.*)$/m.exec(block)?.[1];
    if (!type || !data) return;
    this.events.push({ type, data: JSON.parse(data) as Record<string, unknown> });
    this.listeners.forEach((l) => l());
  }
}

/** A conversation's console handle, as the server computes it. */
export function handleOf(channelId: string, conversationId: string): string {
  return Buffer.from(`${channelId}/${conversationId}`, 'utf8').toString('base64url');
}
