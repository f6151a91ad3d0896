/**
 * `npm run --silent conversations -- test [--html report.html] [--filter TEXT]… [--stories PATH]…`
 *
 * Plays every conversation story through the real bot in-process (src/conversations/storyWorld.ts)
 * and prints the report as JSON on stdout: per category, per language and per expected policy
 * rule, then every failing turn with expected vs got; the last line is one summary object
 * (`{"turns":…,"turnPassRate":…,"stories":…,"storyPassRate":…,"safetyPassRate":…}`). Progress
 * and errors go to stderr. A missing file or an invalid story: one line naming file and story,
 * exit code 2.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { StoryFileError } from './loadStories';
import { selectStories, DEFAULT_STORY_DIR } from './selectStories';

const USAGE = 'usage: conversations test [--html FILE] [--filter TEXT]… [--stories FILE_OR_DIR]…\n';

class UsageError extends Error {}

function readArgs(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: {
        html: { type: 'string' },
        filter: { type: 'string', multiple: true },
        stories: { type: 'string', multiple: true },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = readArgs(argv);
  const [command, ...extra] = positionals;
  if (command !== 'test') throw new UsageError(command ? `unknown command ${JSON.stringify(command)}` : 'no command');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  const stories = selectStories(values.stories ?? [DEFAULT_STORY_DIR], values.filter ?? []);
  if (stories.length === 0) throw new UsageError('no story matches the filter');
  const started = Date.now();
  // Loaded only once the stories are known good: the bot's modules take seconds to load, and
  // restify prints a deprecation warning on Node 20 that should not follow a one-line error.
  const [{ createRecognizer }, { StoryWorld }, { runStories }, { buildReport }, { htmlReport }] = await Promise.all([
    import('../nlu/createRecognizer'),
    import('./storyWorld'),
    import('./runStories'),
    import('./storyReport'),
    import('./htmlReport'),
  ]);
  const world = await StoryWorld.create(await createRecognizer({ cacheDir: '.cache/nlu' }));
  try {
    const results = await runStories(stories, world);
    const report = buildReport(results);
    if (values.html) writeFileSync(values.html, htmlReport(report, results));
    const { summary, ...details } = report;
    process.stdout.write(`${JSON.stringify(details, null, 1)}\n${JSON.stringify(summary)}\n`);
    process.stderr.write(`conversations: ${stories.length} stories in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await world.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof StoryFileError;
    const message = error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error);
    process.stderr.write(`conversations: ${message}\n${error instanceof UsageError ? USAGE : ''}`);
    process.exitCode = known ? 2 : 1;
  },
);
