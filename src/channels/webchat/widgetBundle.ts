import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBrowserBundle } from '../../http/browserBundle';

/** The gzipped size budget the issue sets; start-up fails loudly rather than ship a heavier widget. */
export const WIDGET_GZIP_BUDGET = 30 * 1024;

export interface WidgetBundle {
  code: Buffer;
  gzip: Buffer;
  etag: string;
}

/** /widget.js: bundled from `widget/` (at start from the sources, at `npm run build` for dist/). */
export async function buildWidgetBundle(): Promise<WidgetBundle> {
  const code = await buildBrowserBundle(resolve(__dirname, 'widget/main.ts'));
  const gzip = gzipSync(code, { level: 9 });
  if (gzip.length > WIDGET_GZIP_BUDGET) {
    throw new Error(`buildWidgetBundle(): widget is ${gzip.length} bytes gzipped, over the ${WIDGET_GZIP_BUDGET}-byte budget`);
  }
  return { code, gzip, etag: `"${createHash('sha256').update(code).digest('base64url').slice(0, 16)}"` };
}
