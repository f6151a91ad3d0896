/**
 * Property-based fuzzing of the three channel endpoints over real HTTP: whatever arrives, the
 * answer is never a 5xx, and every refusal is a JSON error naming the problem. Shared by the
 * short run in `npm test` and the long one in the slow suite.
 */
import fc from 'fast-check';
import { startConnectorStandIn, type ConnectorStandIn } from '../../support/connectorStandIn';
import { startTestServer, type TestServer } from '../../support/testServer';
import { call, openConversation, type Grant } from '../../webchat/support/directLineClient';
import { startWeChatApiStandIn, type WeChatApiStandIn } from '../../wechat/support/wechatApiStandIn';
import { postPlain, TEST_WECHAT, wechatEnv } from '../../wechat/support/wechatClient';

const SECRET = 'test-directline-secret-fuzz-0123456';

export interface FuzzTarget {
  server: TestServer;
  connector: ConnectorStandIn;
  api: WeChatApiStandIn;
  conversation: Grant;
  close(): Promise<void>;
}

export async function startFuzzTarget(): Promise<FuzzTarget> {
  const connector = await startConnectorStandIn();
  const api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  // Direct Line's per-conversation rate limit answers most fuzzed posts 429 once they are valid: still a 4xx to check.
  const server = await startTestServer({ ...wechatEnv(api.url), DIRECTLINE_SECRET: SECRET });
  const conversation = await openConversation(server.url, SECRET);
  return {
    server,
    connector,
    api,
    conversation,
    async close() {
      await server.close();
      await connector.close();
      await api.close();
    },
  };
}

/** Text as customers and attackers write it: any Unicode, control characters, markup, PII. */
const text = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', ' ', '网银证书过期了', '<xml>', ']]>', '\u0000', '🙂'.repeat(50)));
/** Nesting far past anything real (the measured crashes were 5,000 and 8,000 deep). */
const depth = fc.integer({ min: 1, max: 9000 });
const deepJson = depth.chain((n) => fc.constantFrom('['.repeat(n) + ']'.repeat(n), '{"a":'.repeat(n) + '1' + '}'.repeat(n)));
const anyJson = fc.oneof(fc.json(), deepJson, fc.string());

function activityLike(serviceUrls: string[]): fc.Arbitrary<string> {
  const record = fc.record(
    {
      type: fc.oneof(fc.constantFrom('message', 'invoke', 'conversationUpdate', 'event', 'typing', 'endOfConversation', 'messageReaction', 'installationUpdate'), text),
      id: fc.oneof(fc.uuid(), text),
      channelId: fc.oneof(fc.constantFrom('msteams', 'emulator', 'directline', ''), text),
      serviceUrl: fc.oneof(fc.constantFrom(...serviceUrls, 'javascript:alert(1)', 'file:///etc/passwd', '', 'not a url'), text),
      from: fc.oneof(fc.record({ id: fc.oneof(fc.uuid(), text), name: text }, { requiredKeys: [] }), fc.anything()),
      recipient: fc.oneof(fc.record({ id: text }), fc.anything()),
      conversation: fc.oneof(fc.record({ id: fc.uuid() }), fc.record({ id: text }), fc.anything()),
      text,
      locale: fc.oneof(fc.constantFrom('zh-CN', 'en-US', 'zh-HK'), text),
      membersAdded: fc.oneof(fc.array(fc.record({ id: text })), fc.anything()),
      value: fc.anything(),
      entities: fc.oneof(fc.array(fc.record({ type: fc.constantFrom('GeoCoordinates', 'mention'), latitude: fc.anything(), longitude: fc.anything() })), fc.anything()),
      attachments: fc.anything(),
      channelData: fc.anything(),
    },
    { requiredKeys: [] },
  );
  return record.map((a) => JSON.stringify(a));
}

export function botFrameworkBodies(target: FuzzTarget): fc.Arbitrary<string> {
  return fc.oneof(activityLike([target.connector.url]), anyJson.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
}

const fieldName = fc.oneof(
  fc.constantFrom('ToUserName', 'FromUserName', 'CreateTime', 'MsgType', 'MsgId', 'Content', 'Event', 'Location_X', 'Location_Y', 'Recognition', 'Encrypt', '__proto__', 'constructor', 'prototype'),
  fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,12}$/),
);
const fieldValue = fc.oneof(
  text,
  fc.constantFrom('text', 'voice', 'location', 'event', 'subscribe', 'image', '1700000000', '123456789012345678901', '31.2', 'gh_testbank', 'oCustomer'),
  fc.bigInt({ min: 0n, max: 10n ** 22n }).map(String),
);
const element = fc.tuple(fieldName, fieldValue, fc.boolean()).map(([name, value, asCdata]) =>
  asCdata ? `<${name}><![CDATA[${value}]]></${name}>` : `<${name}>${value}</${name}>`,
);

export const wechatBodies: fc.Arbitrary<string> = fc.oneof(
  fc.array(element, { maxLength: 12 }).map((els) => `<xml>${els.join('')}</xml>`),
  fc.record({ from: fc.stringMatching(/^o[A-Za-z0-9_-]{5,27}$/), content: text, type: fc.constantFrom('text', 'voice', 'location', 'event', 'image') }).map(
    ({ from, content, type }) =>
      `<xml><ToUserName><![CDATA[gh_testbank]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[${type}]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${Date.now()}${Math.floor(Math.random() * 1e6)}</MsgId></xml>`,
  ),
  depth.map((n) => `<xml>${'<a>'.repeat(n)}x${'</a>'.repeat(n)}</xml>`),
  text,
);

export const directLineBodies: fc.Arbitrary<string> = fc.oneof(
  fc
    .record(
      {
        type: fc.oneof(fc.constantFrom('message', 'event', 'typing', 'invoke'), text),
        text,
        textFormat: fc.oneof(fc.constantFrom('plain', 'markdown'), text),
        locale: fc.oneof(fc.constantFrom('zh-CN', 'en-US'), text),
        localTimestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), text),
        from: fc.anything(),
        name: text,
        value: fc.anything(),
        channelData: fc.oneof(fc.record({ clientActivityID: text }), fc.anything()),
        entities: fc.anything(),
        attachments: fc.anything(),
      },
      { requiredKeys: [] },
    )
    .map((a) => JSON.stringify(a)),
  anyJson.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
);

/** Never a 5xx; a 4xx carries `{ error: { code, message } }`. */
async function expectSound(res: Response, where: string, body: string): Promise<void> {
  const answer = await res.text();
  const shown = `${where} answered ${res.status} ${answer.slice(0, 300)} to ${body.slice(0, 300)}`;
  if (res.status >= 500) throw new Error(shown);
  if (res.status >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer);
    } catch {
      throw new Error(`not JSON: ${shown}`);
    }
    const error = (parsed as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message === '') throw new Error(`no error code and message: ${shown}`);
  }
}

export async function fuzzBotFramework(target: FuzzTarget, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(botFrameworkBodies(target), fc.constantFrom('application/json', 'text/plain', ''), async (body, type) => {
      const res = await fetch(`${target.server.url}/api/messages`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
      await expectSound(res, '/api/messages', body);
    }),
    { numRuns },
  );
}

export async function fuzzWeChat(target: FuzzTarget, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(wechatBodies, async (body) => {
      await expectSound(await postPlain(target.server.url, body), '/wechat', body);
    }),
    { numRuns },
  );
}

export async function fuzzDirectLine(target: FuzzTarget, numRuns: number): Promise<void> {
  const { conversationId, token } = target.conversation;
  await fc.assert(
    fc.asyncProperty(directLineBodies, async (body) => {
      const res = await fetch(`${target.server.url}/v3/directline/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      await expectSound(res, 'Direct Line', body);
    }),
    { numRuns },
  );
  // And the conversation still works.
  const after = await call(target.server.url, 'POST', `/v3/directline/conversations/${conversationId}/activities`, {
    auth: token,
    body: { type: 'message', text: 'hello', from: { id: 'u' } },
  });
  if (after.status !== 200) throw new Error(`Direct Line no longer answers after fuzzing: ${after.status}`);
}
