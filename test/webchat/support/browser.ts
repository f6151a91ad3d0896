/**
 * Debian's Chromium driven by playwright-core. CI installs it when missing (`apt-get install
 * chromium`); without it the browser suites fail at once and say so.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ownChildPids, trackPid } from '../../support/childProcesses';
import { ROOT } from '../../support/testServer';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = resolve(ROOT, 'test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const before = ownChildPids();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Playwright starts Chromium as the leader of its own process group (renderers, GPU helper) but
  // does not hand out the process; find it among this process's children.
  for (const pid of ownChildPids()) if (!before.has(pid)) trackPid(pid, { group: true });
  return browser;
}

/** The widget lives in a shadow root; Playwright's CSS locators pierce open shadow roots. */
export const W = '[data-bankbot-widget]';

export function widget(page: Page) {
  return {
    launcher: page.locator(`${W} .launcher`),
    panel: page.locator(`${W} .panel`),
    input: page.locator(`${W} textarea`),
    send: page.locator(`${W} .composer .send`),
    locate: page.locator(`${W} .composer .locate`),
    attach: page.locator(`${W} .composer .attach`),
    title: page.locator(`${W} .header .title`),
    subtitle: page.locator(`${W} .header .subtitle`),
    alerts: page.locator(`${W} .log [role="alert"]`),
    suggestions: page.locator(`${W} .suggestions button`),
    botBubbles: page.locator(`${W} .row.bot .bubble`),
    userBubbles: page.locator(`${W} .row.user .bubble`),
    log: page.locator(`${W} .log`),
  };
}

/** Waits until the widget shows more than `count` bot messages (no fixed sleeps). */
export async function waitForBotMessages(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    ([selector, n]) => (document.querySelector(selector)?.shadowRoot?.querySelectorAll('.row.bot .bubble').length ?? 0) > n,
    [W, count] as const,
  );
}

/** Waits until the user message `text` is confirmed by the server (its echo came back). */
export async function waitForDelivered(page: Page): Promise<void> {
  await page.waitForFunction(
    ([selector]) => {
      const rows = document.querySelector(selector)?.shadowRoot?.querySelectorAll('.row.user .meta') ?? [];
      return Array.from(rows).every((m) => /\d/.test(m.textContent ?? ''));
    },
    [W] as const,
  );
}
