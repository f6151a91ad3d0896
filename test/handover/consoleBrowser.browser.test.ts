/**
 * In real browsers (playwright-core + Debian Chromium) against the real app: a customer in the web
 * widget asks for a person; an agent signs in to the console in a second browser context, takes
 * the conversation, both exchange messages, the agent closes, and the bot answers the customer's
 * next message. A customer's XSS payload shows as text in the console and never runs.
 */
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/testServer';
import { ARTIFACTS, launchBrowser, waitForBotMessages, widget } from '../webchat/support/browser';
import { createAgent, PASSWORD } from './support/consoleClient';

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer({ HANDOVER_HOURS: 'always' });
  await createAgent(server.prefix, 'zhang');
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await browser?.close();
  await server?.close();
});

async function newPage(path: string): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${server.url}${path}`);
  return { page, dialogs };
}

async function customerSays(page: Page, text: string, expectReply = true): Promise<void> {
  const w = widget(page);
  const before = await w.botBubbles.count();
  await w.input.fill(text);
  await w.input.press('Enter');
  if (expectReply) await waitForBotMessages(page, before);
}

async function waitForCustomerText(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([selector, source]) =>
      Array.from(document.querySelector(selector)?.shadowRoot?.querySelectorAll('.row.bot .bubble') ?? []).some((b) => new RegExp(source).test(b.textContent ?? '')),
    ['[data-bankbot-widget]', pattern.source] as const,
  );
}

it('hands a web-widget customer to an agent in the console and back to the bot', async () => {
  const { page: agentPage, dialogs: agentDialogs } = await newPage('/agent');
  await agentPage.fill('#signin-name', 'zhang');
  await agentPage.fill('#signin-password', PASSWORD);
  await agentPage.click('#signin-submit');
  await agentPage.locator('#me', { hasText: 'zhang' }).waitFor();
  await agentPage.locator('#live.on').waitFor(); // the live stream is connected

  const { page: customer } = await newPage('/');
  await widget(customer).launcher.click();
  await waitForBotMessages(customer, 0);
  await customerSays(customer, '转人工');
  await waitForCustomerText(customer, /排在第 1 位/);

  const entry = agentPage.locator('#waiting li');
  await entry.first().waitFor(); // arrived through the live stream, no reload
  expect(await entry.first().textContent()).toMatch(/directline/);
  await customerSays(customer, XSS);
  await entry.first().click();
  await agentPage.locator('#transcript li', { hasText: '<img src=x' }).waitFor();
  await agentPage.click('#take');
  await waitForCustomerText(customer, /zhang 已接入/);

  await agentPage.fill('#reply', '您好，我是客服小张。');
  await agentPage.click('#send');
  await waitForCustomerText(customer, /我是客服小张/);
  await customerSays(customer, '我的卡被锁了', false);
  await agentPage.locator('#transcript li', { hasText: '我的卡被锁了' }).waitFor();

  expect(await agentPage.locator('#transcript li .text', { hasText: 'onerror' }).first().textContent()).toBe(XSS);
  expect(await agentPage.locator('#transcript img').count()).toBe(0);
  expect(await agentPage.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(agentDialogs).toEqual([]);
  await agentPage.screenshot({ path: resolve(ARTIFACTS, 'agent-console.png') });

  await agentPage.click('#close');
  await waitForCustomerText(customer, /打分/);
  await customerSays(customer, '5');
  await waitForCustomerText(customer, /感谢您的评价/);
  const before = await widget(customer).botBubbles.count();
  await customerSays(customer, '网银证书过期了');
  const reply = await widget(customer).botBubbles.nth(before).textContent();
  expect(reply).toMatch(/证书/);
  await agentPage.locator('#ratings tbody tr', { hasText: 'zhang' }).waitFor();
  expect(await agentPage.locator('#ratings tbody tr td').allTextContents()).toEqual(['zhang', '1', '5']);
}, 120_000);
