/**
 * Bot Framework replies go out through our ActivityPoster instead of Microsoft's ConnectorClient
 * pipeline (a tenth of a turn's CPU). The connector must not be able to tell: same URL, same JSON,
 * same Authorization, same retries. Each check sends one reply both ways to a local HTTP server
 * that records what it got.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppCredentials, ConnectorClient, MicrosoftAppCredentials, type AuthenticatorResult } from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { ActivityPoster, ConnectorHttpError } from '../../src/channels/botframework/activityPoster';
import { withLeanReplies } from '../../src/channels/botframework/withLeanReplies';
import { loadConfig } from '../../src/config';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}
interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A connector that records every request and answers from a script (then 200 with an id). */
async function startRecorder(): Promise<{ url: string; received: Received[]; script: Scripted[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const script: Scripted[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? (JSON.parse(text) as unknown) : undefined });
      const next = script.shift() ?? { status: 200, body: JSON.stringify({ id: `reply-${received.length}` }) };
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(next.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Credentials with an app id whose token comes from here, not from Microsoft's login service. */
class FixedTokenCredentials extends AppCredentials {
  constructor(
    appId: string,
    private readonly token: string,
  ) {
    super(appId);
  }
  protected refreshToken(): Promise<AuthenticatorResult> {
    return Promise.resolve({ accessToken: this.token, expiresOn: new Date(Date.now() + 3_600_000) });
  }
}

/** A reply as botbuilder builds one: addresses, suggested actions, a card, entities, channel data, a Date. */
function richReply(serviceUrl: string): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: '19:abc@thread.tacv2;messageid=1700000000000', isGroup: false, conversationType: 'personal', name: '' },
    from: { id: '28:bot', name: '银行助手', role: 'bot' },
    recipient: { id: '29:user', name: '王小明', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    replyToId: '1700000000000',
    locale: 'zh-CN',
    timestamp: new Date('2026-11-30T08:00:00.123Z'),
    text: '您使用的是哪种证书？\n1. U盾（USB Key）\n2. 文件证书',
    textFormat: 'plain',
    inputHint: 'acceptingInput',
    suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'U盾（USB Key）', value: 'U盾（USB Key）' }, { type: 'imBack', title: '文件证书', value: '文件证书' }] },
    attachments: [{ contentType: 'application/vnd.microsoft.card.hero', content: { title: '网点', buttons: [{ type: 'openUrl', title: '地图', value: 'https://example.com/map?q=1&r=2' }] } }],
    entities: [{ type: 'mention', text: '<at>王小明</at>', mentioned: { id: '29:user', name: '王小明' } }],
    channelData: { notification: { alert: true }, custom: [1, 'two', null] },
  };
}

describe('ActivityPoster: Bot Framework replies without the Azure pipeline', () => {
  let connector: Awaited<ReturnType<typeof startRecorder>>;
  let poster: ActivityPoster;
  beforeEach(async () => {
    connector = await startRecorder();
    poster = new ActivityPoster('Microsoft-BotFramework/3.1 bank-service-bot');
  });
  afterEach(async () => {
    poster.close();
    await connector.close();
  });

  it.each([
    ['authentication off (no app id)', () => MicrosoftAppCredentials.Empty],
    ['an app id with a token', () => new FixedTokenCredentials('app-123', 'token-abc')],
  ])('with %s, a reply and a proactive message reach the same URL with the same JSON and Authorization as through Microsoft client', async (_name, credentials) => {
    const activity = richReply(connector.url);
    const conversationId = activity.conversation?.id ?? '';
    const microsoft = new ConnectorClient(credentials(), { baseUri: connector.url });
    const lean = withLeanReplies(new ConnectorClient(credentials(), { baseUri: connector.url }), connector.url, poster);

    const viaMicrosoft = await microsoft.conversations.replyToActivity(conversationId, '1700000000000', activity as Activity);
    const viaLean = await lean.conversations.replyToActivity(conversationId, '1700000000000', activity as Activity);
    await microsoft.conversations.sendToConversation(conversationId, activity as Activity);
    await lean.conversations.sendToConversation(conversationId, activity as Activity);

    expect(connector.received).toHaveLength(4);
    const [a, b, c, d] = connector.received;
    expect(b.url).toBe(a.url);
    expect(a.url).toBe(`/v3/conversations/${encodeURIComponent(conversationId)}/activities/1700000000000`);
    expect(d.url).toBe(c.url);
    expect(b.body).toEqual(a.body);
    expect(d.body).toEqual(c.body);
    expect(b.headers.authorization).toBe(a.headers.authorization);
    expect(b.headers['content-type']).toBe(a.headers['content-type']);
    // The connector's answer is the ResourceResponse both ways.
    expect(viaMicrosoft.id).toBe('reply-1');
    expect(viaLean.id).toBe('reply-2');
  });

  it('sends the token of an app id as a Bearer Authorization, and none with authentication off', async () => {
    const withToken = withLeanReplies(new ConnectorClient(new FixedTokenCredentials('app-456', 'token-xyz'), { baseUri: connector.url }), connector.url, poster);
    const open = withLeanReplies(new ConnectorClient(MicrosoftAppCredentials.Empty, { baseUri: connector.url }), connector.url, poster);
    await withToken.conversations.sendToConversation('c1', { type: 'message', text: 'hi' } as Activity);
    await open.conversations.sendToConversation('c1', { type: 'message', text: 'hi' } as Activity);
    expect(connector.received.map((r) => r.headers.authorization)).toEqual(['Bearer token-xyz', undefined]);
  });

  it('waits as a 429 or 503 Retry-After says, then delivers once', async () => {
    connector.script.push({ status: 429, headers: { 'retry-after': '0' } }, { status: 503, headers: { 'retry-after-ms': '10' } });
    const answer = await poster.post(`${connector.url}/v3/conversations/c1/activities`, { type: 'message', text: '你好' }, undefined);
    expect(connector.received).toHaveLength(3);
    expect(answer.id).toBe('reply-3');
  });

  it('does not retry a refusal (400): the caller gets the status and the connector body', async () => {
    connector.script.push({ status: 400, body: '{"error":{"code":"BadArgument","message":"Invalid activity"}}' });
    const sent = poster.post(`${connector.url}/v3/conversations/c1/activities`, { type: 'message' }, undefined);
    await expect(sent).rejects.toBeInstanceOf(ConnectorHttpError);
    await expect(sent).rejects.toMatchObject({ statusCode: 400, message: expect.stringContaining('BadArgument') });
    expect(connector.received).toHaveLength(1);
  });

  it('gives up after three retries of a 5xx, as Microsoft client does (the runtime then answers 5xx and the channel retries)', async () => {
    for (let i = 0; i < 4; i++) connector.script.push({ status: 502, headers: { 'retry-after-ms': '0' } });
    // 502 carries no Retry-After meaning (only 429/503 do): the exponential waits of 0.5-1, 1-2 and 2-4 s apply.
    const started = Date.now();
    await expect(poster.post(`${connector.url}/v3/conversations/c1/activities`, { type: 'message' }, undefined)).rejects.toMatchObject({ statusCode: 502 });
    expect(connector.received).toHaveLength(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3500);
  }, 15_000);

  it('an outgoing proxy in the environment keeps Microsoft client (its pipeline knows the proxy)', () => {
    expect(loadConfig({ HTTPS_PROXY: 'http://proxy.bank.internal:3128' }).outboundProxy).toBe(true);
    expect(loadConfig({ http_proxy: 'http://proxy.bank.internal:3128' }).outboundProxy).toBe(true);
    expect(loadConfig({}).outboundProxy).toBe(false);
  });
});
