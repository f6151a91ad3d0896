/** Bot Framework activities as Teams' connector would POST them, for HTTP tests. */
let counter = 0;

export function messageActivity(serviceUrl: string, conversationId: string, text: string, extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    type: 'message',
    id: `act-${counter}`,
    timestamp: new Date().toISOString(),
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
