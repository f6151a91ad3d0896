/**
 * What can be checked of the container without a Docker daemon: the build context the
 * .dockerignore lets through (everything the Dockerfile copies, no secrets or local state), the
 * runtime stage (production dependencies, non-root, health check, the compiled start command) and
 * compose.yaml (the bot with Redis keeping an append-only file on a volume).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/testServer';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const compose = readFileSync(join(ROOT, 'compose.yaml'), 'utf8');

/** A .dockerignore pattern as Docker reads it: `*` within a path segment, `**` across them. */
function patternRegex(pattern: string): RegExp {
  const clean = pattern.replace(/^\//, '').replace(/\/$/, '');
  let re = '';
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === '*' && clean[i + 1] === '*') {
      re += '.*';
      i += clean[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Docker's rule: the last pattern matching the path or one of its parent folders decides. */
function inContext(path: string): boolean {
  const rules = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => ({ exclude: !l.startsWith('!'), re: patternRegex(l.replace(/^!/, '')) }));
  const parts = path.split('/');
  const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let included = true;
  for (const rule of rules) if (prefixes.some((p) => rule.re.test(p))) included = !rule.exclude;
  return included;
}

/** The files git knows, as a fresh clone would send them. */
function trackedFiles(): string[] {
  return spawnSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}

/** `COPY <from…> <to>` lines of the build stage that read the context (not `--from=`). */
function copiedFromContext(): string[] {
  return dockerfile
    .split('\n')
    .filter((l) => /^COPY\s/.test(l) && !l.includes('--from='))
    .flatMap((l) => l.trim().split(/\s+/).slice(1, -1));
}

describe('the container', () => {
  it('sends the build everything the Dockerfile copies', () => {
    const files = trackedFiles();
    for (const source of copiedFromContext()) {
      const sent = files.filter((f) => (f === source || f.startsWith(`${source}/`)) && inContext(f));
      expect({ source, sent: sent.length > 0 }).toEqual({ source, sent: true });
    }
    expect(files.filter((f) => f.startsWith('src/') && !inContext(f))).toEqual([]);
  });

  it('keeps secrets, local state and development files out of the build context', () => {
    for (const path of ['.env', '.git/config', 'node_modules/zod/package.json', 'dist/src/index.js', '.cache/nlu/model.json', 'test/support/testServer.ts', 'test-artifacts/x.png', 'bench/run.ts', 'npm-debug.log', 'src/x/debug.log']) {
      expect({ path, sent: inContext(path) }).toEqual({ path, sent: false });
    }
  });

  it('runs the compiled entry point as a non-root user with production dependencies only, and checks /healthz', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/npm ci --omit=dev/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    // Node flags may come first (V8 heap flags NODE_OPTIONS refuses), then the compiled entry.
    const cmd = /^CMD \["node", (?:"--[a-z-]+=\d+", )*"dist\/(.+)\.js"\]$/m.exec(runtime);
    expect(cmd).not.toBeNull();
    // The compiled file the command starts is built from a source `npm run build` compiles.
    expect(existsSync(join(ROOT, `${cmd?.[1]}.ts`))).toBe(true);
    const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '')) as { include: string[] };
    expect(build.include).toContain(cmd?.[1].split('/')[0]);
  });

  it('starts the bot with Redis keeping an append-only file on a volume', () => {
    expect(compose).toMatch(/^ {2}bot:$/m);
    expect(compose).toMatch(/^ {2}redis:$/m);
    expect(compose).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
    expect(compose).toMatch(/"--appendonly", "yes"/);
    expect(compose).toMatch(/- redis-data:\/data/);
    expect(compose).toMatch(/^volumes:\n {2}redis-data:/m);
  });
});
