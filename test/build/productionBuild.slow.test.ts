/**
 * `npm run build` and the compiled start, as a production install runs them: the build goes to a
 * folder of its own whose node_modules holds the production dependencies only (no tsx, no esbuild,
 * no TypeScript), and `node dist/src/index.js` serves the health check, the widget and a chat turn.
 * Slow by nature: a full tsc compile.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageActivity, postActivity } from '../support/activities';
import { trackChild } from '../support/childProcesses';
import { startConnectorStandIn, type ConnectorStandIn } from '../support/connectorStandIn';
import { testRedisUrl, uniquePrefix } from '../support/testRedis';
import { ROOT, spawnServer, type ChildServer } from '../support/testServer';

jest.setTimeout(600_000);

const DEV_ONLY = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies);

/** node_modules without the development dependencies (their own dependencies may stay: other packages share them). */
function productionModules(target: string): void {
  const source = join(ROOT, 'node_modules');
  mkdirSync(target);
  for (const name of readdirSync(source)) {
    if (name === '.bin' || name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      mkdirSync(join(target, name));
      for (const sub of readdirSync(join(source, name))) {
        if (!DEV_ONLY.includes(`${name}/${sub}`)) symlinkSync(join(source, name, sub), join(target, name, sub));
      }
    } else if (!DEV_ONLY.includes(name)) {
      symlinkSync(join(source, name), join(target, name));
    }
  }
}

function run(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = trackChild(spawn(process.execPath, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] }));
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

let dir: string;
let server: ChildServer | undefined;
let connector: ConnectorStandIn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bankbot-build-'));
  // The installed package as an image holds it: package.json, intents/, production node_modules.
  symlinkSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(ROOT, 'intents'), join(dir, 'intents'));
  productionModules(join(dir, 'node_modules'));
  connector = await startConnectorStandIn();
});
afterAll(async () => {
  await server?.stop();
  await connector?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('compiles to dist/ with the widget bundled and the assets beside the code', async () => {
    const build = await run(['--import', 'tsx', join(ROOT, 'scripts/build.ts'), '--out', join(dir, 'dist')]);
    expect(build).toMatchObject({ code: 0 });
    for (const file of ['src/index.js', 'src/channels/webchat/widget/main.bundle.js', 'src/handover/console/app/main.bundle.js', 'src/channels/webchat/page/index.zh.html', 'src/handover/console/index.html', 'build-info.json']) {
      expect(existsSync(join(dir, 'dist', file))).toBe(true);
    }
    expect(existsSync(join(dir, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules/esbuild'))).toBe(false);
  });

  it("trains the intent model as the image's build does, with production dependencies only", async () => {
    // The Dockerfile's own command, so a change to the recognizer's exports cannot break the image unseen.
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const script = /^RUN node -e "(.+)"$/m.exec(dockerfile.slice(dockerfile.indexOf('AS runtime')))?.[1];
    expect(script).toMatch(/createRecognizer/);
    const train = await run(['-e', script ?? ''], { cwd: dir, env: { NLU_CACHE_DIR: join(dir, 'nlu-cache') } });
    expect(train).toMatchObject({ code: 0 });
    expect(readdirSync(join(dir, 'nlu-cache'))).toHaveLength(1);
  });

  it('starts with plain node, without tsx or esbuild installed, and answers health, widget, console and a chat turn', async () => {
    const trained = readdirSync(join(dir, 'nlu-cache'));
    server = await spawnServer(
      { REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: uniquePrefix('build'), NLU_CACHE_DIR: join(dir, 'nlu-cache') },
      { args: [join(dir, 'dist/src/index.js')], cwd: dir, startMs: 300_000 },
    );
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const widget = await fetch(`${server.url}/widget.js`);
    expect(widget.status).toBe(200);
    expect((await widget.text()).length).toBeGreaterThan(1000);
    const consoleScript = await fetch(`${server.url}/agent/console.js`);
    expect(consoleScript.status).toBe(200);

    const res = await postActivity(server.url, messageActivity(connector.url, 'built-1', '我的网银证书过期了怎么办'));
    expect(res.status).toBe(200);
    const [reply] = await connector.waitFor('built-1', 1, 60_000);
    expect(reply.activity.text).toMatch(/证书/);
    expect(server.output.join('\n')).not.toMatch(/tsx|Cannot find module/);
    // The bot loaded the model the image's build trained instead of training its own (same cache key).
    expect(readdirSync(join(dir, 'nlu-cache'))).toEqual(trained);
  });
});
