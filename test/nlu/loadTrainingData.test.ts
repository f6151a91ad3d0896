import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTrainingData } from '../../src/nlu/loadTrainingData';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'nlu-data-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, value: unknown) => writeFileSync(join(dir, name), typeof value === 'string' ? value : JSON.stringify(value));
const good = { intent: 'greeting', language: 'en', utterances: ['hello', 'hi there'], tests: ['hey'] };

describe('loadTrainingData', () => {
  it('loads valid files', () => {
    write('greeting.en.json', good);
    const data = loadTrainingData(dir);
    expect(data.train.map((e) => e.text)).toEqual(['hello', 'hi there']);
    expect(data.tests.map((e) => e.text)).toEqual(['hey']);
  });

  it('names the file and the entry of an empty utterance', () => {
    write('greeting.en.json', { ...good, utterances: ['hello', '  '] });
    expect(() => loadTrainingData(dir)).toThrow(/greeting\.en\.json: utterances\[1\]/);
  });

  it('names the file of an unknown intent', () => {
    write('greeting.en.json', { ...good, intent: 'open_account' });
    expect(() => loadTrainingData(dir)).toThrow(/greeting\.en\.json: intent/);
  });

  it('names the file of broken JSON', () => {
    write('greeting.en.json', '{"intent": ');
    expect(() => loadTrainingData(dir)).toThrow(/greeting\.en\.json: invalid JSON/);
  });

  it('rejects unknown keys', () => {
    write('greeting.en.json', { ...good, utterance: ['typo in the key'] });
    expect(() => loadTrainingData(dir)).toThrow(/greeting\.en\.json/);
  });

  it('rejects a file name that disagrees with its content', () => {
    write('goodbye.en.json', good);
    expect(() => loadTrainingData(dir)).toThrow(/goodbye\.en\.json: file name must be greeting\.en\.json/);
  });

  it('rejects a duplicate utterance, even across scripts and punctuation', () => {
    write('greeting.zh.json', { intent: 'greeting', language: 'zh', utterances: ['你好呀', '妳好'], tests: [] });
    write('goodbye.zh.json', { intent: 'goodbye', language: 'zh', utterances: ['你好呀！'], tests: [] });
    expect(() => loadTrainingData(dir)).toThrow(/greeting\.zh\.json: utterances\[0\] "你好呀" duplicates .*goodbye\.zh\.json: utterances\[0\]/);
  });

  it('rejects a held-out test that is also trained on', () => {
    write('greeting.en.json', { ...good, tests: ['Hello!'] });
    expect(() => loadTrainingData(dir)).toThrow(/greeting\.en\.json: tests\[0\] "Hello!" is trained on/);
  });

  it('fails clearly on a missing folder', () => {
    expect(() => loadTrainingData(join(dir, 'nope'))).toThrow(/cannot read/);
  });
});
