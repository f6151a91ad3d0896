/**
 * The story runner itself: bad story files are refused with the file and story named, the CLI
 * answers bad input with one line and exit code 2, and a turn fails exactly when one of its
 * expectations does not hold (with expected vs got in the report).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadStories, StoryFileError } from '../../src/conversations/loadStories';
import { runStories } from '../../src/conversations/runStories';
import { selectStories } from '../../src/conversations/selectStories';
import { buildReport } from '../../src/conversations/storyReport';
import { StoryWorld } from '../../src/conversations/storyWorld';
import { realRecognizer } from '../dialogs/harness';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'stories-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function storyFile(name: string, stories: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(stories));
  return path;
}

describe('story files', () => {
  it('names the file and the story when an expectation is misspelt', () => {
    const path = storyFile('typo.json', [{ id: 'typo-1', category: 'cert', lang: 'zh-Hans', turns: [{ say: '证书过期了', replykeys: ['cert.askKind'] }] }]);
    expect(() => loadStories([path])).toThrow(StoryFileError);
    expect(() => loadStories([path])).toThrow(/typo\.json: story "typo-1": turns\.0.*replykeys/);
  });

  it('refuses a turn that expects nothing, since it could never fail', () => {
    const path = storyFile('empty.json', [{ id: 'nothing', category: 'cert', lang: 'en', turns: [{ say: 'hello' }] }]);
    expect(() => loadStories([path])).toThrow(/story "nothing": turns\.0: a turn needs at least one expectation/);
  });

  it('refuses a turn that is both a customer message and an agent action', () => {
    const path = storyFile('both.json', [{ id: 'both', category: 'handover', lang: 'en', turns: [{ say: 'hi', agent: 'take', says: 'x' }] }]);
    expect(() => loadStories([path])).toThrow(/story "both": turns\.0: a turn has exactly one of "say" \(and\/or "location"\), "agent" or "event"/);
  });

  it('keeps only the stories a --filter names by id, category, file or language', () => {
    const path = storyFile('bag.json', [
      { id: 'hk-one', category: 'branch', lang: 'zh-Hant-HK', turns: [{ say: '香港分行', script: 'zh-Hant' }] },
      { id: 'en-two', category: 'cancel', lang: ['en', 'mixed'], turns: [{ say: 'cancel', script: 'en' }] },
    ]);
    expect(selectStories([path], ['zh-hant-hk']).map((s) => s.id)).toEqual(['hk-one']);
    expect(selectStories([path], ['CANCEL', 'nothing-like-this']).map((s) => s.id)).toEqual(['en-two']);
    expect(selectStories([path], ['mixed']).map((s) => s.id)).toEqual(['en-two']);
    expect(selectStories([path], []).map((s) => s.id)).toEqual(['hk-one', 'en-two']);
  });

  it('refuses the same story id twice', () => {
    const one = { id: 'twice', category: 'smallTalk', lang: 'en', turns: [{ say: 'hi', script: 'en' }] };
    const path = storyFile('twice.json', [one, one]);
    expect(() => loadStories([path])).toThrow(/story "twice": the id is already used/);
  });
});

describe('npm run conversations', () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/conversations/cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('answers a missing story file with one line naming it and exit code 2', () => {
    const run = cli('test', '--stories', join(dir, 'missing.json'));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^conversations: .*missing\.json: no such file or directory$/)]);
  });

  it('answers an invalid story with one line naming file and story, no stack trace', () => {
    const path = storyFile('bad-lang.json', [{ id: 'klingon', category: 'language', lang: 'tlh', turns: [{ say: 'nuqneH', script: 'en' }] }]);
    const run = cli('test', '--stories', path);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad-lang\.json: story "klingon": lang/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('running stories', () => {
  it('passes a turn whose expectations hold and fails one whose do not, reporting expected vs got', async () => {
    const path = storyFile('queue.json', [
      {
        id: 'leave-queue',
        category: 'handover',
        lang: 'zh-Hans',
        safety: true,
        turns: [
          { say: '转人工', handover: 'requested', replyKeys: ['handover.queued'], script: 'zh-Hans' },
          { say: '取消', replyKeys: ['handover.left'], says: [['退出排队', 'left the queue']] },
        ],
      },
      {
        id: 'wrong-on-purpose',
        category: 'handover',
        lang: 'en',
        turns: [{ say: 'I want to talk to a person', replyKeys: ['cert.askKind'], notSays: 'queue' }],
      },
    ]);
    const world = await StoryWorld.create(await realRecognizer());
    try {
      const report = buildReport(await runStories(loadStories([path]), world));
      expect(report.summary).toEqual({ turns: 3, turnPassRate: 0.6667, stories: 2, storyPassRate: 0.5, safetyStories: 1, safetyPassRate: 1 });
      expect(report.failing).toHaveLength(1);
      const [failing] = report.failing;
      expect(failing).toMatchObject({ story: 'wrong-on-purpose', turn: 1 });
      expect(failing.failures.map((f) => f.check)).toEqual(['replyKeys', 'notSays']);
      expect(failing.failures[0]).toMatchObject({ expected: ['cert.askKind'], got: ['handover.queued'] });
      expect(report.byLanguage.en.turns).toEqual({ passed: 0, total: 1, rate: 0 });
    } finally {
      await world.close();
    }
  });

  it('lets an agent take, talk and close with a rating, and the customer hears each step', async () => {
    const path = storyFile('agent.json', [
      {
        id: 'agent-round-trip',
        category: 'handover',
        lang: 'en',
        turns: [
          { say: 'can I speak to a real person please', handover: true },
          { agent: 'take', replyKeys: ['handover.agentJoined'] },
          { agent: { say: 'Hi, this is Ann.' }, says: 'this is Ann' },
          { agent: 'closeWithRating', replyKeys: ['handover.ratePrompt'], says: ['1', '5'] },
          { say: '5', replyKeys: ['handover.ratingThanks'] },
        ],
      },
    ]);
    const world = await StoryWorld.create(await realRecognizer());
    try {
      const report = buildReport(await runStories(loadStories([path]), world));
      expect(report.failing).toEqual([]);
    } finally {
      await world.close();
    }
  });
});
