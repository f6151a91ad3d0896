/**
 * The global teardown's last sweep (killRunLeftovers, test/support/childProcesses.ts): a process
 * nobody recorded is ended when it started with the run's TEST_RUN_DIR; a process of another run
 * and jest's own workers are left alone.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killRunLeftovers, trackChild } from '../support/childProcesses';

const dirs: string[] = [];
const children: ChildProcess[] = [];

function runDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'leftover-run-'));
  dirs.push(dir);
  return dir;
}

/** A long sleep started with `TEST_RUN_DIR=dir`; recorded for this real run's teardown too, in case the test fails. */
async function sleeper(dir: string, args: string[] = []): Promise<ChildProcess> {
  const child = trackChild(spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', ...args], { env: { ...process.env, TEST_RUN_DIR: dir }, stdio: 'ignore' }));
  children.push(child);
  await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  return child;
}

const ended = (child: ChildProcess) => new Promise<NodeJS.Signals | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.signalCode) : child.once('exit', (_code, signal) => resolve(signal))));

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(ended));
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

it("ends an unrecorded process of this run, and leaves another run's and a jest worker alone", async () => {
  const ours = runDir();
  const unrecorded = await sleeper(ours);
  const worker = await sleeper(ours, ['node_modules/jest-worker/build/processChild.js']);
  const otherRun = await sleeper(runDir());

  expect(killRunLeftovers(ours)).toBe(1);
  expect(await ended(unrecorded)).toBe('SIGKILL');
  expect(worker.exitCode).toBeNull();
  expect(otherRun.exitCode).toBeNull();
});
