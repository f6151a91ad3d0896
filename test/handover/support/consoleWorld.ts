/**
 * What every console browser test file starts with: the real app (handover open around the clock),
 * its agents, and one Chromium, all ended after the file. Contexts opened through `newContext` are
 * closed with it.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { startTestServer, type TestServer } from '../../support/testServer';
import { launchBrowser } from '../../webchat/support/browser';
import { createAgent } from './consoleClient';

export interface ConsoleWorld {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A desktop-sized context (Chinese unless `options.locale` says otherwise). */
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
}

/** Registers the file's beforeAll/afterAll; use the world inside tests only. */
export function consoleWorld(agents: readonly string[]): ConsoleWorld {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startTestServer({ HANDOVER_HOURS: 'always' });
    for (const agent of agents) await createAgent(server.prefix, agent);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`consoleWorld: the ${what} is not started yet (use it inside a test)`);
    return value;
  };
  return {
    get server() {
      return started(server, 'app');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async newContext(options = {}) {
      const context = await started(browser, 'browser').newContext({ viewport: { width: 1360, height: 820 }, locale: 'zh-CN', ...options });
      contexts.push(context);
      return context;
    },
  };
}
