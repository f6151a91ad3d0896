import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The gzipped size budget the issue sets; start-up fails loudly rather than ship a heavier widget. */
export const WIDGET_GZIP_BUDGET = 30 * 1024;

export interface WidgetBundle {
  code: Buffer;
  gzip: Buffer;
  etag: string;
}

/**
 * Builds /widget.js from its TypeScript sources in memory at server start (esbuild, ~50 ms), so
 * there is no build step to forget and the served file always matches the source.
 */
export async function buildWidgetBundle(): Promise<WidgetBundle> {
  const result = await build({
    entryPoints: [resolve(__dirname, 'widget/main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    platform: 'browser',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = Buffer.from(result.outputFiles[0].contents);
  const gzip = gzipSync(code, { level: 9 });
  if (gzip.length > WIDGET_GZIP_BUDGET) {
    throw new Error(`buildWidgetBundle(): widget is ${gzip.length} bytes gzipped, over the ${WIDGET_GZIP_BUDGET}-byte budget`);
  }
  return { code, gzip, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 16)}"` };
}
