/**
 * The first look, end to end: the bot started exactly as `npm start` starts it, with no Redis
 * (`REDIS_URL=memory://`), on a free port. In Chromium a customer has a certificate conversation
 * and gets a FAQ answer in the widget; an agent signs in to the console with the demo password the
 * bot printed, takes the customer who asked for a person, and they exchange a message each way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD_LINE } from '../../src/startup/demoAgent';
import { trackChild } from '../support/childProcesses';
import { ROOT } from '../support/testServer';
import { ARTIFACTS, launchBrowser, waitForBotMessages, widget } from '../webchat/support/browser';

jest.setTimeout(240_000);

interface Demo {
  child: ChildProcess;
  url: string;
  password: string;
  output: string[];
}

/** `npm start` in its own process group (npm runs node under a shell), read until the banner. */
function startDemo(): Promise<Demo> {
  // Recorded as a group: if the test times out, the global teardown ends npm, its shell and the bot.
  const child = trackChild(
    spawn('npm', ['start'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Business hours "always": the test must not depend on the time of day it runs at.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', REDIS_URL: 'memory://', PORT: '0', HOST: '127.0.0.1', HANDOVER_HOURS: 'always' },
    }),
    { group: true },
  );
  const output: string[] = [];
  return new Promise((resolveDemo, reject) => {
    let url: string | undefined;
    const onData = (chunk: Buffer) => {
      output.push(...chunk.toString('utf8').split('\n'));
      const text = output.join('\n');
      url ??= /"port":(\d+).*listening/.exec(text)?.[1];
      const password = DEMO_PASSWORD_LINE.exec(text)?.[1];
      if (url && password) resolveDemo({ child, url: `http://127.0.0.1:${url}`, password, output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output.join('\n')}`)));
  });
}

function stopDemo(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    process.kill(-child.pid!, 'SIGTERM'); // npm, its shell and the bot
  });
}

let demo: Demo | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await stopDemo(demo?.child);
});

async function say(page: Page, text: string): Promise<void> {
  const w = widget(page);
  const before = await w.botBubbles.count();
  await w.input.fill(text);
  await w.input.press('Enter');
  await waitForBotMessages(page, before);
}

async function waitForBotText(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([selector, source]) =>
      Array.from(document.querySelector(selector)?.shadowRoot?.querySelectorAll('.row.bot .bubble') ?? []).some((b) => new RegExp(source).test(b.textContent ?? '')),
    ['[data-bankbot-widget]', pattern.source] as const,
  );
}

it('runs the whole demo on the in-process store: flows, FAQ, and a handover taken in the console', async () => {
  if (!demo || !browser) throw new Error('the demo did not start');
  const { url, password, output } = demo;
  expect(output.join('\n')).toMatch(/IN-PROCESS MEMORY/);
  const ready = await fetch(`${url}/readyz`);
  expect({ status: ready.status, body: await ready.json() }).toEqual({ status: 200, body: { status: 'ready', store: 'memory' } });

  const customerContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const customer = await customerContext.newPage();
  await customer.goto(url);
  const w = widget(customer);
  await w.launcher.click();
  await waitForBotMessages(customer, 0); // the greeting

  // A certificate conversation: the bot asks, the customer picks a suggested answer, the flow goes on.
  await say(customer, '网银证书过期了');
  expect((await w.botBubbles.last().textContent()) ?? '').toMatch(/证书/);
  expect(await w.suggestions.count()).toBeGreaterThan(1);
  const before = await w.botBubbles.count();
  await w.suggestions.first().click();
  await waitForBotMessages(customer, before);

  // A FAQ answer.
  await say(customer, 'FAQ 证书有效期');
  await waitForBotText(customer, /一年/);

  // The agent signs in with the printed demo password and is online before the customer asks.
  const agentContext = await browser.newContext({ viewport: { width: 1360, height: 820 }, locale: 'zh-CN' });
  const agent = await agentContext.newPage();
  await agent.goto(`${url}/agent`);
  await agent.fill('#signin-name', 'demo');
  await agent.fill('#signin-password', password);
  await agent.press('#signin-password', 'Enter');
  await agent.locator('#me', { hasText: 'demo' }).waitFor();
  await agent.locator('#live.on').waitFor();

  await say(customer, '转人工');
  const waiting = agent.locator('#waiting button.conv');
  await waiting.first().waitFor();
  await waiting.first().click();
  await agent.locator('#take').click();
  await waitForBotText(customer, /demo/);

  await agent.locator('#reply').fill('您好，我是演示客服');
  await agent.press('#reply', 'Enter');
  await waitForBotText(customer, /我是演示客服/);
  await w.input.fill('谢谢，我的证书怎么更新');
  await w.input.press('Enter');
  await agent.locator('#transcript li', { hasText: '谢谢，我的证书怎么更新' }).waitFor();
  await customer.screenshot({ path: resolve(ARTIFACTS, 'memory-demo-customer.png') });
  await agent.screenshot({ path: resolve(ARTIFACTS, 'memory-demo-agent.png') });
  await Promise.all([customerContext.close(), agentContext.close()]);
});
