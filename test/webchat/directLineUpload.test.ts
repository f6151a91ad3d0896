/**
 * Direct Line uploads and text formats over real HTTP and Redis: files are accepted by what they
 * are (magic bytes), not what they claim; a stored file is served so it can only be shown; bad
 * uploads get a clear 4xx and leave nothing in the conversation; our texts are marked `plain`.
 */
import { markdownHardBreaks, withTextFormat } from '../../src/channels/webchat/textFormat';
import { startTestServer, type TestServer } from '../support/testServer';
import { call, type ActivityJson, type Grant } from './support/directLineClient';
import { PNG } from './support/png';

const SECRET = 'upload-directline-secret-7c1d';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ DIRECTLINE_SECRET: SECRET });
});
afterAll(() => server.close());

async function conversation(): Promise<Grant> {
  const generated = await call<Grant>(server.url, 'POST', '/v3/directline/tokens/generate', { auth: SECRET, body: { user: { id: 'dl_upload_user' } } });
  const started = await call<Grant>(server.url, 'POST', '/v3/directline/conversations', { auth: generated.body.token });
  return started.body;
}

function upload(grant: Grant, files: Array<{ name: string; type: string; data: Buffer }>, text?: string): Promise<Response> {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)], { type: f.type }), f.name);
  if (text !== undefined) form.append('activity', new Blob([JSON.stringify({ type: 'message', text })], { type: 'application/vnd.microsoft.activity' }));
  return fetch(`${server.url}/v3/directline/conversations/${grant.conversationId}/upload?userId=dl_upload_user`, {
    method: 'POST',
    headers: { authorization: `Bearer ${grant.token}` },
    body: form,
  });
}

async function activities(grant: Grant): Promise<ActivityJson[]> {
  return (await call<{ activities: ActivityJson[] }>(server.url, 'GET', `/v3/directline/conversations/${grant.conversationId}/activities`, { auth: grant.token })).body.activities;
}

it('accepts an image by its content, and serves it back as that image type, sandboxed and never sniffed', async () => {
  const grant = await conversation();
  const res = await upload(grant, [{ name: 'screenshot.png', type: 'application/octet-stream', data: PNG }], 'error screenshot');
  expect(res.status).toBe(200);
  const sent = (await activities(grant)).find((a) => a.from.role === 'user' && Array.isArray(a.attachments));
  const attachment = (sent?.attachments as Array<{ contentType: string; contentUrl: string; name: string }>)[0];
  expect(attachment).toMatchObject({ contentType: 'image/png', name: 'screenshot.png' });
  expect(sent?.text).toBe('error screenshot');
  const file = await fetch(attachment.contentUrl);
  expect(file.headers.get('content-type')).toBe('image/png');
  expect(file.headers.get('x-content-type-options')).toBe('nosniff');
  expect(file.headers.get('content-security-policy')).toMatch(/sandbox/);
  expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
});

it('accepts a PDF by its content, and serves it only as a download, never shown in the page', async () => {
  const grant = await conversation();
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  expect((await upload(grant, [{ name: '对账单.pdf', type: 'text/html', data: pdf }])).status).toBe(200);
  const sent = (await activities(grant)).find((a) => a.from.role === 'user' && Array.isArray(a.attachments));
  const attachment = (sent?.attachments as Array<{ contentType: string; contentUrl: string; name: string }>)[0];
  expect(attachment).toMatchObject({ contentType: 'application/pdf', name: '对账单.pdf' });
  const file = await fetch(attachment.contentUrl);
  expect(file.headers.get('content-type')).toBe('application/pdf');
  expect(file.headers.get('content-disposition')).toMatch(/^attachment/);
  expect(file.headers.get('content-security-policy')).toMatch(/sandbox/);
  expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
});

it('answers a file sent to the bot (no person in the conversation) by saying it cannot look at files', async () => {
  const grant = await conversation();
  expect((await upload(grant, [{ name: 'screenshot.png', type: 'image/png', data: PNG }])).status).toBe(200);
  let answer: ActivityJson | undefined;
  for (let tries = 0; tries < 50 && !answer; tries++) {
    const all = await activities(grant);
    const sentAt = all.findIndex((a) => a.from.role === 'user' && Array.isArray(a.attachments));
    answer = sentAt < 0 ? undefined : all.slice(sentAt + 1).find((a) => a.type === 'message' && a.from.role === 'bot');
    if (!answer) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // In the language this user last wrote in (an earlier test's English caption), or Chinese when run alone.
  expect(answer?.text).toMatch(/^(I cannot look at pictures or files|我看不了图片或文件)/);
});

it('refuses an HTML page dressed up as a PNG with 415, and the conversation gets nothing', async () => {
  const grant = await conversation();
  const before = (await activities(grant)).length;
  const res = await upload(grant, [{ name: 'cat.png', type: 'image/png', data: Buffer.from('<html><script>alert(1)</script></html>') }]);
  expect(res.status).toBe(415);
  expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/images .* and PDF/);
  expect(await activities(grant)).toHaveLength(before);
});

it('refuses uploads without a file, without multipart, too large, or for someone else\'s conversation', async () => {
  const grant = await conversation();
  expect((await upload(grant, [], 'no file')).status).toBe(400);
  const json = await call(server.url, 'POST', `/v3/directline/conversations/${grant.conversationId}/upload`, { auth: grant.token, body: { type: 'message' } });
  expect(json.status).toBe(415);
  const big = Buffer.concat([PNG, Buffer.alloc(4 * 1024 * 1024)]);
  expect((await upload(grant, [{ name: 'big.png', type: 'image/png', data: big }])).status).toBe(413);
  const other = await conversation();
  const res = await fetch(`${server.url}/v3/directline/conversations/${other.conversationId}/upload`, { method: 'POST', headers: { authorization: `Bearer ${grant.token}` }, body: new FormData() });
  expect(res.status).toBe(403);
  expect((await fetch(`${server.url}/attachments/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
});

it('marks the bot\'s answers as plain text, so clients keep their line breaks and render no markup', async () => {
  const grant = await conversation();
  const greeting = (await activities(grant)).find((a) => a.type === 'message' && a.from.role === 'bot');
  expect(greeting?.textFormat).toBe('plain');
  expect(withTextFormat({ type: 'message', text: 'a\nb', textFormat: 'markdown' }).text).toBe('a  \nb');
  expect(markdownHardBreaks('a\n\nb\nc')).toBe('a\n\nb  \nc');
  expect(withTextFormat({ type: 'typing' })).toEqual({ type: 'typing' });
});
