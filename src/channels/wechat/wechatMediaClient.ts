/**
 * Fetches a file a customer sent (a picture) from WeChat's temporary-media API
 * (获取临时素材 / Get temporary material):
 * https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_temporary_materials.html
 * `GET /cgi-bin/media/get?access_token=TOKEN&media_id=MEDIA_ID` answers the file's bytes with its
 * Content-Type, or, on error, a small JSON body `{"errcode": 40007, "errmsg": "invalid media_id"}`
 * (served as text/plain or application/json, so the body is what tells them apart: no image or
 * PDF starts with `{`). WeChat keeps such media for 3 days.
 *
 * The host is `WECHAT_API_BASE` (config.ts), like every other WeChat call, so tests and private
 * deployments point it at a stand-in or a proxy.
 */
import { z } from 'zod';
import type { AccessTokenCache } from './accessTokenCache';
import { WeChatApiError } from './wechatApiError';
import { withTokenRetry } from './withTokenRetry';

/**
 * Shorter than the other calls: the picture is fetched inside WeChat's 5-second window, and a
 * failure must still leave time to tell the customer in the passive reply.
 */
const FETCH_TIMEOUT_MS = 3_000;
const errorSchema = z.object({ errcode: z.number().int(), errmsg: z.string().default('') });

/** The file is larger than the caller's limit; nothing of it is kept. */
export class MediaTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`WeChatMediaClient: the file is larger than ${limit} bytes`);
    this.name = 'MediaTooLargeError';
  }
}

export interface FetchedMedia {
  bytes: Buffer;
  /** What WeChat claimed; informative only, the type is sniffed from the bytes before storing. */
  claimedType: string;
}

export class WeChatMediaClient {
  constructor(
    private readonly tokens: AccessTokenCache,
    private readonly apiBase: string,
  ) {}

  /** The file's bytes, at most `maxBytes` (MediaTooLargeError beyond, read no further). */
  async fetch(mediaId: string, maxBytes: number): Promise<FetchedMedia> {
    return withTokenRetry(this.tokens, (token) => this.fetchWith(token, mediaId, maxBytes));
  }

  private async fetchWith(token: string, mediaId: string, maxBytes: number): Promise<FetchedMedia> {
    const url = new URL(`${this.apiBase}/cgi-bin/media/get`);
    url.searchParams.set('access_token', token);
    url.searchParams.set('media_id', mediaId);
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!response.ok) throw new WeChatApiError('WeChatMediaClient.fetch()', -response.status, `HTTP ${response.status}`);
    const bytes = await readLimited(response, maxBytes);
    if (bytes[0] === 0x7b /* { */) throw errorAnswer(bytes);
    return { bytes, claimedType: response.headers.get('content-type') ?? '' };
  }
}

function errorAnswer(bytes: Buffer): WeChatApiError {
  let parsed: z.ZodSafeParseResult<z.output<typeof errorSchema>> | undefined;
  try {
    parsed = errorSchema.safeParse(JSON.parse(bytes.toString('utf8')));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) return new WeChatApiError('WeChatMediaClient.fetch()', -1, 'unexpected answer shape');
  return new WeChatApiError('WeChatMediaClient.fetch()', parsed.data.errcode, parsed.data.errmsg);
}

/** Reads the body up to `limit` bytes; a bigger one is cancelled, not buffered. */
async function readLimited(response: Response, limit: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new MediaTooLargeError(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new MediaTooLargeError(limit);
    }
    chunks.push(Buffer.from(value));
  }
}
