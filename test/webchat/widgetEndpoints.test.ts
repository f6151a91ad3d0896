/** What a browser fetches from the web channel: the widget, the demo pages and widget tokens. */
import { gunzipSync } from 'node:zlib';
import { WIDGET_GZIP_BUDGET } from '../../src/channels/webchat/widgetBundle';
import { call } from './support/directLineClient';
import { startHarness, type Harness } from './support/webChatHarness';

describe('widget, demo pages and widget tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('serves /widget.js gzipped under the 30 KB budget, cacheable by ETag', async () => {
    const res = await fetch(`${h.url}/widget.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const raw = Number(res.headers.get('content-length'));
    expect(raw).toBeLessThan(WIDGET_GZIP_BUDGET);
    const etag = res.headers.get('etag') ?? '';
    const again = await fetch(`${h.url}/widget.js`, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });

  it('serves the widget uncompressed to clients that do not take gzip', async () => {
    const res = await fetch(`${h.url}/widget.js`, { headers: { 'accept-encoding': 'identity' } });
    const body = await res.text();
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(body).toContain('data-bankbot-widget');
    expect(() => gunzipSync(Buffer.from(body))).toThrow();
  });

  it.each([
    ['/', 'zh-CN', '青禾银行'],
    ['/en', 'en', 'Qinghe Bank'],
  ])('serves the demo page %s in its language, with the widget, and nothing from other sites', async (path, lang, name) => {
    const res = await fetch(`${h.url}${path}`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain(name);
    expect(html).toContain('<script src="/widget.js" defer></script>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const css = await fetch(`${h.url}/assets/bank.css`);
    expect(css.status).toBe(200);
    expect(await css.text()).not.toMatch(/url\(|@import/);
  });

  it('gives a widget token to the server\'s own pages', async () => {
    const res = await call<{ conversationId: string; token: string; expires_in: number }>(h.url, 'POST', '/webchat/token', { headers: { origin: h.url } });
    expect(res.status).toBe(200);
    expect(res.body.conversationId).toMatch(/^dl_/);
    expect(res.headers.get('access-control-allow-origin')).toBe(h.url);
  });

  it('refuses widget tokens to other sites and to callers that send no Origin', async () => {
    const foreign = await call<{ error: { message: string } }>(h.url, 'POST', '/webchat/token', { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toMatch(/WEBCHAT_ORIGINS/);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const none = await call(h.url, 'POST', '/webchat/token');
    expect(none.status).toBe(403);
  });

  it('follows WEBCHAT_ORIGINS: listed sites get tokens, "none" turns the endpoint off', async () => {
    const listed = await startHarness({ WEBCHAT_ORIGINS: 'https://www.example-bank.com' });
    const off = await startHarness({ WEBCHAT_ORIGINS: 'none' });
    try {
      const ok = await call(listed.url, 'POST', '/webchat/token', { headers: { origin: 'https://www.example-bank.com' } });
      expect(ok.status).toBe(200);
      const self = await call(listed.url, 'POST', '/webchat/token', { headers: { origin: listed.url } });
      expect(self.status).toBe(403);
      const disabled = await call<{ error: { message: string } }>(off.url, 'POST', '/webchat/token', { headers: { origin: off.url } });
      expect(disabled.status).toBe(403);
      expect(disabled.body.error.message).toMatch(/disabled/);
    } finally {
      await listed.close();
      await off.close();
    }
  });

  it('limits widget tokens per client address (429), telling clients behind our proxy apart', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await call(h.url, 'POST', '/webchat/token', { headers: { origin: h.url } })).status);
    expect(statuses.slice(-1)).toEqual([429]);
    // Requests through a load balancer (a private peer) count per forwarded client, not per balancer.
    const viaProxy = await call(h.url, 'POST', '/webchat/token', { headers: { origin: h.url, 'x-forwarded-for': '203.0.113.9' } });
    expect(viaProxy.status).toBe(200);
    // The proxy's entry is the last one; what the client wrote before it does not buy it a new budget.
    for (let i = 0; i < 29; i++) await call(h.url, 'POST', '/webchat/token', { headers: { origin: h.url, 'x-forwarded-for': `10.${i}.0.1, 203.0.113.9` } });
    const spoofed = await call(h.url, 'POST', '/webchat/token', { headers: { origin: h.url, 'x-forwarded-for': '1.2.3.4, 203.0.113.9' } });
    expect(spoofed.status).toBe(429);
  });
});
