import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Bundles a browser page's TypeScript (the agent console, the supervisor dashboard) in memory at
 * server start, as /widget.js is (src/channels/webchat/widgetBundle.ts): no build step to forget,
 * and the served script always matches its source.
 */
export async function buildBrowserBundle(entry: string): Promise<Buffer> {
  const result = await build({
    entryPoints: [resolve(entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    platform: 'browser',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0].contents);
}
