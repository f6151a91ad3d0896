/**
 * Steps the console's browser tests share: a customer in the web widget, a keyboard user in the
 * console, and axe with a screenshot for each view checked.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, waitForBotMessages, widget } from '../../webchat/support/browser';
import { axeViolations } from './axe';

/** The customer sends `text` in the widget; with `expectReply`, waits for the next message to them. */
export async function customerSays(page: Page, text: string, expectReply = true): Promise<void> {
  const w = widget(page);
  const before = await w.botBubbles.count();
  await w.input.fill(text);
  await w.input.press('Enter');
  if (expectReply) await waitForBotMessages(page, before);
}

/** Waits until a message to the customer (the bot's or the agent's) matches `pattern`. */
export async function waitForCustomerText(page: Page, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    ([selector, source]) =>
      Array.from(document.querySelector(selector)?.shadowRoot?.querySelectorAll('.row.bot .bubble') ?? []).some((b) => new RegExp(source).test(b.textContent ?? '')),
    ['[data-bankbot-widget]', pattern.source] as const,
  );
}

export const focused = (page: Page) =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? '', handle: (document.activeElement as HTMLElement | null)?.dataset.handle ?? '', text: document.activeElement?.textContent ?? '' }));

/** Presses Tab until the focused element matches, as a keyboard user would; fails after 40 presses. */
export async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    if (matches(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`);
}

/**
 * axe on one view of the console (no violation of any impact: the issue asked for none serious or
 * critical, and the console has none of the moderate ones either, such as a missing main landmark
 * or h1), and its screenshot: test-artifacts/console-<view>.jpg, copied
 * to docs/screenshots/console/<view>.jpg (JPEG: a tenth of the PNG's size for the same view).
 */
export async function expectAccessible(page: Page, view: string): Promise<void> {
  expect({ view, violations: await axeViolations(page) }).toEqual({ view, violations: [] });
  await page.screenshot({ path: resolve(ARTIFACTS, `console-${view.replace(/ /g, '-')}.jpg`), type: 'jpeg', quality: 80 });
}
