import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'restify';
import { buildBrowserBundle } from '../http/browserBundle';

export interface PageAsset {
  path: string;
  type: string;
  body: Buffer;
}

/**
 * Scripts come from our own origin only, so a strict Content-Security-Policy forbids inline script
 * and anything from elsewhere, a second guard beside rendering customer text with textContent.
 * `media-src 'self' data:` is not needed: the new-customer tone is synthesised with Web Audio.
 */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' blob:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Serves fixed page assets with the console's security headers (also used by the dashboard). */
export function servePageAssets(server: Server, assets: PageAsset[]): void {
  for (const asset of assets) {
    server.get(asset.path, async (_req, res) => {
      res.writeHead(200, {
        'Content-Type': asset.type,
        'Content-Length': asset.body.length,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
      res.end(asset.body);
    });
  }
}

/** The console page, script (bundled from console/app/) and style, served by the bot itself. */
export async function registerConsoleAssets(server: Server): Promise<void> {
  const dir = join(__dirname, 'console');
  servePageAssets(server, [
    { path: '/agent', type: 'text/html; charset=utf-8', body: readFileSync(join(dir, 'index.html')) },
    { path: '/agent/console.js', type: 'text/javascript; charset=utf-8', body: await buildBrowserBundle(join(dir, 'app/main.ts')) },
    { path: '/agent/console.css', type: 'text/css; charset=utf-8', body: readFileSync(join(dir, 'console.css')) },
  ]);
}
