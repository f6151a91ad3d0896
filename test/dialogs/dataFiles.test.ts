/**
 * Data files fail the start with the file and the field named, and the shipped ones are sound:
 * catalogues carry the same keys and placeholders in both languages, the branch directory has
 * at least 30 branches in 6 cities, and no reply text hides in code.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConversationState, MemoryStorage, UserState } from 'botbuilder';
import { CustomerServiceBot } from '../../src/bot';
import { loadBranches } from '../../src/branches/loadBranches';
import { PlaceholderHandover } from '../../src/handover/placeholderHandover';
import { DEFAULT_DATA_FILES, type DataFiles } from '../../src/i18n/dataFiles';
import { loadCatalogues } from '../../src/i18n/loadCatalogues';
import { DataFileError } from '../../src/i18n/readDataFile';
import { realRecognizer } from './harness';

const scratchDirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bankbot-data-'));
  scratchDirs.push(dir);
  return dir;
}
afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function edited(file: string, edit: (json: Record<string, unknown>) => void): string {
  const dir = scratch();
  const target = join(dir, file.split('/').pop() ?? 'data.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(target, JSON.stringify(json));
  return target;
}

async function buildBot(dataFiles: Partial<DataFiles>) {
  const storage = new MemoryStorage();
  return new CustomerServiceBot({
    conversationState: new ConversationState(storage),
    userState: new UserState(storage),
    recognizer: await realRecognizer(),
    handover: new PlaceholderHandover(),
    dataFiles,
  });
}

describe('bad data fails the start, naming the file and the field', () => {
  it('a branch with an impossible latitude', async () => {
    const file = edited(DEFAULT_DATA_FILES.branchesFile, (json) => {
      (json.branches as Array<Record<string, unknown>>)[3].lat = 123;
    });
    await expect(buildBot({ branchesFile: file })).rejects.toThrow(new RegExp(`${file}: branches\\.3\\.lat: .*90`));
  });

  it('a branch in a city the file does not list', () => {
    const file = edited(DEFAULT_DATA_FILES.branchesFile, (json) => {
      (json.branches as Array<Record<string, unknown>>)[0].city = 'atlantis';
    });
    expect(() => loadBranches(file)).toThrow(/branches\.0\.city: unknown city "atlantis"/);
  });

  it('opening hours in the wrong format and an unknown counter service', () => {
    const file = edited(DEFAULT_DATA_FILES.branchesFile, (json) => {
      const b = (json.branches as Array<Record<string, unknown>>)[1];
      b.hours = { weekday: '9am-5pm', weekend: null };
      b.services = ['cert', 'karaoke'];
    });
    expect(() => loadBranches(file)).toThrow(/branches\.1\.hours\.weekday: expected HH:MM-HH:MM.*branches\.1\.services\.1/);
  });

  it('an FAQ entry without English test phrasings', async () => {
    const file = edited(DEFAULT_DATA_FILES.faqFile, (json) => {
      (json.entries as Array<{ tests: Record<string, unknown> }>)[2].tests.en = [];
    });
    await expect(buildBot({ faqFile: file })).rejects.toThrow(new RegExp(`${file}: entries\\.2\\.tests\\.en`));
  });

  it('a catalogue missing a reply', () => {
    const dir = scratch();
    copyFileSync(join(DEFAULT_DATA_FILES.repliesDir, 'zh.json'), join(dir, 'zh.json'));
    const en = JSON.parse(readFileSync(join(DEFAULT_DATA_FILES.repliesDir, 'en.json'), 'utf8')) as { replies: Record<string, string> };
    delete en.replies['cert.bring'];
    writeFileSync(join(dir, 'en.json'), JSON.stringify(en));
    expect(() => loadCatalogues(dir)).toThrow(/en\.json: replies\.cert\.bring/);
  });

  it('a translation that drops a placeholder', () => {
    const dir = scratch();
    copyFileSync(join(DEFAULT_DATA_FILES.repliesDir, 'zh.json'), join(dir, 'zh.json'));
    const en = JSON.parse(readFileSync(join(DEFAULT_DATA_FILES.repliesDir, 'en.json'), 'utf8')) as { replies: Record<string, string> };
    en.replies['branch.item'] = en.replies['branch.item'].replace('{phone}', 'see website');
    writeFileSync(join(dir, 'en.json'), JSON.stringify(en));
    expect(() => loadCatalogues(dir)).toThrow(/replies\.branch\.item: placeholders/);
  });

  it('a file that is not JSON', () => {
    const file = join(scratch(), 'branches.json');
    writeFileSync(file, '{ not json');
    expect(() => loadBranches(file)).toThrow(DataFileError);
  });
});

describe('the shipped data', () => {
  const branches = loadBranches(DEFAULT_DATA_FILES.branchesFile);

  it('has at least 30 branches in at least 6 cities, each city with branches', () => {
    expect(branches.branches.length).toBeGreaterThanOrEqual(30);
    const cities = new Set(branches.branches.map((b) => b.city));
    expect(cities.size).toBeGreaterThanOrEqual(6);
    expect(branches.cities.every((c) => cities.has(c.id))).toBe(true);
  });

  it('keeps reply text out of dialog and router code (no Chinese outside comments)', () => {
    const root = resolve(__dirname, '../..');
    const files = [
      ...readdirSync(join(root, 'dialogs')).map((f) => join(root, 'dialogs', f)),
      join(root, 'src/router.ts'),
      join(root, 'src/bot.ts'),
      join(root, 'src/handover/placeholderHandover.ts'),
      // choiceMatcher.ts reads Chinese numerals in answers ("第二个"): input vocabulary, not replies.
    ].filter((f) => f.endsWith('.ts') && !f.endsWith('choiceMatcher.ts'));
    const offenders = files.filter((file) => {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      return /\p{Script=Han}/u.test(code);
    });
    expect(offenders).toEqual([]);
  });
});
