// @ts-check
/**
 * A hash of everything `npm run build` compiles or copies into dist/. Plain JavaScript because
 * scripts/run.cjs needs it before anything is compiled, in installs without TypeScript tooling.
 * The build writes it to dist/build-info.json; the launcher compares, so a stale dist/ never runs.
 */
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

/** Folders compiled or copied whole, and single files that shape the output. */
const STAMPED_DIRS = ['src', 'dialogs'];
const STAMPED_FILES = ['tsconfig.json', 'tsconfig.build.json', 'scripts/build.ts', 'intents/replies/zh.json'];

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/**
 * @param {string} root the package root
 * @returns {string | undefined} hex digest, or undefined when the sources are not here (a production image)
 */
function sourceStamp(root) {
  if (!existsSync(join(root, 'src'))) return undefined;
  const files = [...STAMPED_DIRS.flatMap((d) => filesUnder(join(root, d))), ...STAMPED_FILES.map((f) => join(root, f)).filter((f) => existsSync(f))];
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(root, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

module.exports = { sourceStamp };
