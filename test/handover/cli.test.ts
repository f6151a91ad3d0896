/** `npm run agent -- …` as an operator runs it: a real process, the password on stdin, real Redis. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Redis } from 'ioredis';
import { AgentAccounts } from '../../src/handover/agentAccounts';
import { HandoverKeys } from '../../src/handover/handoverKeys';
import { trackChild } from '../support/childProcesses';
import { newTestRedis, testRedisUrl, uniquePrefix } from '../support/testRedis';
import { ROOT } from '../support/testServer';

jest.setTimeout(60_000);

const prefix = uniquePrefix('cli');
let redis: Redis;
beforeAll(() => {
  redis = newTestRedis();
});
afterAll(() => redis.quit());

function agentCli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    // `node --import tsx` is one process (the tsx CLI would add a second one to outlive a failure).
    const child = trackChild(
      spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'src/handover/cli.ts'), ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', REDIS_URL: testRedisUrl(), REDIS_KEY_PREFIX: prefix },
      }),
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('agent CLI', () => {
  it('adds an agent whose password (read from stdin) is stored as a scrypt hash and verifies', async () => {
    const run = await agentCli(['add', 'li.na'], 'a long enough secret\n');
    expect(run).toMatchObject({ code: 0, stdout: 'agent li.na created\n' });
    const accounts = new AgentAccounts(redis, new HandoverKeys(prefix));
    expect(await accounts.verify('li.na', 'a long enough secret')).toBe('li.na');
    expect(await accounts.verify('li.na', 'a long enough secreT')).toBeUndefined();
    const stored = await redis.hgetall(new HandoverKeys(prefix).agent('li.na'));
    expect(JSON.stringify(stored)).not.toContain('a long enough secret');
    expect(stored.scrypt).toMatch(/N=/);
    expect((await agentCli(['add', 'li.na'], 'another long secret\n')).stdout).toBe('password of agent li.na changed\n');
    expect((await agentCli(['list'])).stdout).toBe('li.na\n');
    expect((await agentCli(['remove', 'li.na'])).stdout).toBe('agent li.na removed\n');
    expect((await agentCli(['list'])).stdout).toBe('(no agents)\n');
  });

  it('refuses short passwords, bad names and unknown commands, saying why', async () => {
    expect(await agentCli(['add', 'bob'], 'short\n')).toMatchObject({ code: 1, stderr: expect.stringMatching(/at least 10 characters/) });
    expect(await agentCli(['add', '<bob>'], 'long enough password\n')).toMatchObject({ code: 1, stderr: expect.stringMatching(/agent name/) });
    expect(await agentCli(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/usage: npm run agent -- <add\|list\|remove\|supervisor>/) });
  });
});
