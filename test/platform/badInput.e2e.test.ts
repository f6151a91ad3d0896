/**
 * The inputs that used to get a 5xx (issue 13, item 9): each now gets a 4xx with a JSON error
 * naming the problem, runs no turn, and the server answers normally afterwards.
 */
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { messageActivity, postActivity } from '../support/activities';
import { startTestServer, type TestServer } from '../support/testServer';
import { dl, openConversation } from '../webchat/support/directLineClient';
import { startWeChatApiStandIn, type WeChatApiStandIn } from '../wechat/support/wechatApiStandIn';
import { postPlain, TEST_WECHAT, textXml, wechatEnv } from '../wechat/support/wechatClient';

const SECRET = 'test-directline-secret-badinput-01';

let server: TestServer;
let connector: ConnectorStandIn;
let api: WeChatApiStandIn;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  api = await startWeChatApiStandIn(TEST_WECHAT.appId, TEST_WECHAT.secret);
  server = await startTestServer({ ...wechatEnv(api.url), DIRECTLINE_SECRET: SECRET });
});

afterAll(async () => {
  await server?.close();
  await connector?.close();
  await api?.close();
});

async function expectRefusal(res: Response, status: number, mentions: RegExp): Promise<void> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toMatch(/^[A-Z_]+$/);
  expect(body.error.message).toMatch(mentions);
}

describe('/api/messages refuses with a 400 naming the field', () => {
  const base = () => messageActivity(connector.url, `bad-${Date.now()}`, 'hello');
  const without = (field: string) => Object.fromEntries(Object.entries(base()).filter(([k]) => k !== field));

  it('an activity without channelId', async () => expectRefusal(await postActivity(server.url, without('channelId')), 400, /channelId/));
  it('an activity without from.id', async () => expectRefusal(await postActivity(server.url, { ...base(), from: { name: 'x' } }), 400, /from\.id/));
  it('an activity without serviceUrl', async () => expectRefusal(await postActivity(server.url, without('serviceUrl')), 400, /serviceUrl/));
  it('an activity whose serviceUrl is javascript:', async () =>
    expectRefusal(await postActivity(server.url, { ...base(), serviceUrl: 'javascript:alert(1)' }), 400, /serviceUrl/));
  it('an attachment list holding something that is not an attachment', async () =>
    expectRefusal(await postActivity(server.url, { ...base(), attachments: [null] }), 400, /attachments/));
  it('a timestamp that is not a time', async () => expectRefusal(await postActivity(server.url, { ...base(), timestamp: 'yesterday' }), 400, /timestamp/));
  it.each([
    ['membersAdded that is not a list', { membersAdded: {} }, /membersAdded/],
    ['a member without an id', { membersAdded: [{ name: 'x' }] }, /membersAdded\.0\.id/],
    ['membersRemoved holding null', { membersRemoved: [null] }, /membersRemoved/],
    ['reactionsAdded that is not a list', { reactionsAdded: 'like' }, /reactionsAdded/],
  ])('a conversation update with %s', async (_name, fields, pattern) =>
    expectRefusal(await postActivity(server.url, { ...base(), type: 'conversationUpdate', ...fields }), 400, pattern));
  it('an entity without a type', async () => expectRefusal(await postActivity(server.url, { ...base(), entities: [{ name: 'x' }] }), 400, /entities\.0\.type/));
  it('an invoke activity, which this bot does not answer', async () => expectRefusal(await postActivity(server.url, { ...base(), type: 'invoke', name: 'adaptiveCard/action' }), 400, /type/));
  it('a body nested 5,000 deep', async () => {
    const res = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `${'['.repeat(5000)}${']'.repeat(5000)}` });
    await expectRefusal(res, 400, /deeper/);
  });
});

describe('/wechat refuses with a 400', () => {
  it('XML nested 8,000 deep', async () => {
    const res = await postPlain(server.url, `<xml>${'<a>'.repeat(8000)}x${'</a>'.repeat(8000)}</xml>`);
    await expectRefusal(res, 400, /deeper/);
  });

  it('a <__proto__> element', async () => {
    const xml = textXml('oProtoCustomer', '你好').replace('</xml>', '<__proto__><polluted>1</polluted></__proto__></xml>');
    await expectRefusal(await postPlain(server.url, xml), 400, /__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Direct Line refuses with a 400', () => {
  it('JSON nested 5,000 deep', async () => {
    const g = await openConversation(server.url, SECRET);
    const res = await fetch(`${server.url}${dl(g.conversationId)}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${g.token}`, 'content-type': 'application/json' },
      body: `{"type":"message","value":${'['.repeat(5000)}${']'.repeat(5000)}}`,
    });
    await expectRefusal(res, 400, /deeper/);
  });
});

it('still answers a good message on every channel afterwards', async () => {
  const conv = `good-${Date.now()}`;
  expect((await postActivity(server.url, messageActivity(connector.url, conv, 'hello'))).status).toBe(200);
  expect((await connector.waitFor(conv, 1)).length).toBe(1);
  expect((await postPlain(server.url, textXml('oGoodCustomer1', '你好'))).status).toBe(200);
});
