/**
 * The supervisor dashboard and the console in English, in real Chromium, over figures from real
 * turns: the page shows them, axe-core finds no serious or critical violation, and the screenshots
 * used in the README are taken here (test-artifacts/, copied to docs/screenshots/).
 */
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Browser } from 'playwright-core';
import { SupervisorRoles } from '../../src/dashboard/supervisorRoles';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { messageActivity, postActivity } from '../support/activities';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { testRedisUrl } from '../support/testRedis';
import { startTestServer, type TestServer } from '../support/testServer';
import { axeViolations } from '../handover/support/axe';
import { createAgent, PASSWORD } from '../handover/support/consoleClient';
import { ARTIFACTS, launchBrowser } from '../webchat/support/browser';

let server: TestServer;
let connector: ConnectorStandIn;
let browser: Browser;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  server = await startTestServer({ HANDOVER_HOURS: 'always' });
  await createAgent(server.prefix, 'boss');
  const redis = new Redis(testRedisUrl());
  await new SupervisorRoles(redis, new HandoverKeys(server.prefix).roles).grant('boss');
  await redis.quit();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await connector?.close();
});

async function say(conversation: string, text: string): Promise<void> {
  expect((await postActivity(server.url, messageActivity(connector.url, conversation, text))).status).toBe(200);
}

it('shows a supervisor the figures and the misunderstood inbox, accessibly, in English', async () => {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}/agent`);
  await page.fill('#signin-name', 'boss');
  await page.fill('#signin-password', PASSWORD);
  await page.press('#signin-password', 'Enter');
  await page.locator('#live.on').waitFor();

  await say('b-hello', 'hello');
  await say('b-weather', 'what is the weather like today');
  await say('b-weather', 'what is the weather today');
  await say('b-person', 'My online banking certificate expired, I want to talk to an agent');
  await page.locator('#waiting button.conv').first().click();
  await page.click('#take');
  await page.fill('#reply', 'Hello, this is Boss from customer service. Which kind of certificate do you use?');
  await page.press('#reply', 'Enter');
  await page.locator('#transcript li.agent').waitFor();
  await say('b-person', 'A USB key');
  await page.locator('#transcript li', { hasText: 'A USB key' }).waitFor();
  expect(await axeViolations(page)).toEqual([]); // the console's assigned view in English too
  await page.screenshot({ path: resolve(ARTIFACTS, 'console-en.png') });

  await page.goto(`${server.url}/agent/dashboard`);
  await page.locator('body[data-loaded="true"]').waitFor();
  await page.locator('#figures tbody tr[data-channel="msteams"]').waitFor();
  expect(await page.locator('#totals dd').first().textContent()).toBe('3');
  await page.locator('#inbox .group', { hasText: 'weather' }).waitFor();
  expect(await page.locator('#chart-conversations svg[role="img"]').count()).toBe(1);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-en.png'), fullPage: true });

  // The same page in Chinese (the language button; remembered by the browser), then back.
  await page.click('#lang');
  await page.locator('html[lang="zh-CN"]').waitFor();
  await page.locator('#inbox .group', { hasText: 'weather' }).waitFor();
  await page.locator('#figures th', { hasText: '渠道' }).first().waitFor();
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: resolve(ARTIFACTS, 'dashboard-zh.png'), fullPage: true }); // docs/screenshots/dashboard-zh.png
  await page.click('#lang');
  await page.locator('html[lang="en"]').waitFor();

  await page.locator('#inbox .group button').first().click();
  await page.locator('#announcer', { hasText: 'assigned' }).waitFor();
  await context.close();
}, 120_000);
