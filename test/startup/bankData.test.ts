/** A bank points the bot at its own data with BOT_DATA_DIR (or one variable per file). */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataFileError } from '../../src/i18n/readDataFile';
import { DEFAULT_DATA_FILES, resolveDataFiles } from '../../src/i18n/dataFiles';
import { loadTrainingData } from '../../src/nlu/loadTrainingData';
import { modelKey } from '../../src/nlu/modelKey';
import { DEFAULT_PIPELINE_OPTIONS } from '../../src/nlu/pipelineOptions';
import { ROOT, startTestServer, type TestServer } from '../support/testServer';
import { call, dl, history, message, openConversation } from '../webchat/support/directLineClient';

const SECRET = 'bank-data-test-secret-0123456789';
const NO_FILES = { BOT_DATA_DIR: '', BOT_FAQ_FILE: '', BOT_BRANCHES_FILE: '', BOT_REPLIES_DIR: '', BOT_NLU_DIR: '', BOT_UNDERSTANDING_DIR: '' };

/** A copy of intents/ as a bank would lay out its own folder. */
function bankFolder(withNlu = false): string {
  const dir = mkdtempSync(join(tmpdir(), 'bank-data-'));
  for (const name of ['faq.json', 'branches.json', 'replies', ...(withNlu ? ['nlu'] : [])]) {
    cpSync(join(ROOT, 'intents', name), join(dir, name), { recursive: true });
  }
  return dir;
}

function editJson(file: string, edit: (json: { entries: Array<{ id: string; answer: { zh: string; en: string } }> }) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof edit>[0];
  edit(json);
  writeFileSync(file, JSON.stringify(json));
}

describe('the bank’s own data', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  describe('served from BOT_DATA_DIR', () => {
    let server: TestServer;
    beforeAll(async () => {
      const dir = bankFolder();
      dirs.push(dir);
      editJson(join(dir, 'faq.json'), (json) => {
        const entry = json.entries.find((e) => e.id === 'cert_validity');
        if (!entry) throw new Error('cert_validity FAQ entry missing');
        entry.answer.en = 'At Example Bank a certificate lasts two years.';
      });
      server = await startTestServer({ REDIS_URL: 'memory://', BOT_DATA_DIR: dir, DIRECTLINE_SECRET: SECRET });
    });
    afterAll(() => server.close());

    it('answers a FAQ question with the bank’s wording', async () => {
      const g = await openConversation(server.url, SECRET, 'en-US');
      const posted = await call(server.url, 'POST', `${dl(g.conversationId)}/activities`, {
        auth: g.token,
        body: message('FAQ certificate validity', { locale: 'en-US' }),
      });
      expect(posted.status).toBe(200);
      const texts = (await history(server.url, g.token, g.conversationId)).body.activities.map((a) => a.text ?? '');
      expect(texts.join('\n')).toContain('At Example Bank a certificate lasts two years.');
    });
  });

  it('takes one variable per file, relative to the working directory, over the folder', () => {
    const dir = bankFolder();
    dirs.push(dir);
    const files = resolveDataFiles({ ...NO_FILES, BOT_DATA_DIR: dir, BOT_FAQ_FILE: 'my/faq.json' }, '/srv/bank');
    expect(files).toEqual({ ...DEFAULT_DATA_FILES, faqFile: '/srv/bank/my/faq.json', branchesFile: join(dir, 'branches.json'), repliesDir: join(dir, 'replies') });
  });

  it('refuses a BOT_DATA_DIR that misses a file, naming it', () => {
    const dir = bankFolder();
    dirs.push(dir);
    rmSync(join(dir, 'branches.json'));
    expect(() => resolveDataFiles({ ...NO_FILES, BOT_DATA_DIR: dir })).toThrow(DataFileError);
    expect(() => resolveDataFiles({ ...NO_FILES, BOT_DATA_DIR: dir })).toThrow(join(dir, 'branches.json'));
  });

  it('trains on the folder’s nlu/ when it has one, and the model cache key follows that data', () => {
    const dir = bankFolder(true);
    dirs.push(dir);
    const file = join(dir, 'nlu', 'human_agent.en.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { utterances: string[] };
    json.utterances.push('put me through to one of your staff members please');
    writeFileSync(file, JSON.stringify(json));
    const files = resolveDataFiles({ ...NO_FILES, BOT_DATA_DIR: dir });
    expect(files.nluDir).toBe(join(dir, 'nlu'));
    const key = (nluDir: string) => modelKey(loadTrainingData(nluDir).contents, DEFAULT_PIPELINE_OPTIONS);
    expect(key(files.nluDir)).not.toBe(key(DEFAULT_DATA_FILES.nluDir));
  });
});
