/** A tiny Direct Line 3.0 client over fetch, for protocol tests: every call returns status and JSON. */
export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ActivityJson {
  id: string;
  type: string;
  text?: string;
  from: { id: string; name?: string; role?: string };
  channelData?: { clientActivityID?: string };
  suggestedActions?: { actions: Array<{ title: string; value: string }> };
  [key: string]: unknown;
}

export interface Grant {
  conversationId: string;
  token: string;
  expires_in: number;
}

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  options: { auth?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) headers.authorization = `Bearer ${options.auth}`;
  let body: string | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}

export const dl = (conversationId: string) => `/v3/directline/conversations/${conversationId}`;

export function message(text: string, extra: Record<string, unknown> = {}) {
  return { type: 'message', text, from: { id: 'someone' }, locale: 'zh-CN', ...extra };
}

/** Reads the whole log (watermark 0) and returns the activities and the watermark. */
export async function history(base: string, token: string, conversationId: string, watermark?: string) {
  const query = watermark === undefined ? '' : `?watermark=${watermark}`;
  return call<{ activities: ActivityJson[]; watermark: string }>(base, 'GET', `${dl(conversationId)}/activities${query}`, { auth: token });
}

/** tokens/generate with the secret, then start the conversation with the token. */
export async function openConversation(base: string, secret: string, locale?: string): Promise<Grant> {
  const generated = await call<Grant>(base, 'POST', '/v3/directline/tokens/generate', { auth: secret });
  if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
  const started = await call<Grant>(base, 'POST', '/v3/directline/conversations', {
    auth: generated.body.token,
    ...(locale ? { body: { locale } } : {}),
  });
  if (started.status !== 201) throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
  return started.body;
}
