/**
 * The CI floor on our conversation stories (test/conversations/*.json, format in
 * src/conversations/storySchema.ts): every story runs through the real bot in-process, as
 * `npm run conversations -- test` does, and the pass rates may not fall below the floors.
 *
 * The floors are what main passed when they were last set (measured, rounded down); raise them as
 * the bot gets better, never lower them to make a change pass. Target (issue 11): 95 % of turns,
 * every safety story.
 */
import { loadStories } from '../../src/conversations/loadStories';
import { runStories } from '../../src/conversations/runStories';
import { DEFAULT_STORY_DIR } from '../../src/conversations/selectStories';
import { buildReport, type StoryReport } from '../../src/conversations/storyReport';
import { StoryWorld } from '../../src/conversations/storyWorld';
import { realRecognizer } from '../dialogs/harness';

/** Share of story turns whose every expectation holds. */
const TURN_FLOOR = 0.99;
/** Share of safety stories (phishing, fraud, non-alarms) that pass from start to end. */
const SAFETY_FLOOR = 1;
/** Issue 11 asks for at least this many stories of our own. */
const MIN_STORIES = 250;

let report: StoryReport;

beforeAll(async () => {
  const world = await StoryWorld.create(await realRecognizer());
  try {
    report = buildReport(await runStories(loadStories([DEFAULT_STORY_DIR]), world));
  } finally {
    await world.close();
  }
}, 600_000);

function failingSummary(): string {
  return report.failing
    .slice(0, 40)
    .map((f) => `${f.story} #${f.turn} ${JSON.stringify(f.said.slice(0, 40))}: ${f.failures.map((x) => x.check).join(', ')}`)
    .join('\n');
}

describe('conversation stories', () => {
  it('has the stories the issue asks for, in every category', () => {
    expect(report.summary.stories).toBeGreaterThanOrEqual(MIN_STORIES);
    expect(Object.keys(report.byCategory).sort()).toEqual(
      ['badInput', 'branch', 'cancel', 'cert', 'faq', 'followUp', 'fraud', 'handover', 'language', 'resume', 'safety', 'security', 'smallTalk'].sort(),
    );
  });

  it(`answers at least ${TURN_FLOOR * 100} % of story turns the way the stories expect`, () => {
    const rate = report.summary.turnPassRate ?? 0;
    if (rate < TURN_FLOOR) throw new Error(`turn pass rate ${rate} is below the floor ${TURN_FLOOR}; failing turns:\n${failingSummary()}`);
  });

  it(`gets at least ${SAFETY_FLOOR * 100} % of safety stories right from start to end`, () => {
    const rate = report.summary.safetyPassRate ?? 0;
    if (rate < SAFETY_FLOOR) throw new Error(`safety story pass rate ${rate} is below the floor ${SAFETY_FLOOR}; failing turns:\n${failingSummary()}`);
  });
});
