/**
 * The console's tools for a working day, in real Chromium against the real app: the opt-in alerts
 * for a new waiting customer (tone, desktop notification while the tab is in the background, the
 * screen-reader announcement), the waiting time that counts up live, the customer's typing, private
 * notes the customer never sees, and "my status": an agent who is away gets no new customers,
 * who are offered a message instead, and the message arrives in the console as a ticket. axe-core
 * on the views this adds (notes open, the away desk with a ticket), each saved as a screenshot.
 */
import type { Browser, Page } from 'playwright-core';
import { waitForBotMessages, widget } from '../webchat/support/browser';
import { PASSWORD } from './support/consoleClient';
import { consoleWorld } from './support/consoleWorld';
import { customerSays, expectAccessible, focused, tabTo, waitForCustomerText } from './support/consolePages';

const world = consoleWorld(['zhao']);
const newContext = (options?: Parameters<Browser['newContext']>[0]) => world.newContext(options);

async function customerPage(): Promise<Page> {
  const page = await (await newContext()).newPage();
  await page.goto(`${world.server.url}/`);
  await widget(page).launcher.click();
  await waitForBotMessages(page, 0);
  return page;
}

/**
 * Counts what the console asks of the browser's alert APIs: each desktop notification's title and
 * each tone (an oscillator started). The real APIs still run; this only listens. Headless Chromium
 * keeps every tab visible (another tab in front changes nothing), so `window.__background(true)`
 * stands in for the agent switching to another window: `document.hidden` and `visibilityState`
 * say so and `visibilitychange` fires, as in a desktop browser.
 */
function recordAlerts(): void {
  const seen = { notifications: [] as string[], tones: 0 };
  (window as unknown as { __alerts: typeof seen }).__alerts = seen;
  let background = false;
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => background });
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (background ? 'hidden' : 'visible') });
  (window as unknown as { __background: (on: boolean) => void }).__background = (on) => {
    background = on;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  window.Notification = new Proxy(window.Notification, {
    construct(target, args: [string, NotificationOptions?]) {
      seen.notifications.push(args[0]);
      return Reflect.construct(target, args);
    },
  });
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    seen.tones += 1;
    return start.call(this, when);
  };
}

const alertsOf = (page: Page) => page.evaluate(() => (window as unknown as { __alerts: { notifications: string[]; tones: number } }).__alerts);

it('alerts an agent who opted in, counts the wait up, shows the customer typing, keeps notes private, and sends no one to an agent who is away', async () => {
  const context = await newContext({ permissions: ['notifications'] });
  await context.addInitScript(recordAlerts);
  const agent = await context.newPage();
  await agent.goto(`${world.server.url}/agent`);
  await agent.fill('#signin-name', 'zhao');
  await agent.fill('#signin-password', PASSWORD);
  await agent.press('#signin-password', 'Enter');
  await agent.locator('#live.on').waitFor();

  // Both alerts are off until the agent switches them on (by keyboard: Tab and Space).
  expect(await agent.locator('#sound').isChecked()).toBe(false);
  expect(await agent.locator('#notify').isChecked()).toBe(false);
  await tabTo(agent, (f) => f.id === 'sound');
  await agent.keyboard.press('Space');
  await tabTo(agent, (f) => f.id === 'notify');
  await agent.keyboard.press('Space');
  await agent.locator('#notify:checked').waitFor();
  await agent.locator('#sound:checked').waitFor();

  // The agent works in another window: the console is in the background when the customer comes.
  const background = (on: boolean) => agent.evaluate((b) => (window as unknown as { __background: (on: boolean) => void }).__background(b), on);
  await background(true);
  const customer = await customerPage();
  await customerSays(customer, '转人工');
  await waitForCustomerText(customer, /排在第 1 位/);
  await agent.waitForFunction(() => (window as unknown as { __alerts: { notifications: string[] } }).__alerts.notifications.length > 0);
  const alerts = await alertsOf(agent);
  expect(alerts.notifications).toEqual([expect.stringMatching(/^新客户排队：#[0-9A-F]{6}$/)]);
  expect(alerts.tones).toBe(1);
  expect(await agent.locator('#announcer').textContent()).toBe(alerts.notifications[0]); // read out too
  await background(false);

  // The waiting time counts up by itself, without a reload.
  const waited = agent.locator('#waiting button.conv .waited');
  const first = await waited.textContent();
  await agent.waitForFunction((text) => document.querySelector('#waiting button.conv .waited')?.textContent !== text, first);
  expect(await waited.textContent()).toMatch(/\d/);

  // Alt+N opens the next waiting customer, Alt+T takes them.
  await agent.keyboard.press('Alt+KeyN');
  await agent.locator('#conversation-title:focus').waitFor();
  await agent.keyboard.press('Alt+KeyT');
  await agent.locator('#reply:focus').waitFor();
  await waitForCustomerText(customer, /zhao 已接入/);

  // The customer types: the agent sees it; it goes when they send, or when they stop for a while.
  // Typed at a person's pace (a typing signal leaves the widget at most every 3 s).
  await widget(customer).input.pressSequentially('我的网银登不上了', { delay: 450 });
  await agent.locator('#customer-typing').waitFor();
  await widget(customer).input.press('Enter');
  await agent.locator('#transcript li', { hasText: '我的网银登不上了' }).waitFor();
  await agent.locator('#customer-typing').waitFor({ state: 'hidden' });
  await widget(customer).input.pressSequentially('提示证书错误', { delay: 700 });
  await agent.locator('#customer-typing').waitFor();
  await agent.locator('#customer-typing').waitFor({ state: 'hidden', timeout: 15_000 });

  // A private note, by keyboard: in the agent's transcript, labelled, never sent to the customer.
  await agent.focus('#note-box summary');
  await agent.keyboard.press('Enter');
  await agent.keyboard.press('Tab');
  expect((await focused(agent)).id).toBe('note');
  await agent.keyboard.type('客户说手机号是 13812345678，已核实身份');
  await agent.keyboard.press('Tab');
  await agent.keyboard.press('Enter');
  const note = agent.locator('#transcript li.note');
  await note.waitFor();
  expect(await note.textContent()).toMatch(/zhao/);
  expect(await note.locator('.text').textContent()).toBe('客户说手机号是 [mobile]，已核实身份'); // masked like the transcript
  await expectAccessible(agent, 'notes');
  await agent.keyboard.press('Alt+KeyR');
  await agent.keyboard.type('请问您用的是 U 盾还是文件证书？');
  await agent.keyboard.press('Enter');
  await waitForCustomerText(customer, /U 盾还是文件证书/);
  const told = await widget(customer).log.textContent();
  expect(told).not.toMatch(/已核实|13812345678|\[mobile\]/);

  // Away: a new customer is not queued for zhao but offered a message, which becomes a ticket.
  await agent.focus('#status');
  await agent.selectOption('#status', 'away');
  await agent.waitForResponse((r) => r.url().endsWith('/agent/api/status') && r.status() === 200);
  const second = await customerPage();
  await customerSays(second, '转人工');
  await waitForCustomerText(second, /没有空闲的人工客服/);
  expect(await agent.locator('#waiting button.conv').count()).toBe(0);
  await customerSays(second, '网银登不上，请回电 13912345678');
  await waitForCustomerText(second, /留言已提交/);
  const ticket = agent.locator('#tickets li.ticket');
  await ticket.waitFor();
  expect(await ticket.textContent()).toMatch(/13912345678/);
  await expectAccessible(agent, 'away with a ticket');
  // Marked done from the keyboard.
  await tabTo(agent, (f) => f.text === '标为已处理');
  await agent.keyboard.press('Enter');
  await agent.locator('#tickets li.ticket.done').waitFor();
}, 120_000);
