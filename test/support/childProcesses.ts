/**
 * Every OS process a test starts (bot servers, redis-servers, browsers, CLIs) is written to a file
 * in the run's own folder, so the global teardown can end the ones still alive, even when a test
 * failed or timed out and jest killed its worker before any afterAll ran.
 */
import type { ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file of this run's children: `<pid> <group|single>` per line. */
export function childrenFile(runDir: string): string {
  return join(runDir, 'children');
}

/**
 * Records `child` for the teardown. `group`: the child leads its own process group (spawned with
 * `detached: true`, as Chromium is), so the teardown ends its helpers too.
 */
export function trackChild<T extends ChildProcess>(child: T, options: { group?: boolean } = {}): T {
  if (child.pid !== undefined) trackPid(child.pid, options);
  return child;
}

export function trackPid(pid: number, options: { group?: boolean } = {}): void {
  const runDir = process.env.TEST_RUN_DIR;
  if (runDir) appendFileSync(childrenFile(runDir), `${pid} ${options.group ? 'group' : 'single'}\n`);
}

/**
 * The direct children of this process, from /proc (Linux): for children a library starts without
 * handing out the process (playwright's Browser), compare before and after.
 */
export function ownChildPids(): Set<number> {
  const pids = new Set<number>();
  if (!existsSync('/proc')) return pids;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid) pids.add(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ends every recorded child still alive; returns how many there were. */
export function killTrackedChildren(runDir: string): number {
  const file = childrenFile(runDir);
  if (!existsSync(file)) return 0;
  let killed = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [pidText, kind] = line.split(' ');
    const pid = Number(pidText);
    if (!Number.isInteger(pid) || pid <= 1 || !alive(pid)) continue;
    try {
      process.kill(kind === 'group' ? -pid : pid, 'SIGKILL');
      killed += 1;
    } catch {
      // Gone between the check and the kill.
    }
  }
  return killed;
}

/** `/proc/<pid>/cmdline` of a jest worker: the run's own processes, ended by jest, never by us. */
const JEST_WORKER = /jest-worker[\\/]build[\\/]processChild/;

/**
 * Ends every process still running with this run's `TEST_RUN_DIR` in the environment it started
 * with (`/proc/<pid>/environ`), except jest's workers; returns how many. Children inherit the
 * variable, so this catches what recording cannot: a process a test started without `trackChild`,
 * or one a child started in turn. A process started with an environment of its own (no
 * TEST_RUN_DIR) must be recorded. Linux only; elsewhere the recorded list is all there is.
 */
export function killRunLeftovers(runDir: string): number {
  if (!existsSync('/proc')) return 0;
  const marker = `\0TEST_RUN_DIR=${runDir}\0`;
  let killed = 0;
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!/^\d+$/.test(name) || pid === process.pid) continue;
    try {
      // Entries end with NUL; a leading one lets the first entry match too. Unreadable: not ours.
      if (!`\0${readFileSync(`/proc/${name}/environ`, 'utf8')}`.includes(marker)) continue;
      if (JEST_WORKER.test(readFileSync(`/proc/${name}/cmdline`, 'utf8'))) continue;
      process.kill(pid, 'SIGKILL');
      killed += 1;
    } catch {
      // Gone while we looked, or another user's process.
    }
  }
  return killed;
}
