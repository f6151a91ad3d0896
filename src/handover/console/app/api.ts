/** The console's calls to its server: JSON in and out, the session in an HttpOnly cookie. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter: number,
  ) {
    super(message);
  }
}

export type Unauthorized = () => void;

export class ConsoleApi {
  constructor(private readonly onUnauthorized: Unauthorized) {}

  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
    if (method === 'POST') {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(body ?? {});
    }
    const res = await fetch(path, init);
    const data: unknown = await res.json().catch(() => ({}));
    if (res.status === 401 && path !== '/agent/api/signin') this.onUnauthorized();
    if (!res.ok) throw new ApiError(res.status, errorMessage(data) ?? res.statusText, Number(res.headers.get('retry-after') ?? 0));
    return data as T;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }
}

function errorMessage(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || !('error' in data)) return undefined;
  const error = (data as { error: unknown }).error;
  if (typeof error === 'object' && error !== null && 'message' in error) return String((error as { message: unknown }).message);
  return undefined;
}
