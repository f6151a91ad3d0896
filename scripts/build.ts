/**
 * `npm run build [-- --out <dir>]`: the production build. Compiles src/ and dialogs/ with tsc
 * (tsconfig.build.json) to dist/, copies the files the code reads beside itself (the demo pages,
 * the agent console), bundles the web widget with esbuild so production needs no esbuild, and
 * stamps dist/build-info.json with the sources' hash (scripts/run.cjs runs dist/ only when it
 * matches). `--out` builds elsewhere (tests); the folder above it must hold package.json and
 * intents/, which the compiled code reads from there.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileWidget } from '../src/channels/webchat/widgetBundle';
import { sourceStamp } from './sourceStamp.cjs';

const ROOT = resolve(__dirname, '..');
/** Read at run time relative to the compiled file, so they go where the compiled file goes. */
const ASSET_DIRS = ['src/channels/webchat/page', 'src/handover/console'];
const WIDGET_FILE = 'src/channels/webchat/widget.bundle.js';

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
  for (const dir of ASSET_DIRS) cpSync(join(ROOT, dir), join(out, dir), { recursive: true });
  const widget = await compileWidget();
  mkdirSync(join(out, 'src/channels/webchat'), { recursive: true });
  writeFileSync(join(out, WIDGET_FILE), widget);
  const info = { sourceStamp: sourceStamp(ROOT), builtAt: new Date().toISOString(), node: process.version };
  writeFileSync(join(out, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
  process.stdout.write(`built ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s (widget ${widget.length} bytes)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`npm run build: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
