/**
 * In real browsers (playwright-core + Debian Chromium) against the real app: a customer in the web
 * widget asks for a person; an agent who uses only the keyboard signs in, opens, takes, answers and
 * closes the conversation; both sides see each other's words; the bot answers the customer's next
 * message. A customer's XSS payload shows as text in the console and never runs; an image the
 * customer attaches in the widget is shown in the transcript. axe-core finds no serious or critical
 * violation on any view of the console. The Chinese console screenshot in docs/ is taken here.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, waitForBotMessages, widget } from '../webchat/support/browser';
import { PASSWORD } from './support/consoleClient';
import { consoleWorld } from './support/consoleWorld';
import { customerSays, expectAccessible, focused, tabTo, waitForCustomerText } from './support/consolePages';

const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

const world = consoleWorld(['zhang', 'li']);

async function newPage(path: string, locale = 'zh-CN'): Promise<{ page: Page; dialogs: string[] }> {
  const context = await world.newContext({ locale });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${world.server.url}${path}`);
  return { page, dialogs };
}

it('lets agents who use only the keyboard take, answer (with a canned reply), transfer and close a web-widget customer', async () => {
  const { page: agentPage, dialogs: agentDialogs } = await newPage('/agent');
  await agentPage.locator('#signin-name:focus').waitFor();
  await expectAccessible(agentPage, 'sign-in');
  await agentPage.keyboard.type('zhang');
  await agentPage.keyboard.press('Tab');
  await agentPage.keyboard.type('wrong password');
  await agentPage.keyboard.press('Enter');
  await agentPage.locator('#signin-error', { hasText: '用户名或密码错误' }).waitFor();
  await agentPage.fill('#signin-password', '');
  await agentPage.focus('#signin-password');
  await agentPage.keyboard.type(PASSWORD);
  await agentPage.keyboard.press('Enter');
  await agentPage.locator('#me', { hasText: 'zhang' }).waitFor();
  await agentPage.locator('#live.on').waitFor(); // the live stream is connected
  await expectAccessible(agentPage, 'empty desk');

  const { page: customer } = await newPage('/');
  await widget(customer).launcher.click();
  await waitForBotMessages(customer, 0);
  await customerSays(customer, '转人工');
  await waitForCustomerText(customer, /排在第 1 位/);

  const entry = agentPage.locator('#waiting button.conv');
  await entry.first().waitFor(); // arrived through the live stream, no reload
  expect(await entry.first().textContent()).toMatch(/网页 · 简体中文/);
  expect(await entry.first().textContent()).toMatch(/#[0-9A-F]{6}/); // a short masked id, not the conversation key
  await customerSays(customer, XSS);
  // The customer's message counts as unread until the agent opens the conversation.
  await agentPage.locator('#waiting .unread', { hasText: '1' }).waitFor();

  await tabTo(agentPage, (f) => f.handle !== '' && f.text.includes('网页'));
  const outline = await agentPage.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe('none'); // the focus is visible
  await agentPage.keyboard.press('Enter');
  await agentPage.locator('#conversation-title:focus').waitFor();
  await agentPage.locator('#transcript li', { hasText: '<img src=x' }).waitFor();
  expect(await agentPage.locator('#waiting .unread').count()).toBe(0);
  await expectAccessible(agentPage, 'waiting conversation');

  await agentPage.keyboard.press('Tab');
  expect((await focused(agentPage)).id).toBe('take');
  await agentPage.keyboard.press('Enter');
  await waitForCustomerText(customer, /zhang 已接入/);
  await agentPage.locator('#reply:focus').waitFor(); // taking puts the agent in the reply box

  // The customer sees that the agent is typing.
  await agentPage.keyboard.type('好');
  await customer.locator('[data-bankbot-widget] .typing').waitFor();
  await agentPage.keyboard.press('Backspace');
  // "/" in the empty reply box opens the canned replies; typing filters, Enter inserts.
  await agentPage.keyboard.press('/');
  await agentPage.locator('#canned-dialog[open] #canned-q:focus').waitFor();
  await expectAccessible(agentPage, 'canned replies');
  await agentPage.keyboard.type('问候');
  await agentPage.keyboard.press('Enter');
  await agentPage.locator('#reply:focus').waitFor();
  expect(await agentPage.inputValue('#reply')).toMatch(/^您好，我是人工客服/);
  await agentPage.keyboard.press('Enter');
  await waitForCustomerText(customer, /我是人工客服/);
  await customerSays(customer, '我的卡被锁了', false);
  await agentPage.locator('#transcript li', { hasText: '我的卡被锁了' }).waitFor();

  expect(await agentPage.locator('#transcript li .text', { hasText: 'onerror' }).first().textContent()).toBe(XSS);
  expect(await agentPage.locator('#transcript img').count()).toBe(0);
  expect(await agentPage.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(agentDialogs).toEqual([]);

  // The customer sends a screenshot (of their own chat, as a customer would of an error page) with
  // the widget's attach button: the console shows it as an image in the transcript.
  const screenshot = await customer.screenshot({ clip: { x: 0, y: 100, width: 720, height: 420 } });
  await customer.locator('[data-bankbot-widget] input[type="file"]').setInputFiles({ name: '证书错误.png', mimeType: 'image/png', buffer: screenshot });
  const shown = agentPage.locator('#transcript img[src^="/attachments/"]');
  await shown.waitFor();
  await agentPage.waitForFunction(() => Array.from(document.querySelectorAll<HTMLImageElement>('#transcript img')).some((i) => i.complete && i.naturalWidth === 720));
  expect(await shown.getAttribute('alt')).toBe('证书错误.png');
  await expectAccessible(agentPage, 'assigned conversation');
  await agentPage.screenshot({ path: resolve(ARTIFACTS, 'console-zh.png') }); // docs/screenshots/console-zh.png

  await agentPage.keyboard.press('?'); // no effect while typing in the reply box
  expect(await agentPage.locator('#help[open]').count()).toBe(0);
  await agentPage.keyboard.press('Backspace');
  await agentPage.keyboard.press('Alt+Slash');
  await agentPage.locator('#help[open]').waitFor();
  expect(await agentPage.locator('#help dt').allTextContents()).toContain('Alt+X');
  await expectAccessible(agentPage, 'shortcut help');
  await agentPage.keyboard.press('Escape');
  await agentPage.locator('#help:not([open])').waitFor({ state: 'attached' });

  // A colleague signs in; zhang transfers the customer to li with Alt+X and Enter.
  const { page: liPage } = await newPage('/agent');
  await liPage.fill('#signin-name', 'li');
  await liPage.fill('#signin-password', PASSWORD);
  await liPage.press('#signin-password', 'Enter');
  await liPage.locator('#live.on').waitFor();
  await agentPage.keyboard.press('Alt+KeyX');
  await agentPage.locator('#transfer-dialog[open] button[data-to="li"]:focus').waitFor();
  await expectAccessible(agentPage, 'transfer menu');
  await agentPage.keyboard.press('Enter');
  await waitForCustomerText(customer, /已为您转接客服 li/);
  await agentPage.locator('#placeholder').waitFor();

  // li, also by keyboard only: jump to the list, open the conversation, close it.
  await liPage.locator('#mine button.conv').waitFor();
  await liPage.keyboard.press('Alt+KeyL');
  await liPage.keyboard.press('Enter');
  await liPage.locator('#conversation-title:focus').waitFor();
  await liPage.locator('#transcript li', { hasText: '我的卡被锁了' }).waitFor();
  await liPage.keyboard.press('Alt+KeyC'); // close and ask for a rating
  await waitForCustomerText(customer, /打分/);
  await liPage.locator('#placeholder').waitFor();
  await customerSays(customer, '5');
  await waitForCustomerText(customer, /感谢您的评价/);
  const before = await widget(customer).botBubbles.count();
  await customerSays(customer, '网银证书过期了');
  expect(await widget(customer).botBubbles.nth(before).textContent()).toMatch(/证书/);
  await agentPage.locator('#ratings tbody tr', { hasText: 'li' }).waitFor();
  expect(await agentPage.locator('#ratings tbody tr td').allTextContents()).toEqual(['li', '1', '5']);

  // The closed conversation stays findable, read-only, with its masked transcript.
  await agentPage.fill('#closed-q', '卡被锁');
  await agentPage.press('#closed-q', 'Enter');
  await agentPage.locator('#closed button.conv').first().click();
  await agentPage.locator('#transcript li', { hasText: '我的卡被锁了' }).waitFor();
  expect(await agentPage.locator('#reply-form').isVisible()).toBe(false);
  await expectAccessible(agentPage, 'closed conversation');
}, 180_000);

it('switches the console to English and says why a sign-in failed in that language', async () => {
  const { page } = await newPage('/agent', 'en-US');
  await page.locator('#signin-title', { hasText: 'Sign in to the agent console' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.click('#signin-lang');
  await page.locator('#signin-title', { hasText: '客服控制台登录' }).waitFor();
  await page.click('#signin-lang');
  await page.fill('#signin-name', 'zhang');
  await page.fill('#signin-password', 'not it');
  await page.press('#signin-password', 'Enter');
  await page.locator('#signin-error', { hasText: 'Wrong name or password.' }).waitFor();
  await expectAccessible(page, 'English sign-in with an error');
}, 60_000);
