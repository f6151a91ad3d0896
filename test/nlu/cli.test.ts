import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { trackChild } from '../support/childProcesses';

const root = resolve(__dirname, '../..');
const cli = join(root, 'src/nlu/cli.ts');
let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'nlu-cli-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

// `node --import tsx` is one process: the tsx CLI would start a second one, which a timeout kills
// only the first of, leaving the CLI running after the test. Asynchronous, so the bad-input cases
// below run side by side (`it.concurrent`): each is mostly the child's start-up, not CPU.
const run = (args: string[], input = ''): Promise<RunResult> =>
  new Promise((resolvePromise, reject) => {
    const child = trackChild(spawn(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: root, timeout: 60_000 }));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
    child.stdin.end(input);
  });

const jsonLines = (stdout: string): unknown[] =>
  stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);

describe('nlu CLI', () => {
  it('classify prints one JSON object per input line and nothing else on stdout', async () => {
    // The shared model cache (keyed by data and code, so never stale): no training in the child.
    const r = await run(['classify', '--cache', '.cache/nlu'], '网银证书过期了\nwhere is the nearest branch\n');
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([
      expect.objectContaining({ text: '网银证书过期了', intent: 'cert_expired', language: 'zh' }),
      expect.objectContaining({ text: 'where is the nearest branch', intent: 'branch_visit', language: 'en' }),
    ]);
  });

  it('eval reads JSONL and CSV, writes an HTML report, and ends with the summary object', async () => {
    const trainFile = join(work, 'train.csv');
    const testFile = join(work, 'test.jsonl');
    const html = join(work, 'report.html');
    const rows = ['hello there,greeting', 'hi,greeting', 'good morning,greeting', 'bye now,goodbye', 'goodbye,goodbye', 'see you later,goodbye'];
    writeFileSync(trainFile, `text,category\n${rows.join('\n')}\n`);
    writeFileSync(testFile, '{"text":"hello","intent":"greeting"}\n{"text":"bye","intent":"goodbye"}\n');
    const r = await run(['eval', '--train', trainFile, '--test', testFile, '--html', html]);
    expect(r.status).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines[lines.length - 1]).toEqual(
      expect.objectContaining({ accuracy: expect.any(Number), macroF1: expect.any(Number), trainMs: expect.any(Number), classifyPerSec: expect.any(Number), n: 2 }),
    );
    expect(readFileSync(html, 'utf8')).toContain('Confusion matrix');
  });

  it('eval --dev split scores on a held-out share of the training file, never a test file', async () => {
    const trainFile = join(work, 'dev-train.csv');
    const rows = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? `hello friend ${i},greeting` : `bye friend ${i},goodbye`));
    writeFileSync(trainFile, `text,category\n${rows.join('\n')}\n`);
    const r = await run(['eval', '--train', trainFile, '--dev', 'split']);
    expect(r.status).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines[lines.length - 1]).toEqual(expect.objectContaining({ n: 4, perScript: expect.objectContaining({ en: expect.any(Object) }) }));
    expect(r.stderr).toContain('dev split');
  });

  describe('bad input to eval fails with one line naming the file and line, never a stack trace', () => {
    const failsWith = async (content: string | undefined, pattern: RegExp) => {
      const file = join(work, `bad-${Math.random().toString(36).slice(2)}.csv`);
      if (content !== undefined) writeFileSync(file, content);
      const r = await run(['eval', '--train', file, '--test', file]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '' && !l.includes('DeprecationWarning') && !l.includes('--trace-deprecation'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(file);
      expect(lines[0]).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    };

    it.concurrent('a missing file', () => failsWith(undefined, /cannot read: ENOENT/));
    it.concurrent('a CSV with a wrong header', () => failsWith('words,intent\nhello,greeting\n', /line 1: expected a header/));
    it.concurrent('an empty label', () => failsWith('text,label\nhello,greeting\nbye,\n', /line 3: empty label/));
    it.concurrent('a 1 MB line', () => failsWith(`text,label\nhello,greeting\n${'x'.repeat(1_000_000)},greeting\n`, /line 3: text longer than 10000 characters/));
    it.concurrent('a label line after a quoted text that spans lines', () => failsWith('text,label\n"two\nlines",greeting\nbye,\n', /line 4: empty label/));
  });

  it('fails with usage on stderr for an unknown command', async () => {
    const r = await run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/usage: nlu/);
  });
});
