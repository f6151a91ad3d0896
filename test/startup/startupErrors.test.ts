/** A start that cannot work stops with one line saying what to fix, no stack trace, exit code 1. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ROOT } from '../support/testServer';

/** Starts the bot as `npm start` does and waits for it to stop by itself. */
function startExpectingFailure(env: Record<string, string>) {
  const out = spawnSync(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/index.ts')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', REDIS_URL: 'memory://', LOG_LEVEL: 'warn', NLU_CACHE_DIR: resolve(ROOT, '.cache/nlu'), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: out.status, errorLines: out.stderr.split('\n').filter((l) => l.trim() !== '' && !/DeprecationWarning|--trace-deprecation/.test(l)), stdout: out.stdout };
}

describe('start-up errors', () => {
  let taken: Server;
  let port: number;
  const dirs: string[] = [];
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const address = taken.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise<void>((done) => taken.close(() => done()));
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  it('names the port in use, before connecting to any store', () => {
    const result = startExpectingFailure({ PORT: String(port) });
    expect(result.status).toBe(1);
    expect(result.errorLines).toEqual([`PORT ${port} is already in use; set PORT to another port`]);
    // The memory store's warning comes when the store starts: the port was checked before that.
    expect(result.stdout).not.toContain('IN-PROCESS MEMORY');
  });

  it('names the data file and the field that is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bank-broken-'));
    dirs.push(dir);
    for (const name of ['faq.json', 'branches.json', 'replies']) cpSync(join(ROOT, 'intents', name), join(dir, name), { recursive: true });
    const file = join(dir, 'branches.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { branches: Array<Record<string, unknown>> };
    json.branches[1].lat = 'north';
    writeFileSync(file, JSON.stringify(json));
    const result = startExpectingFailure({ PORT: '0', BOT_DATA_DIR: dir });
    expect(result.status).toBe(1);
    expect(result.errorLines).toHaveLength(1);
    expect(result.errorLines[0]).toMatch(new RegExp(`^data file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: branches\\.1\\.lat: `));
  });

  it('names a BOT_DATA_DIR that is not there', () => {
    const result = startExpectingFailure({ PORT: '0', BOT_DATA_DIR: '/nowhere/bank-data' });
    expect(result.status).toBe(1);
    expect(result.errorLines).toEqual(['data file /nowhere/bank-data: BOT_DATA_DIR is not a folder (it should hold faq.json, branches.json, replies/ and optionally nlu/)']);
  });
});
