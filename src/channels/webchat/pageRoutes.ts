import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Request, Response, Server } from 'restify';
import type { WidgetBundle } from './widgetBundle';

/**
 * The demo bank site (`/` in Chinese, `/en` in English) and `/widget.js`. Everything is served
 * from this process — no CDN fonts, scripts or images — so the page works offline. The pages get
 * a strict Content Security Policy: scripts only from this origin, so even a bug that let text
 * through as HTML could not run it.
 */
const PAGE_DIR = resolve(__dirname, 'page');

const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The widget keeps its CSS in a <style> element inside its shadow root.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

interface Asset {
  body: Buffer;
  type: string;
}

function load(file: string, type: string): Asset {
  return { body: readFileSync(resolve(PAGE_DIR, file)), type };
}

export function pageRoutes(server: Server, widget: WidgetBundle): void {
  const pages: Record<string, Asset> = {
    '/': load('index.zh.html', 'text/html; charset=utf-8'),
    '/en': load('index.en.html', 'text/html; charset=utf-8'),
  };
  const assets: Record<string, Asset> = {
    '/assets/bank.css': load('bank.css', 'text/css; charset=utf-8'),
    '/assets/logo.svg': load('logo.svg', 'image/svg+xml'),
  };

  for (const [path, asset] of Object.entries(pages)) {
    server.get(path, async (_req: Request, res: Response) => {
      res.header('Content-Security-Policy', PAGE_CSP);
      res.header('X-Content-Type-Options', 'nosniff');
      res.header('Referrer-Policy', 'same-origin');
      send(res, asset, 'no-cache');
    });
  }
  for (const [path, asset] of Object.entries(assets)) {
    server.get(path, async (_req: Request, res: Response) => send(res, asset, 'public, max-age=3600'));
  }

  server.get('/widget.js', async (req: Request, res: Response) => {
    res.header('ETag', widget.etag);
    // Any site may embed the widget; it is code, not data.
    res.header('Access-Control-Allow-Origin', '*');
    res.header('Cache-Control', 'public, max-age=300');
    res.header('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === widget.etag) {
      res.status(304);
      res.end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) res.header('Content-Encoding', 'gzip');
    send(res, { body: gzip ? widget.gzip : widget.code, type: 'application/javascript; charset=utf-8' }, undefined);
  });
}

function send(res: Response, asset: Asset, cacheControl: string | undefined): void {
  if (cacheControl) res.header('Cache-Control', cacheControl);
  res.header('X-Content-Type-Options', 'nosniff');
  res.writeHead(200, { 'Content-Type': asset.type, 'Content-Length': asset.body.length });
  res.end(asset.body);
}
