import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The gzipped size budget the issue sets; start-up fails loudly rather than ship a heavier widget. */
export const WIDGET_GZIP_BUDGET = 30 * 1024;

/**
 * Where `npm run build` puts the bundled widget, next to this file's compiled form. Present only
 * in `dist/`: production serves it and needs no esbuild; the sources bundle at start instead.
 */
export const PREBUILT_WIDGET_FILE = resolve(__dirname, 'widget.bundle.js');

export interface WidgetBundle {
  code: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * Bundles /widget.js from its TypeScript sources with esbuild (~50 ms): at start when running the
 * sources, so the served file always matches them, and once at `npm run build` for `dist/`.
 * esbuild is loaded only here: it is a development dependency.
 */
export async function compileWidget(): Promise<Buffer> {
  const entry = resolve(__dirname, 'widget/main.ts');
  if (!existsSync(entry)) {
    throw new Error(`compileWidget(): ${PREBUILT_WIDGET_FILE} is missing and there are no widget sources here; run npm run build`);
  }
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
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

/** The prebuilt bundle when there is one (dist/), else a fresh one from the sources. */
export async function buildWidgetBundle(): Promise<WidgetBundle> {
  const code = existsSync(PREBUILT_WIDGET_FILE) ? readFileSync(PREBUILT_WIDGET_FILE) : await compileWidget();
  const gzip = gzipSync(code, { level: 9 });
  if (gzip.length > WIDGET_GZIP_BUDGET) {
    throw new Error(`buildWidgetBundle(): widget is ${gzip.length} bytes gzipped, over the ${WIDGET_GZIP_BUDGET}-byte budget`);
  }
  return { code, gzip, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 16)}"` };
}
