import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecognizer, createRecognizerSync, DEFAULT_DATA_DIR, type NluRecognizer } from '../../src/nlu/createRecognizer';

// A small copy of intents/nlu (the first utterances and tests of each file): these tests check
// when the cache is used, not accuracy, and training on a fifth of the data keeps each retraining
// short. One model is trained up front; each test starts from a copy of its cache.
const UTTERANCES_PER_FILE = 25;
const TESTS_PER_FILE = 3;

let root: string;
let templateData: string;
let templateCache: string;
let trained: NluRecognizer;
let work: string;
let dataDir: string;
let cacheDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'nlu-cache-'));
  templateData = join(root, 'data');
  templateCache = join(root, 'cache');
  cpSync(DEFAULT_DATA_DIR, templateData, { recursive: true });
  for (const name of readdirSync(templateData).filter((n) => n.endsWith('.json'))) {
    const file = join(templateData, name);
    const content = JSON.parse(readFileSync(file, 'utf8')) as { utterances: string[]; tests: string[] };
    writeFileSync(file, JSON.stringify({ ...content, utterances: content.utterances.slice(0, UTTERANCES_PER_FILE), tests: content.tests.slice(0, TESTS_PER_FILE) }));
  }
  trained = createRecognizerSync({ dataDir: templateData, cacheDir: templateCache });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
  work = mkdtempSync(join(root, 'test-'));
  dataDir = join(work, 'data');
  cacheDir = join(work, 'cache');
  cpSync(templateData, dataDir, { recursive: true });
  mkdirSync(cacheDir);
  cpSync(templateCache, cacheDir, { recursive: true });
});

describe('model cache', () => {
  it('trains once, then reuses the cached model', async () => {
    expect(trained.info.source).toBe('trained');
    expect(readdirSync(cacheDir).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    const second = await createRecognizer({ dataDir, cacheDir });
    expect(second.info.source).toBe('cache');
    expect(second.info.key).toBe(trained.info.key);
    for (const text of ['网银证书过期了', 'where is the nearest branch', '转人工', '今天天气', 'zhengshu guoqi le']) {
      expect(second.recognize(text)).toEqual(trained.recognize(text));
    }
  });

  it('retrains when the data changes, never serving a stale model', () => {
    const first = createRecognizerSync({ dataDir, cacheDir });
    expect(first.info.source).toBe('cache');
    const file = join(dataDir, 'greeting.en.json');
    const content = JSON.parse(readFileSync(file, 'utf8')) as { utterances: string[] };
    content.utterances.push('salutations my good bank');
    writeFileSync(file, JSON.stringify(content));
    const second = createRecognizerSync({ dataDir, cacheDir });
    expect(second.info.source).toBe('trained');
    expect(second.info.key).not.toBe(first.info.key);
  });

  it('retrains when the cached file is corrupt', () => {
    const first = createRecognizerSync({ dataDir, cacheDir });
    expect(first.info.source).toBe('cache');
    writeFileSync(first.info.cacheFile ?? '', '{"key": "truncated');
    const second = createRecognizerSync({ dataDir, cacheDir });
    expect(second.info.source).toBe('trained');
    expect(second.recognize('网银证书过期了').intent).toBe('cert_expired');
  });

  it('works, with a warning, when the cache cannot be written', () => {
    const blocker = join(work, 'file-not-dir');
    writeFileSync(blocker, 'x');
    const warnings: string[] = [];
    const r = createRecognizerSync({ dataDir, cacheDir: join(blocker, 'cache'), onWarning: (m) => warnings.push(m) });
    expect(r.info.source).toBe('trained');
    expect(r.recognize('转人工').intent).toBe('human_agent');
    expect(warnings.join('\n')).toMatch(/cannot write/);
  });
});
