import type { AccessTokenCache } from './accessTokenCache';
import { TOKEN_ERRCODES, WeChatApiError } from './wechatApiError';

/**
 * Runs one API call with the shared access token; when WeChat says the token is invalid or expired
 * (40001/40014/42001, e.g. another process fetched a new one past the overlap) drops it and retries
 * once with a fresh one. Any other error, or a second refusal, is the caller's.
 */
export async function withTokenRetry<T>(tokens: AccessTokenCache, call: (token: string) => Promise<T>): Promise<T> {
  const token = await tokens.get();
  try {
    return await call(token);
  } catch (err) {
    if (!(err instanceof WeChatApiError) || !TOKEN_ERRCODES.has(err.errcode)) throw err;
    await tokens.invalidate(token);
    return call(await tokens.get());
  }
}
