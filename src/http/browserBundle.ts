import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Every browser script the server serves, as TypeScript entry points (package-relative).
 * `npm run build` bundles each into dist/ beside where its entry would be, so production needs no
 * esbuild; a new page adds its entry here (test/build/browserEntries.test.ts checks).
 */
export const BROWSER_ENTRIES = ['src/channels/webchat/widget/main.ts', 'src/handover/console/app/main.ts', 'src/dashboard/page/app/main.ts'] as const;

/** Where the build puts an entry's bundle: `…/main.ts` → `…/main.bundle.js`. */
export function prebuiltBundleFile(entry: string): string {
  return resolve(entry).replace(/\.ts$/, '.bundle.js');
}

/**
 * Bundles a browser entry with esbuild, in memory. esbuild is loaded only here: it is a
 * development dependency, used at start when running the sources and by `npm run build`.
 */
export async function compileBrowserBundle(entry: string): Promise<Buffer> {
  if (!existsSync(entry)) {
    throw new Error(`compileBrowserBundle(): neither ${entry} nor its build ${prebuiltBundleFile(entry)} exists; run npm run build`);
  }
  const { build } = await import('esbuild');
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

/**
 * A browser page's script (the widget, the agent console, …): the bundle `npm run build` made
 * when running from dist/, else bundled from the sources at server start, so the served script
 * always matches them and there is no build step to forget in development.
 */
export async function buildBrowserBundle(entry: string): Promise<Buffer> {
  const prebuilt = prebuiltBundleFile(entry);
  return existsSync(prebuilt) ? readFileSync(prebuilt) : compileBrowserBundle(entry);
}
