/**
 * Microsoft's Web Chat (botframework-webchat, in real Chromium, on another origin) against our
 * Direct Line during a handover: the bot's multi-line answers keep their line breaks; an agent's
 * Markdown link and image arrive as literal text; the agent's typing shows; an image the customer
 * uploads reaches the agent's console stream and is served back as that image.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { ConsoleClient, createAgent, handleOf } from '../handover/support/consoleClient';
import { ROOT, startTestServer, type TestServer } from '../support/testServer';
import { PNG } from './support/png';
import { call, type Grant } from './support/directLineClient';
import { ARTIFACTS, launchBrowser } from './support/browser';

const SECRET = 'handover-directline-secret-3e8a';
const WEBCHAT_UMD = resolve(ROOT, 'node_modules/botframework-webchat/dist/webchat.js');

let bot: TestServer;
let browser: Browser;
let host: Server;
let hostUrl = '';
let page = '';
const agent = { client: undefined as ConsoleClient | undefined };

beforeAll(async () => {
  bot = await startTestServer({ DIRECTLINE_SECRET: SECRET, HANDOVER_HOURS: 'always' });
  await createAgent(bot.prefix, 'zhang');
  browser = await launchBrowser();
  const umd = readFileSync(WEBCHAT_UMD);
  host = createServer((req, res) => {
    const js = req.url === '/webchat.js';
    res.writeHead(200, { 'content-type': js ? 'application/javascript' : 'text/html; charset=utf-8' });
    res.end(js ? umd : page);
  });
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
}, 120_000);
afterAll(async () => {
  agent.client?.close();
  await browser?.close();
  await new Promise<void>((r) => (host ? host.close(() => r()) : r()));
  await bot?.close();
});

it('keeps line breaks, shows agent Markdown as text, shows typing, and brings an uploaded image to the agent', async () => {
  const generated = await call<Grant>(bot.url, 'POST', '/v3/directline/tokens/generate', { auth: SECRET });
  page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Web Chat</title>
<style>html,body,#webchat{height:100%;margin:0}</style></head><body><div id="webchat" role="main"></div>
<script src="/webchat.js"></script>
<script>window.WebChat.renderWebChat({ directLine: window.WebChat.createDirectLine({ domain: ${JSON.stringify(`${bot.url}/v3/directline`)}, token: ${JSON.stringify(generated.body.token)}, webSocket: false }), locale: 'zh-CN' }, document.getElementById('webchat'));</script>
</body></html>`;
  const tab = await browser.newPage({ viewport: { width: 800, height: 900 } });
  const requests: string[] = [];
  tab.on('request', (r) => requests.push(`${r.method()} ${r.url().slice(0, 120)}`));
  tab.on('console', (m) => requests.push(`console: ${m.text().slice(0, 200)}`));
  await tab.goto(hostUrl);
  const texts = tab.locator('.webchat__text-content');
  await texts.first().waitFor({ timeout: 20_000 });
  const sendBox = tab.locator('[data-id="webchat-sendbox-input"]');

  // A multi-line bot answer: every line its own paragraph (plain text), not one run-on line.
  const say = async (text: string) => {
    const before = await texts.count();
    await sendBox.fill(text);
    await sendBox.press('Enter');
    await tab.waitForFunction((n) => document.querySelectorAll('.webchat__text-content').length > n + 1, before);
  };
  await say('网银证书快要到期了');
  await say('U盾');
  // Web Chat renders plain text one <p class="webchat__text-content--is-plain"> per line.
  await tab.waitForFunction(() =>
    Array.from(document.querySelectorAll('.webchat__text-content--is-plain')).some((p) => (p.parentElement?.querySelectorAll(':scope > .webchat__text-content--is-plain').length ?? 0) > 2),
  );

  const client = new ConsoleClient(bot.url);
  agent.client = client;
  expect((await client.signIn('zhang')).status).toBe(200);
  await client.openStream();
  await sendBox.fill('转人工');
  await sendBox.press('Enter');
  const { conversationId } = (await call<Grant>(bot.url, 'POST', '/v3/directline/conversations', { auth: generated.body.token })).body;
  const handle = handleOf('directline', conversationId);
  await client.waitForEvent((e) => e.type === 'queue');
  expect((await client.call('POST', `/agent/api/conversations/${handle}/take`)).status).toBe(200);

  // The agent is typing: Web Chat shows its typing indicator.
  expect((await client.call('POST', `/agent/api/conversations/${handle}/typing`)).status).toBe(200);
  await tab.locator('.webchat__typing-indicator').waitFor();

  const markdown = '请看 [x](https://example.com/phish) 和 ![](https://example.com/pixel.png)';
  expect((await client.call('POST', `/agent/api/conversations/${handle}/messages`, { text: markdown })).status).toBe(200);
  await tab.locator('.webchat__text-content', { hasText: '[x](https://example.com/phish)' }).waitFor();
  expect(await tab.locator('a[href="https://example.com/phish"]').count()).toBe(0);
  expect(await tab.locator('img[src="https://example.com/pixel.png"]').count()).toBe(0);

  // The customer sends a screenshot with Web Chat's upload button: it reaches the agent.
  await tab.locator('input.webchat__upload-button--file-input').setInputFiles({ name: 'error.png', mimeType: 'image/png', buffer: PNG });
  // Web Chat 4.18 holds a chosen file in the send box, and only once it has made the thumbnail
  // (slow under load) does "send" send it; until then the button sends nothing. So the customer
  // presses send until the upload reaches the agent (a press with an empty box sends nothing).
  const uploaded = (e: { type: string; data: Record<string, unknown> }) =>
    e.type === 'message' && Array.isArray((e.data.entry as { attachments?: unknown[] }).attachments);
  let event = undefined as Awaited<ReturnType<typeof client.waitForEvent>> | undefined;
  for (let press = 0; press < 10 && !event; press++) {
    await tab.locator('button.webchat__send-button').click();
    event = await client.waitForEvent(uploaded, 2_000).catch(() => undefined);
  }
  if (!event) {
    throw new Error(`no upload reached the agent\nserver log:\n${bot.logs.filter((l) => /upload|attach|rejected|error/i.test(l)).join('\n')}\nbrowser:\n${requests.slice(-15).join('\n')}`);
  }
  const [file] = (event.data.entry as { attachments: Array<{ url: string; contentType: string; name: string }> }).attachments;
  expect(file).toMatchObject({ contentType: 'image/png', name: 'error.png' });
  const served = await fetch(`${bot.url}${file.url}`);
  expect(served.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
  await tab.screenshot({ path: resolve(ARTIFACTS, 'webchat-handover.png') });
  await tab.close();
}, 120_000);
