/** Bot Framework activities as Teams' connector would POST them, for HTTP tests. */
let counter = 0;

/** The connector's stamp: UTC with seven fraction digits ("2026-11-30T19:45:01.6546328Z"). */
export function connectorTimestamp(): string {
  const micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, -1)}${String(micros % 1000).padStart(3, '0')}0Z`;
}

export function messageActivity(serviceUrl: string, conversationId: string, text: string, extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    type: 'message',
    id: `act-${counter}`,
    timestamp: connectorTimestamp(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `user-${conversationId}`, name: 'Customer' },
    recipient: { id: 'bot', name: 'Bank bot' },
    conversation: { id: conversationId },
    text,
    locale: 'zh-CN',
    ...extra,
  };
}

export function conversationUpdate(serviceUrl: string, conversationId: string) {
  counter += 1;
  return {
    type: 'conversationUpdate',
    id: `act-${counter}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `user-${conversationId}` },
    recipient: { id: 'bot' },
    conversation: { id: conversationId },
    membersAdded: [{ id: `user-${conversationId}` }],
  };
}

export async function postActivity(baseUrl: string, activity: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}
