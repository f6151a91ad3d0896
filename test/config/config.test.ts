import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_REDIS_URL, loadConfig, readEnv } from '../../src/config';
import { configProblems as problems } from './support/configProblems';

describe('config', () => {
  it('has working defaults for a first start', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3978);
    expect(config.STATE_TTL_SECONDS).toBe(30 * 86400);
    expect(config.redisUrl).toBe(DEFAULT_REDIS_URL);
    expect(config.redisUrlExplicit).toBe(false);
  });

  it('names the variable and the bad value, one line per problem', () => {
    expect(problems({ PORT: 'abc', LOG_LEVEL: 'loud', STATE_TTL_SECONDS: '-5' })).toEqual([
      'PORT: expected a number from 0 to 65535, got "abc"',
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent, got "loud"',
      `STATE_TTL_SECONDS: expected a number from 60 to ${10 * 365 * 86400}, got "-5"`,
    ]);
  });

  it('rejects a REDIS_URL that is not a redis URL', () => {
    expect(problems({ REDIS_URL: 'http://localhost' })[0]).toMatch(/^REDIS_URL: expected a redis:\/\//);
  });

  it('marks an explicit REDIS_URL so an unreachable one stops the start', () => {
    const config = loadConfig({ REDIS_URL: 'redis://10.0.0.1:6380' });
    expect(config.redisUrlExplicit).toBe(true);
    expect(config.redisUrl).toBe('redis://10.0.0.1:6380');
  });

  it('reads .env beneath the real environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    writeFileSync(join(dir, '.env'), 'PORT=4000\nLOG_LEVEL=debug\n');
    const env = readEnv(dir, { PORT: '5000' });
    expect(loadConfig(env)).toMatchObject({ PORT: 5000, LOG_LEVEL: 'debug' });
  });

  it('stops the process at start with the problems on stderr', () => {
    const root = join(__dirname, '../..');
    // One process (`--import tsx`, not the tsx CLI and its child), so a timeout leaves nothing behind.
    const out = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/index.ts')], {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: 'abc', MicrosoftAppType: 'Nope' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('PORT: expected a number from 0 to 65535, got "abc"');
    expect(out.stderr).toContain('MicrosoftAppType: expected one of MultiTenant, SingleTenant, UserAssignedMSI, got "Nope"');
  });
});
