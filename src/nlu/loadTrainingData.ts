import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalize } from './normalize';
import { intentFileSchema, type Example, type LoadedIntentFile } from './trainingData';

export class TrainingDataError extends Error {
  override readonly name = 'TrainingDataError';
}

export interface TrainingData {
  files: LoadedIntentFile[];
  train: Example[];
  tests: Example[];
  /** The raw bytes of every file, in name order: what the model cache key hashes. */
  contents: { file: string; content: string }[];
}

const FILE_NAME = /^([a-z_]+)\.(zh|en)\.json$/;

/**
 * Loads and validates every `<intent>.<language>.json` in `dir`. Throws a TrainingDataError naming
 * the file and the entry for: bad JSON, a schema problem, a file name that disagrees with its
 * content, a duplicate utterance, or a test phrasing that is also trained on (compared after
 * normalization, so "证书过期了!" and "證書過期了" count as the same).
 */
export function loadTrainingData(dir: string): TrainingData {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (error) {
    throw new TrainingDataError(`loadTrainingData(): cannot read ${dir}: ${(error as Error).message}`);
  }
  if (names.length === 0) throw new TrainingDataError(`loadTrainingData(): no <intent>.<language>.json files in ${dir}`);
  const contents = names.map((name) => ({ file: join(dir, name), content: readFileSync(join(dir, name), 'utf8') }));
  const files = contents.map(({ file, content }) => parseFile(file, content));
  const seen = new Map<string, string>();
  const train: Example[] = [];
  const tests: Example[] = [];
  for (const f of files) {
    f.utterances.forEach((text, i) => {
      const key = normalize(text).text;
      const where = `${f.file}: utterances[${i}] ${JSON.stringify(text)}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new TrainingDataError(`loadTrainingData(): ${where} duplicates ${earlier}`);
      seen.set(key, where);
      train.push({ text, intent: f.intent, language: f.language, file: f.file });
    });
  }
  for (const f of files) {
    f.tests.forEach((text, i) => {
      const clash = seen.get(normalize(text).text);
      if (clash !== undefined && !clash.includes(': tests[')) {
        throw new TrainingDataError(`loadTrainingData(): ${f.file}: tests[${i}] ${JSON.stringify(text)} is trained on (${clash})`);
      }
      seen.set(normalize(text).text, `${f.file}: tests[${i}]`);
      tests.push({ text, intent: f.intent, language: f.language, file: f.file });
    });
  }
  return { files, train, tests, contents };
}

function parseFile(file: string, content: string): LoadedIntentFile {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    throw new TrainingDataError(`loadTrainingData(): ${file}: invalid JSON: ${(error as Error).message}`);
  }
  const parsed = intentFileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
    throw new TrainingDataError(`loadTrainingData(): ${file}: ${problems.join('; ')}`);
  }
  const match = FILE_NAME.exec(file.split(/[\\/]/).pop() ?? '');
  if (!match || match[1] !== parsed.data.intent || match[2] !== parsed.data.language) {
    throw new TrainingDataError(
      `loadTrainingData(): ${file}: file name must be ${parsed.data.intent}.${parsed.data.language}.json to match its content`,
    );
  }
  return { ...parsed.data, file };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(file)';
}
