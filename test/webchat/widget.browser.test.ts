/**
 * The widget on the demo page, in a real browser against the real app (bot, NLU, Redis): what a
 * customer does and sees. Screenshots of the open widget go to test-artifacts/ (not committed).
 */
import { resolve } from 'node:path';
import type { Browser, BrowserContext, FileChooser, Page } from 'playwright-core';
import { ATTACHMENT_MAX_BYTES } from '../../src/attachments/attachmentLimits';
import { startTestServer, type TestServer } from '../support/testServer';
import { axeViolations } from '../handover/support/axe';
import { ConsoleClient, createAgent, type StreamEvent } from '../handover/support/consoleClient';
import { ARTIFACTS, launchBrowser, W, waitForBotMessages, waitForDelivered, widget } from './support/browser';
import { liveRegions } from './support/liveRegions';
import { PNG } from './support/png';

const XSS = '<img src=x onerror=alert(1)>';

describe('chat widget on the demo page', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let dialogs: string[];

  beforeAll(async () => {
    server = await startTestServer({ HANDOVER_HOURS: 'always' });
    await createAgent(server.prefix, 'zhou');
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    dialogs = [];
  });
  afterEach(() => context.close());

  async function openPage(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}${path}`);
    return page;
  }

  async function openWidget(page: Page): Promise<void> {
    await widget(page).launcher.click();
    await waitForBotMessages(page, 0); // the greeting
  }

  async function ask(page: Page, text: string): Promise<void> {
    const w = widget(page);
    const before = await w.botBubbles.count();
    await w.input.fill(text);
    await w.input.press('Enter');
    await waitForBotMessages(page, before);
  }

  it('answers an expired certificate in Chinese, takes a suggested action, ignores IME Enter, survives a reload', async () => {
    const page = await openPage('/');
    const w = widget(page);
    expect(await w.launcher.getAttribute('aria-label')).toBe('打开在线客服');
    await openWidget(page);
    expect(await w.panel.isVisible()).toBe(true);

    await ask(page, '网银证书过期了');
    expect(await w.userBubbles.last().textContent()).toBe('网银证书过期了');
    const choices = await w.suggestions.allTextContents();
    expect(choices.length).toBeGreaterThan(1);

    // A Chinese input method commits its candidate with Enter: that Enter must not send.
    const sentBefore = await w.userBubbles.count();
    await w.input.fill('wenjian');
    await w.input.dispatchEvent('compositionstart');
    await w.input.dispatchEvent('keydown', { key: 'Enter', code: 'Enter', isComposing: true, bubbles: true, cancelable: true });
    await w.input.press('Enter'); // a real Enter while the composition is still open
    expect((await w.input.inputValue()).trimEnd()).toBe('wenjian');
    expect(await w.userBubbles.count()).toBe(sentBefore);
    await w.input.dispatchEvent('compositionend');
    await w.input.fill('');

    const before = await w.botBubbles.count();
    await w.suggestions.first().click();
    await waitForBotMessages(page, before);
    expect(await w.userBubbles.last().textContent()).toBe(choices[0]);
    const nextStep = (await w.botBubbles.last().textContent()) ?? '';
    expect(nextStep).toMatch(/1\./); // numbered steps to follow
    await waitForDelivered(page);
    await page.screenshot({ path: resolve(ARTIFACTS, 'widget-zh.png') });

    const shown = await w.botBubbles.count();
    await page.reload();
    await waitForBotMessages(page, shown - 1);
    expect(await w.panel.isVisible()).toBe(true);
    expect(await w.userBubbles.allTextContents()).toEqual(['网银证书过期了', choices[0]]);
    expect(await w.botBubbles.last().textContent()).toBe(nextStep);
  });

  it('speaks English on /en: the same flow, axe finds nothing serious, and the conversation survives a reload', async () => {
    const page = await openPage('/en');
    const w = widget(page);
    expect(await w.launcher.getAttribute('aria-label')).toBe('Open customer service chat');
    await openWidget(page);
    expect(await w.input.getAttribute('placeholder')).toBe('Type your question…');
    await ask(page, 'My online banking certificate has expired');
    const choices = await w.suggestions.allTextContents();
    expect(choices.length).toBeGreaterThan(1);
    const before = await w.botBubbles.count();
    await w.suggestions.first().click();
    await waitForBotMessages(page, before);
    expect((await w.botBubbles.last().textContent()) ?? '').toMatch(/[A-Za-z]{3}/);
    await waitForDelivered(page);
    expect(await axeViolations(page)).toEqual([]); // the English demo page with the widget open
    await page.screenshot({ path: resolve(ARTIFACTS, 'widget-en.jpg'), type: 'jpeg', quality: 80 }); // docs/screenshots/widget/en.jpg

    const shown = await w.botBubbles.count();
    await page.reload();
    await waitForBotMessages(page, shown - 1);
    expect(await w.userBubbles.first().textContent()).toBe('My online banking certificate has expired');
  });

  it('shows markup from the customer and from the other side as plain text, never as HTML', async () => {
    const page = await openPage('/');
    const w = widget(page);
    await openWidget(page);
    await ask(page, XSS);
    expect(await w.userBubbles.last().textContent()).toBe(XSS);

    const session = await page.evaluate((key) => sessionStorage.getItem(key), `bankbot.webchat:${server.url}`);
    const { conversationId } = JSON.parse(session ?? '{}') as { conversationId: string };
    const before = await w.botBubbles.count();
    await server.app.context.pushers.send({ channelId: 'directline', conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' } }, [
      { type: 'message', text: `<b>agent</b>${XSS}`, from: { id: 'agent-1', name: '<i>Li</i>' } },
    ]);
    await waitForBotMessages(page, before);
    expect(await w.botBubbles.last().textContent()).toBe(`<b>agent</b>${XSS}`);
    expect(await w.log.locator('img, b, i').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('shows a hero card from the other side, and its button answers like a suggested action', async () => {
    const page = await openPage('/en');
    const w = widget(page);
    await openWidget(page);
    const session = await page.evaluate((key) => sessionStorage.getItem(key), `bankbot.webchat:${server.url}`);
    const { conversationId } = JSON.parse(session ?? '{}') as { conversationId: string };
    await server.app.context.pushers.send({ channelId: 'directline', conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' } }, [
      {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.hero',
            content: {
              title: 'Renew your certificate',
              text: 'Takes three minutes <script>alert(1)</script>',
              images: [{ url: 'javascript:alert(1)' }],
              buttons: [{ type: 'imBack', title: 'Branches nearby', value: 'find a branch' }],
            },
          },
        ],
      },
    ]);
    const card = page.locator('[data-bankbot-widget] .card');
    await card.waitFor();
    expect(await card.locator('.card-title').textContent()).toBe('Renew your certificate');
    expect(await card.locator('.card-text').textContent()).toBe('Takes three minutes <script>alert(1)</script>');
    expect(await card.locator('img').count()).toBe(0); // only https: or same-site images
    const before = await w.botBubbles.count();
    await card.getByRole('button', { name: 'Branches nearby' }).click();
    await waitForBotMessages(page, before);
    expect(await w.userBubbles.last().textContent()).toBe('Branches nearby');
    expect(dialogs).toEqual([]);
  });

  it('sends the browser location as a location the branch flow understands', async () => {
    await context.grantPermissions(['geolocation'], { origin: server.url });
    await context.setGeolocation({ latitude: 31.2304, longitude: 121.4737 });
    const page = await openPage('/');
    const w = widget(page);
    await openWidget(page);
    const before = await w.botBubbles.count();
    await w.locate.click();
    await waitForBotMessages(page, before);
    expect(await w.userBubbles.last().textContent()).toBe('📍 已发送我的位置');
    // The branch finder measured distances from the shared point (Shanghai → "约 1.7 公里").
    expect(await w.botBubbles.last().textContent()).toMatch(/\d+(\.\d+)?\s*公里/);
    expect(await w.locate.getAttribute('aria-label')).toBe('发送我的位置（查找附近网点）');
  });

  it('keeps an unsent message when the network drops, and sends it on retry', async () => {
    const page = await openPage('/');
    const w = widget(page);
    await openWidget(page);
    await context.setOffline(true);
    await w.input.fill('你好');
    await w.input.press('Enter');
    await page.locator('[data-bankbot-widget] .row.user .failed').waitFor();
    await context.setOffline(false);
    const before = await w.botBubbles.count();
    await page.locator('[data-bankbot-widget] .row.user .meta button').click();
    await waitForBotMessages(page, before);
    await waitForDelivered(page);
    expect(await w.userBubbles.allTextContents()).toEqual(['你好']);
  });

  it('fills a phone-width screen and closes with Escape, returning focus to the button', async () => {
    await context.close();
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await openPage('/');
    const w = widget(page);
    await openWidget(page);
    const box = await w.panel.boundingBox();
    expect(box?.width).toBe(390);
    await page.screenshot({ path: resolve(ARTIFACTS, 'widget-phone.png') });
    await w.input.press('Escape');
    expect(await w.panel.isVisible()).toBe(false);
    expect(await w.launcher.evaluate((b) => b.getRootNode() instanceof ShadowRoot && (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
  });

  it('serves keyboard users: the launcher is an early Tab stop, a chosen suggestion keeps the focus in the chat, axe finds nothing serious', async () => {
    const page = await openPage('/');
    const w = widget(page);
    let presses = 0;
    while (!(await w.launcher.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b))) {
      await page.keyboard.press('Tab');
      presses += 1;
      if (presses > 5) throw new Error('the chat launcher is not among the first five Tab stops');
    }
    await page.keyboard.press('Enter');
    await waitForBotMessages(page, 0);
    await ask(page, '网银证书过期了');
    await w.suggestions.first().focus();
    const before = await w.botBubbles.count();
    await page.keyboard.press('Enter');
    await waitForBotMessages(page, before);
    // The focus stays in the chat (the composer), not on <body>.
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-bankbot-widget'))).toBe(true);
    expect(await w.input.evaluate((t) => (t.getRootNode() as ShadowRoot).activeElement === t)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: resolve(ARTIFACTS, 'widget-keyboard-zh.jpg'), type: 'jpeg', quality: 80 }); // docs/screenshots/widget/keyboard-zh.jpg
  });

  it('lets a customer with an agent attach an image from the keyboard; refuses too large or wrong files with a clear message', async () => {
    const agent = new ConsoleClient(server.url);
    expect((await agent.signIn('zhou')).status).toBe(200); // an agent present, so the customer waits for one
    await agent.openStream();
    const uploads: number[] = [];
    const page = await openPage('/');
    page.on('response', (r) => void (r.url().endsWith('/upload') && uploads.push(r.status())));
    page.setDefaultTimeout(12_000); // a step that hangs fails with its own message, inside the test's time
    // Listening from the start, once: Playwright intercepts file choosers only while someone listens,
    // and turning that on is asynchronous, so a listener added just before the key press can miss the
    // chooser (it then opens natively, invisible and never closed).
    const choosers: Array<(chooser: FileChooser) => void> = [];
    page.on('filechooser', (chooser) => choosers.shift()?.(chooser));
    const w = widget(page);
    await openWidget(page);
    await ask(page, '转人工');
    expect(await w.attach.isVisible()).toBe(false); // files are for a person: no button while the bot answers

    const { waiting } = await agent.json<{ waiting: Array<{ handle: string }> }>('GET', '/agent/api/queue');
    const { handle } = waiting[0];
    await agent.json('POST', `/agent/api/conversations/${handle}/take`);
    await w.attach.waitFor();
    expect(await w.title.textContent()).toBe('zhou');
    expect(await w.subtitle.textContent()).toBe('人工客服');
    // What a screen reader hears: the header is a live region read as a whole, so the change of who
    // answers is announced; an agent's message is read with its label, unlike the assistant's.
    await page.waitForFunction((w) => document.querySelector(w)?.shadowRoot?.querySelector('.header .title')?.textContent === 'zhou', W);
    expect(await liveRegions(page)).toContainEqual({ live: 'polite', atomic: true, role: 'generic', text: 'zhou 人工客服' });
    await agent.json('POST', `/agent/api/conversations/${handle}/messages`, { text: '您好，请把报错的截图发给我。' });
    await w.log.locator('.row.agent', { hasText: '请把报错的截图' }).waitFor();
    const log = (await liveRegions(page)).find((r) => r.role === 'log');
    expect(log?.text).toMatch(/人工客服 · zhou 您好，请把报错的截图发给我。/);
    expect(log?.text).not.toMatch(/人工客服 · zhou\s+zhou 已接入/); // the assistant's notice is not labelled as the agent
    expect(await w.attach.getAttribute('aria-label')).toBe('发送图片或 PDF 给人工客服（4 MB 以内）');

    // Keyboard only: from the message box, Tab reaches the attach button; Enter opens the picker.
    await w.input.focus();
    await page.keyboard.press('Tab');
    expect(await w.attach.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
    const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = new Promise<FileChooser>((resolve) => choosers.push(resolve));
      await page.keyboard.press('Enter');
      await (await chooser).setFiles(file);
    };
    await choose({ name: 'error.png', mimeType: 'image/png', buffer: PNG });
    const uploaded = (e: StreamEvent) => e.type === 'message' && e.data.handle === handle && Array.isArray((e.data.entry as { attachments?: unknown }).attachments);
    const event = await agent.waitForEvent(uploaded);
    const [file] = (event.data.entry as { attachments: Array<{ url: string; contentType: string; name: string }> }).attachments;
    expect(file).toMatchObject({ contentType: 'image/png', name: 'error.png' });
    expect(Buffer.from(await (await fetch(`${server.url}${file.url}`)).arrayBuffer()).equals(PNG)).toBe(true);
    await w.userBubbles.filter({ hasText: '附件：error.png' }).waitFor();
    await waitForDelivered(page);
    // A person answers when they answer: no "typing…" after the customer's message unless the agent types.
    expect(await page.locator(`${W} .typing`).count()).toBe(0);
    await page.screenshot({ path: resolve(ARTIFACTS, 'widget-agent-zh.png') }); // docs/screenshots/widget-zh.png
    expect(await w.attach.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true); // focus stays on the button
    expect(uploads).toEqual([200]);

    // Too large, or not an image/PDF by its name: refused in the browser, nothing uploaded.
    await choose({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(ATTACHMENT_MAX_BYTES)]) });
    await w.alerts.filter({ hasText: '超过 4 MB' }).waitFor();
    await choose({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await w.alerts.filter({ hasText: '只能发送图片' }).nth(0).waitFor();
    expect(uploads).toEqual([200]);
    // Named like an image but not one by its content: the server refuses it (415) and the widget says why.
    await choose({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await w.alerts.filter({ hasText: '只能发送图片' }).nth(1).waitFor();
    expect(uploads).toEqual([200, 415]);
    expect(agent.events.filter(uploaded)).toHaveLength(1);

    expect(await axeViolations(page)).toEqual([]);

    // Starting over: a new conversation is with the assistant again, header and all.
    await w.panel.locator('.header button').first().click();
    await page.waitForFunction((w) => document.querySelector(w)?.shadowRoot?.querySelector('.header .title')?.textContent !== 'zhou', W);
    expect(await w.subtitle.textContent()).toMatch(/智能助手/);
    expect(await w.attach.isVisible()).toBe(false);
    agent.close();
  });
});
