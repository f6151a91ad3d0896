import * as z from 'zod/mini';
import {
  activitySchema,
  activitySetSchema,
  errorSchema,
  grantSchema,
  postReplySchema,
  type Grant,
  type OutgoingActivity,
  type WireActivity,
} from './wireTypes';

/** A non-2xx answer; `status` tells the widget whether to retry, refresh or start over. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Kept in sessionStorage: survives a reload of this tab, gone when the tab closes (shared computers). */
interface Session {
  conversationId: string;
  token: string;
  /** ms since epoch after which the token should be refreshed (half its lifetime). */
  refreshAt: number;
  expiresAt: number;
}

const sessionSchema = z.object({ conversationId: z.string(), token: z.string(), refreshAt: z.number(), expiresAt: z.number() });

/**
 * The widget's Direct Line 3.0 client, polling only
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-receive-activities#http-get).
 */
export class DirectLineClient {
  private session: Session | undefined;

  constructor(
    private readonly base: string,
    private readonly tokenUrl: string,
    private readonly storageKey: string,
  ) {
    this.session = this.load();
  }

  get hasSession(): boolean {
    return this.session !== undefined && this.session.expiresAt > Date.now();
  }

  forget(): void {
    this.session = undefined;
    safeStorage()?.removeItem(this.storageKey);
  }

  /** Reuses this tab's conversation when its token is still alive; otherwise starts a new one. */
  async connect(locale: string): Promise<{ restored: boolean }> {
    if (this.hasSession) {
      try {
        await this.refreshIfDue(true);
        return { restored: true };
      } catch (err) {
        if (!(err instanceof HttpError)) throw err;
        this.forget();
      }
    }
    const grant = grantSchema.parse(await this.request('POST', this.tokenUrl, undefined, {}));
    this.keep(grant);
    this.keep(grantSchema.parse(await this.request('POST', `${this.base}/conversations`, grant.token, { locale })));
    return { restored: false };
  }

  async post(activity: OutgoingActivity): Promise<string> {
    const s = await this.current();
    const reply = await this.request('POST', `${this.base}/conversations/${s.conversationId}/activities`, s.token, activity);
    return postReplySchema.parse(reply).id;
  }

  /**
   * Direct Line 3.0 upload (`POST /conversations/{id}/upload`, multipart/form-data): the file, and
   * the activity as a part named "activity", as Microsoft's clients send it; the server turns them
   * into one message with the file attached.
   */
  async upload(file: File, activity: OutgoingActivity): Promise<string> {
    const s = await this.current();
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
    return postReplySchema.parse(await this.request('POST', `${this.base}/conversations/${s.conversationId}/upload`, s.token, form)).id;
  }

  async poll(watermark: string): Promise<{ activities: WireActivity[]; watermark: string }> {
    const s = await this.current();
    const query = watermark ? `?watermark=${encodeURIComponent(watermark)}` : '';
    const set = activitySetSchema.parse(await this.request('GET', `${this.base}/conversations/${s.conversationId}/activities${query}`, s.token));
    const activities = set.activities.flatMap((a) => {
      const parsed = activitySchema.safeParse(a);
      return parsed.success ? [parsed.data] : [];
    });
    return { activities, watermark: set.watermark ?? watermark };
  }

  private async current(): Promise<Session> {
    await this.refreshIfDue(false);
    if (!this.session) throw new HttpError(401, 'no conversation');
    return this.session;
  }

  private async refreshIfDue(force: boolean): Promise<void> {
    const s = this.session;
    if (!s || (!force && Date.now() < s.refreshAt)) return;
    this.keep(grantSchema.parse(await this.request('POST', `${this.base}/tokens/refresh`, s.token)));
  }

  private keep(grant: Grant): void {
    const now = Date.now();
    this.session = {
      conversationId: grant.conversationId,
      token: grant.token,
      refreshAt: now + (grant.expires_in * 1000) / 2,
      expiresAt: now + grant.expires_in * 1000,
    };
    try {
      safeStorage()?.setItem(this.storageKey, JSON.stringify(this.session));
    } catch {
      // Storage full or blocked: the chat still works, it just will not survive a reload.
    }
  }

  private load(): Session | undefined {
    try {
      const parsed = sessionSchema.safeParse(JSON.parse(safeStorage()?.getItem(this.storageKey) ?? 'null'));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** JSON in and out; a FormData body goes as multipart (the browser writes its Content-Type and boundary). */
  private async request(method: string, url: string, token?: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    const res = await fetch(url, { method, headers, body: form ? body : body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const err = errorSchema.safeParse(json);
      throw new HttpError(res.status, err.success ? err.data.error.message : res.statusText);
    }
    return json;
  }
}

function safeStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}
