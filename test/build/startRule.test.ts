/**
 * The rule `npm start` (scripts/run.cjs) follows, on a small package of its own: compiled code runs
 * only while dist/ matches the sources; a stale dist/ never runs in silence.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceStamp } from '../../scripts/sourceStamp.cjs';
import { ROOT } from '../support/testServer';

let pkg: string;

function write(file: string, text: string): void {
  mkdirSync(join(pkg, file, '..'), { recursive: true });
  writeFileSync(join(pkg, file), text);
}

function stampDist(): void {
  write('dist/build-info.json', JSON.stringify({ sourceStamp: sourceStamp(pkg) }));
}

function start(...args: string[]) {
  const run = spawnSync(process.execPath, [join(pkg, 'scripts/run.cjs'), 'src/hello.ts', ...args], { cwd: pkg, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeEach(() => {
  pkg = mkdtempSync(join(tmpdir(), 'bankbot-start-rule-'));
  for (const file of ['run.cjs', 'sourceStamp.cjs']) {
    mkdirSync(join(pkg, 'scripts'), { recursive: true });
    copyFileSync(join(ROOT, 'scripts', file), join(pkg, 'scripts', file));
  }
  write('package.json', '{"name":"toy","private":true}');
  write('src/hello.ts', "const from: string = 'sources';\nprocess.stdout.write(`${from} ${process.argv.slice(2).join(',')}`);\n");
  write('dist/src/hello.js', "process.stdout.write(`compiled ${process.argv.slice(2).join(',')}`);\n");
});
afterEach(() => rmSync(pkg, { recursive: true, force: true }));

describe('npm start (scripts/run.cjs)', () => {
  it('runs the compiled code, with its arguments, when dist/ matches the sources', () => {
    stampDist();
    expect(start('add', 'alice')).toEqual({ code: 0, stdout: 'compiled add,alice', stderr: '' });
  });

  it('refuses a dist/ older than the sources when tsx is not installed, and says to build', () => {
    stampDist();
    write('src/hello.ts', "process.stdout.write('edited');\n");
    const run = start();
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/dist\/ is older than the sources, and tsx .* is not installed: run npm run build/);
  });

  it('runs the sources through tsx, and says why, when dist/ is stale and tsx is there', () => {
    stampDist();
    write('src/hello.ts', "process.stdout.write(`edited ${process.argv.slice(2).join(',')}`);\n");
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const run = start('x');
    expect(run.stdout).toBe('edited x');
    expect(run.stderr).toMatch(/dist\/ is older than the sources: running the TypeScript sources with tsx/);
  });

  it('runs the sources when nothing was built', () => {
    rmSync(join(pkg, 'dist'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const run = start();
    expect(run.stdout).toBe('sources ');
    expect(run.stderr).toMatch(/^no dist\/src\/hello\.js: running the TypeScript sources/);
  });

  it('runs dist/ in an image that ships no sources', () => {
    rmSync(join(pkg, 'src'), { recursive: true });
    expect(start().stdout).toBe('compiled ');
  });
});
