/**
 * Compatibility: Microsoft's botframework-webchat (its UMD bundle from npm, served here from
 * node_modules on a different origin, as a bank's site would) talks to our Direct Line endpoint,
 * with polling and with the WebSocket stream, and exchanges a message with the real bot.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, startTestServer, type TestServer } from '../support/testServer';
import { call, type Grant } from './support/directLineClient';
import { ARTIFACTS, launchBrowser } from './support/browser';

const SECRET = 'compat-directline-secret-5b2e9c';
const WEBCHAT_UMD = resolve(ROOT, 'node_modules/botframework-webchat/dist/webchat.js');

function hostPage(directLine: string, token: string, webSocket: boolean): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Web Chat</title>
<style>html,body,#webchat{height:100%;margin:0}</style></head><body><div id="webchat" role="main"></div>
<script src="/webchat.js"></script>
<script>
  window.WebChat.renderWebChat({
    directLine: window.WebChat.createDirectLine({ domain: ${JSON.stringify(directLine)}, token: ${JSON.stringify(token)}, webSocket: ${webSocket} }),
    locale: 'en-US'
  }, document.getElementById('webchat'));
</script></body></html>`;
}

async function serveHost(page: () => string): Promise<{ url: string; server: Server }> {
  const umd = readFileSync(WEBCHAT_UMD);
  // Separate calls: restify (loaded in this process) replaces ServerResponse.writeHead with one that returns nothing.
  const server = createServer((req, res) => {
    const js = req.url === '/webchat.js';
    res.writeHead(200, { 'content-type': js ? 'application/javascript' : 'text/html; charset=utf-8' });
    res.end(js ? umd : page());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe("Microsoft's Web Chat against our Direct Line", () => {
  let bot: TestServer;
  let browser: Browser;
  let host: { url: string; server: Server };
  let token = '';
  let webSocket = false;

  beforeAll(async () => {
    bot = await startTestServer({ DIRECTLINE_SECRET: SECRET });
    browser = await launchBrowser();
    host = await serveHost(() => hostPage(`${bot.url}/v3/directline`, token, webSocket));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((r) => (host ? host.server.close(() => r()) : r()));
    await bot?.close();
  });

  it.each([
    ['polling (webSocket: false)', false],
    ['the WebSocket stream (webSocket: true, its default)', true],
  ])('connects with %s, shows the greeting and gets an answer to a question', async (_how, useSocket) => {
    webSocket = useSocket;
    // The bank's back end would do this with its secret and hand the token to its page.
    const generated = await call<Grant>(bot.url, 'POST', '/v3/directline/tokens/generate', { auth: SECRET });
    token = generated.body.token;
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);

    // Web Chat renders every message's text in a .webchat__text-content element.
    const texts = page.locator('.webchat__text-content');
    await texts.first().waitFor({ timeout: 20_000 }); // the bot's greeting arrived by polling
    const greeted = await texts.count();

    const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
    await sendBox.fill('My online banking certificate has expired');
    await sendBox.press('Enter');
    // Our echo of the message plus the bot's answer, both read by Web Chat's polling.
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__text-content').length >= n + 2, greeted, { timeout: 20_000 });
    await page.screenshot({ path: resolve(ARTIFACTS, `webchat-compat-${useSocket ? 'websocket' : 'polling'}.png`) });

    const log = await call<{ activities: Array<{ from: { role?: string }; text?: string }> }>(
      bot.url,
      'GET',
      `/v3/directline/conversations/${generated.body.conversationId}/activities`,
      { auth: SECRET },
    );
    const roles = log.body.activities.map((a) => `${a.from.role}: ${a.text ?? ''}`);
    expect(roles).toContain('user: My online banking certificate has expired');
    const answer = log.body.activities.at(-1);
    expect(answer?.from.role).toBe('bot');
    const shown = await texts.allTextContents();
    expect(shown).toContain('My online banking certificate has expired');
    // The bot's text keeps its line breaks, so Web Chat may render one answer in several text
    // blocks (the question, then its numbered choices): look for the answer's first line after our message.
    const afterOurs = shown.slice(shown.lastIndexOf('My online banking certificate has expired') + 1).join('\n');
    expect(afterOurs).toContain((answer?.text ?? '?').split('\n')[0]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
