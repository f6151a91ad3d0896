// @ts-check
/**
 * `node scripts/run.cjs src/<entry>.ts [args…]` — what `npm start`, `npm run agent` and
 * `npm run nlu` run. The rule: the compiled `dist/<entry>.js` runs when dist/ is current, i.e.
 * dist/build-info.json carries the hash of today's sources (scripts/sourceStamp.cjs), or when there
 * are no sources at all (a production image). Otherwise the TypeScript sources run through tsx,
 * with one line on stderr saying why, so a stale dist/ never runs old code in silence. Without tsx
 * (`npm ci --omit=dev`) and without a current dist/, it stops and says to build.
 * Plain JavaScript: it must run before anything is compiled.
 */
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { sourceStamp } = require('./sourceStamp.cjs');

const root = resolve(__dirname, '..');
const entry = process.argv[2];
if (!entry || !/^[\w./-]+\.ts$/.test(entry)) {
  process.stderr.write('usage: node scripts/run.cjs src/<entry>.ts [args…]\n');
  process.exit(2);
}
const compiled = join(root, 'dist', entry.replace(/\.ts$/, '.js'));

/** @returns {string | undefined} why dist/ cannot run, or undefined when it can */
function whyNotCompiled() {
  if (!existsSync(compiled)) return `no ${join('dist', entry.replace(/\.ts$/, '.js'))}`;
  const stamp = sourceStamp(root);
  if (stamp === undefined) return undefined;
  let built;
  try {
    built = JSON.parse(readFileSync(join(root, 'dist/build-info.json'), 'utf8')).sourceStamp;
  } catch {
    return 'dist/build-info.json is missing or unreadable';
  }
  return built === stamp ? undefined : 'dist/ is older than the sources';
}

/** @param {string} file */
function runAs(file) {
  // The entry sees the arguments it would see if started directly: [node, file, ...args].
  process.argv.splice(1, 2, file);
  require(file);
}

const why = whyNotCompiled();
if (why === undefined) {
  runAs(compiled);
} else {
  try {
    require.resolve('tsx');
  } catch {
    process.stderr.write(`${why}, and tsx (a development dependency) is not installed: run npm run build first\n`);
    process.exit(1);
  }
  process.stderr.write(`${why}: running the TypeScript sources with tsx (npm run build, and this runs compiled code)\n`);
  // What `node --import tsx` does: tsx's loader registers its CommonJS and ESM hooks.
  import('tsx').then(
    () => runAs(join(root, entry)),
    (err) => {
      process.stderr.write(`could not load tsx: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
