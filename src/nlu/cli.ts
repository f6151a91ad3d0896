/**
 * `npm run --silent nlu -- <command>`. Machine-readable output goes to stdout only (JSON lines,
 * the last line one JSON object); logs, tables and errors go to stderr.
 *
 *   classify                                  stdin: one text per line; stdout: one JSON per line
 *   eval --train F --test F [--html out.html]  CSV (text,label header) or JSONL {"text","intent"}
 *   eval --train F --dev F|split              score on dev data (a file, or a seeded 20 % of --train)
 *                                             to choose settings; keep --test for the final figure
 *   test [--cv K] [--html out.html] [--data DIR]  our intents/nlu: train on utterances, score held-out tests
 */
import { parseArgs } from 'node:util';
import { createRecognizerSync, DEFAULT_DATA_DIR } from './createRecognizer';
import { runClassify } from './runClassify';
import { runEval } from './runEval';
import { runTest } from './runTest';

const USAGE = 'usage: nlu classify | eval --train FILE (--test FILE | --dev FILE|split) [--html FILE] | test [--cv K] [--html FILE] [--data DIR]\n';

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: [...rest],
    options: {
      train: { type: 'string' },
      test: { type: 'string' },
      dev: { type: 'string' },
      html: { type: 'string' },
      cv: { type: 'string' },
      data: { type: 'string' },
      cache: { type: 'string' },
    },
    strict: true,
  });
  const dataDir = values.data ?? DEFAULT_DATA_DIR;
  if (command === 'classify') {
    const recognizer = createRecognizerSync({ dataDir, cacheDir: values.cache, onWarning: (m) => process.stderr.write(`${m}\n`) });
    process.stderr.write(`model ${recognizer.info.source} in ${Math.round(recognizer.info.readyMs)} ms\n`);
    await runClassify(recognizer, process.stdin, process.stdout);
    return 0;
  }
  if (command === 'eval') {
    if (!values.train || (!values.test && !values.dev)) throw new UsageError('eval needs --train FILE and --test FILE (or --dev FILE|split)');
    if (values.test && values.dev) throw new UsageError('eval takes --test or --dev, not both');
    runEval({ train: values.train, test: values.test, dev: values.dev, html: values.html }, process.stdout, process.stderr);
    return 0;
  }
  if (command === 'test') {
    const cv = values.cv === undefined ? undefined : Number(values.cv);
    if (cv !== undefined && (!Number.isInteger(cv) || cv < 2 || cv > 20)) throw new UsageError('--cv expects a whole number from 2 to 20');
    runTest({ dataDir, cv, html: values.html }, process.stdout, process.stderr);
    return 0;
  }
  throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'no command');
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`nlu: ${message}\n${error instanceof UsageError || (error instanceof Error && error.name === 'TypeError') ? USAGE : ''}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
