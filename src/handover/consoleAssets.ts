import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'restify';

/**
 * The console page, script and style, served by the bot itself (no external resources). Scripts
 * come from our own origin only, so a strict Content-Security-Policy forbids inline script and
 * anything from elsewhere, a second guard beside rendering customer text with textContent.
 */
const ASSETS = [
  { path: '/agent', file: 'index.html', type: 'text/html; charset=utf-8' },
  { path: '/agent/console.js', file: 'console.js', type: 'text/javascript; charset=utf-8' },
  { path: '/agent/console.css', file: 'console.css', type: 'text/css; charset=utf-8' },
];

const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function registerConsoleAssets(server: Server): void {
  for (const asset of ASSETS) {
    const body = readFileSync(join(__dirname, 'console', asset.file));
    server.get(asset.path, async (_req, res) => {
      res.writeHead(200, {
        'Content-Type': asset.type,
        'Content-Length': body.length,
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
      res.end(body);
    });
  }
}
