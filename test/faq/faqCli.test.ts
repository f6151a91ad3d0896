import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'src/faq/cli.ts');
const run = (args: string[], input = '') => spawnSync(tsx, [cli, ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
const lastJson = (stdout: string): unknown => JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null');

describe('faq CLI', () => {
  it('test prints the held-out figures as one JSON object, and the table on stderr', () => {
    const r = run(['test']);
    expect(r.status).toBe(0);
    expect(lastJson(r.stdout)).toMatchObject({
      entries: expect.any(Number),
      hitRate: expect.any(Number),
      answeredRate: expect.any(Number),
      wrongAnswerRate: expect.any(Number),
      outOfScope: { falseAnswers: expect.any(Number) },
    });
    expect(r.stderr).toContain('wrong answer');
  });

  it('ask answers one JSON object per question line', () => {
    const r = run(['ask'], '证书有效期是多久\n今天天气怎么样\n');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; best: { id: string }[] });
    expect(lines).toHaveLength(2);
    expect(lines[0].outcome).toBe('answer');
    expect(lines[0].best[0].id).toBe('cert_validity');
    expect(lines[1].outcome).toBe('none');
  });

  it('rejects an unknown command with exit code 2 and the usage', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: faq');
  });
});

describe('faq CLI on the dev set', () => {
  it('test --dev adds the dev figures per variety under "dev"', () => {
    const r = run(['test', '--dev']);
    expect(r.status).toBe(0);
    const figures = lastJson(r.stdout) as { dev: { phrasings: number; perVariety: Record<string, unknown>; outOfScope: { questions: number } } };
    expect(figures.dev.phrasings).toBeGreaterThanOrEqual(150);
    expect(Object.keys(figures.dev.perVariety)).toEqual(expect.arrayContaining(['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK', 'en', 'pinyin', 'mixed']));
    expect(figures.dev.outOfScope.questions).toBeGreaterThanOrEqual(30);
    expect(r.stderr).toContain('dev set');
  });

  it('rejects a dev file whose question names an entry the FAQ does not have', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faqdev-'));
    const file = join(dir, 'dev.json');
    writeFileSync(file, JSON.stringify({ questions: [{ id: 'no_such_entry', variety: 'en', text: 'what?' }] }));
    const r = run(['test', '--dev-file', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no_such_entry');
  });
});
