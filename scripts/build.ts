/**
 * `npm run build [-- --out <dir>]`: the production build. Compiles src/ and dialogs/ with tsc
 * (tsconfig.build.json) to dist/, copies the files the code reads beside itself (pages, styles),
 * bundles every browser script (BROWSER_ENTRIES) with esbuild so production needs no esbuild, and
 * stamps dist/build-info.json with the sources' hash (scripts/run.cjs runs dist/ only when it
 * matches). `--out` builds elsewhere (tests); the folder above it must hold package.json and
 * intents/, which the compiled code reads from there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BROWSER_ENTRIES, compileBrowserBundle, prebuiltBundleFile } from '../src/http/browserBundle';
import { sourceStamp } from './sourceStamp.cjs';

const ROOT = resolve(__dirname, '..');
/**
 * Every file of these folders that is not TypeScript (pages, styles, images) is read at run time
 * relative to the code beside it, so it goes where the compiled code goes.
 */
const ASSET_ROOTS = ['src', 'dialogs'];

function outDir(): string {
  const i = process.argv.indexOf('--out');
  return i >= 0 && process.argv[i + 1] ? resolve(process.argv[i + 1]) : join(ROOT, 'dist');
}

async function main(): Promise<void> {
  const out = outDir();
  const started = Date.now();
  rmSync(out, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', out], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error(`tsc failed (exit ${tsc.status ?? tsc.signal})`);
  for (const dir of ASSET_ROOTS) {
    cpSync(join(ROOT, dir), join(out, dir), { recursive: true, filter: (from) => statSync(from).isDirectory() || !from.endsWith('.ts') });
  }
  let bundled = 0;
  for (const entry of BROWSER_ENTRIES) {
    const code = await compileBrowserBundle(join(ROOT, entry));
    const file = prebuiltBundleFile(join(out, entry));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
    bundled += code.length;
  }
  const info = { sourceStamp: sourceStamp(ROOT), builtAt: new Date().toISOString(), node: process.version };
  writeFileSync(join(out, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
  process.stdout.write(`built ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s (${BROWSER_ENTRIES.length} browser bundles, ${bundled} bytes)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`npm run build: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
