import { request as httpRequest, Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * When a reply POST is tried again. The same rules as the pipeline of Microsoft's ConnectorClient
 * (@azure/core-rest-pipeline's default retry policy), so replacing it changes no behaviour a
 * channel or a test can see: a 429 or 503 with Retry-After waits as told; 408 and 5xx other than
 * 501/505, and a connection that failed, wait 1 s × 2^n (half of it random) up to 64 s; at most 3
 * more tries. Data, not code, so an operator reading this knows what the connector sees.
 */
export const REPLY_RETRY = {
  maxRetries: 3,
  baseDelayMs: 1000,
  maxDelayMs: 64_000,
  retryStatus: (status: number): boolean => status === 408 || (status >= 500 && status !== 501 && status !== 505),
  retryErrorCodes: new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ENOTFOUND']),
  /** A connector that takes longer than this has hung; the try fails as ETIMEDOUT. */
  timeoutMs: 30_000,
} as const;

/** A reply the connector refused, with its status, like the RestError Microsoft's client throws. */
export class ConnectorHttpError extends Error {
  readonly code = 'REST_ERROR';
  constructor(
    readonly statusCode: number,
    readonly body: string,
    url: string,
  ) {
    super(`the Bot Framework connector answered ${statusCode} to POST ${url}${body ? `: ${body.slice(0, 200)}` : ''}`);
    this.name = 'ConnectorHttpError';
  }
}

interface Answer {
  status: number;
  body: string;
  retryAfterMs?: number;
}

/**
 * POSTs activities to a Bot Framework connector as JSON over keep-alive connections. It exists
 * for speed: Microsoft's ConnectorClient serialises every reply through @azure/core-client's
 * mapper walk and a dozen pipeline policies, which `npm run bench` measured at about a tenth of a
 * turn's CPU (a reply with suggested actions is dozens of nested objects). Activities are plain
 * JSON already, so JSON.stringify writes what the mapper writes for every field we send.
 */
export class ActivityPoster {
  private readonly agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

  constructor(private readonly userAgent: string) {}

  /** The connector's `ResourceResponse` (the id it gave the activity); throws ConnectorHttpError or the network error. */
  async post(url: string, body: unknown, authorization: string | undefined): Promise<{ id: string }> {
    const payload = JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      let answer: Answer | undefined;
      let failure: unknown;
      try {
        answer = await this.send(url, payload, authorization);
      } catch (err) {
        failure = err;
      }
      if (answer && answer.status >= 200 && answer.status < 300) return { id: idIn(answer.body) };
      const wait = retryDelay(attempt, answer, failure);
      if (wait === undefined) throw failure ?? new ConnectorHttpError(answer?.status ?? 0, answer?.body ?? '', url);
      await sleep(wait);
    }
  }

  /** Ends the idle keep-alive connections (on shutdown). */
  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private send(url: string, payload: string, authorization: string | undefined): Promise<Answer> {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const headers: Record<string, string | number> = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(payload),
      accept: '*/*',
      'user-agent': this.userAgent,
    };
    if (authorization) headers.authorization = authorization;
    return new Promise<Answer>((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(target, { method: 'POST', headers, agent: secure ? this.agents.https : this.agents.http, timeout: REPLY_RETRY.timeoutMs }, (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), retryAfterMs: retryAfterMs(res) }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(Object.assign(new Error(`the Bot Framework connector did not answer within ${REPLY_RETRY.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/** How long to wait before the next try, or undefined when this failure is final. */
function retryDelay(attempt: number, answer: Answer | undefined, failure: unknown): number | undefined {
  if (attempt >= REPLY_RETRY.maxRetries) return undefined;
  if (answer?.retryAfterMs !== undefined && (answer.status === 429 || answer.status === 503)) return answer.retryAfterMs;
  const retryable = answer ? REPLY_RETRY.retryStatus(answer.status) : REPLY_RETRY.retryErrorCodes.has(errorCode(failure));
  if (!retryable) return undefined;
  const delay = Math.min(REPLY_RETRY.maxDelayMs, REPLY_RETRY.baseDelayMs * 2 ** attempt);
  return delay / 2 + Math.floor(Math.random() * (delay / 2 + 1));
}

function errorCode(err: unknown): string {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : '';
}

/** Retry-After in seconds or as an HTTP date, or retry-after-ms / x-ms-retry-after-ms, as the Azure pipeline reads them. */
function retryAfterMs(res: IncomingMessage): number | undefined {
  for (const [header, factor] of [['retry-after-ms', 1], ['x-ms-retry-after-ms', 1], ['retry-after', 1000]] as const) {
    const value = res.headers[header];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * factor;
    const date = Date.parse(value);
    if (header === 'retry-after' && Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return undefined;
}

/** The connector answers `{"id": "…"}`; some answer nothing (Direct Line, emulators). */
function idIn(body: string): string {
  if (body.trim() === '') return '';
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && 'id' in parsed && typeof parsed.id === 'string' ? parsed.id : '';
  } catch {
    return '';
  }
}
