/** A Teams-shaped message activity for load runs; conversations cycle so turns can run in parallel. */
export const BENCH_TEXTS = ['网银证书过期了怎么办', 'my online banking certificate expired', '最近的网点在哪里', 'hello', '謝謝'];

export function benchMessage(id: string, i: number, label: string, serviceUrl: string, conversations: number): string {
  const conv = `bench-${label}-${i % conversations}`;
  return JSON.stringify({
    type: 'message',
    id,
    channelId: 'msteams',
    serviceUrl,
    from: { id: `u-${conv}` },
    recipient: { id: 'bot' },
    conversation: { id: conv },
    text: BENCH_TEXTS[i % BENCH_TEXTS.length],
  });
}

export async function postBenchMessage(url: string, body: string): Promise<boolean> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.arrayBuffer();
  return res.status === 200;
}
