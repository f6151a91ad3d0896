import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRecognizer, createRecognizerSync, DEFAULT_DATA_DIR } from '../../src/nlu/createRecognizer';

let work: string;
let dataDir: string;
let cacheDir: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'nlu-cache-'));
  dataDir = join(work, 'data');
  cacheDir = join(work, 'cache');
  cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('model cache', () => {
  it('trains once, then reuses the cached model', async () => {
    const first = await createRecognizer({ dataDir, cacheDir });
    expect(first.info.source).toBe('trained');
    expect(readdirSync(cacheDir).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    const second = await createRecognizer({ dataDir, cacheDir });
    expect(second.info.source).toBe('cache');
    expect(second.info.key).toBe(first.info.key);
    for (const text of ['网银证书过期了', 'where is the nearest branch', '转人工', '今天天气']) {
      expect(second.recognize(text)).toEqual(first.recognize(text));
    }
  });

  it('retrains when the data changes, never serving a stale model', () => {
    const first = createRecognizerSync({ dataDir, cacheDir });
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
    expect(r.recognize('转人工').intent).toBe('human_agent');
    expect(warnings.join('\n')).toMatch(/cannot write/);
  });
});
