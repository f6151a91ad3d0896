/**
 * Every browser script the server bundles is listed in BROWSER_ENTRIES, so `npm run build` bundles
 * it too and a production install (no esbuild) can serve it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BROWSER_ENTRIES, prebuiltBundleFile } from '../../src/http/browserBundle';
import { ROOT } from '../support/testServer';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('browser bundles', () => {
  it('lists every browser entry point (a main.ts under src/) for the production build', () => {
    const entries = filesUnder(join(ROOT, 'src'))
      .filter((f) => f.endsWith('/main.ts'))
      .map((f) => relative(ROOT, f))
      .sort();
    expect(entries).toEqual([...BROWSER_ENTRIES].sort());
  });

  it('puts each bundle beside where its entry would be', () => {
    expect(prebuiltBundleFile('/app/dist/src/handover/console/app/main.ts')).toBe('/app/dist/src/handover/console/app/main.bundle.js');
  });
});
