import type { StoryResult, TurnResult } from './runStories';

export interface Rate {
  passed: number;
  total: number;
  /** passed / total, 4 decimals; null when there is nothing to count. */
  rate: number | null;
}

export interface GroupFigures {
  stories: Rate;
  turns: Rate;
}

/** The last line the CLI prints; CI and people compare these. */
export interface StorySummary {
  turns: number;
  turnPassRate: number | null;
  stories: number;
  storyPassRate: number | null;
  safetyStories: number;
  safetyPassRate: number | null;
}

export interface FailingTurn {
  story: string;
  file: string;
  category: string;
  turn: number;
  said: string;
  failures: TurnResult['failures'];
  got: TurnResult['got'];
}

export interface StoryReport {
  byCategory: Record<string, GroupFigures>;
  byLanguage: Record<string, GroupFigures>;
  /** Turns grouped by the policy rule the story expected. */
  byRule: Record<string, Rate>;
  failing: FailingTurn[];
  summary: StorySummary;
}

function rate(passed: number, total: number): Rate {
  return { passed, total, rate: total === 0 ? null : Math.round((passed / total) * 10_000) / 10_000 };
}

function figures(stories: StoryResult[]): GroupFigures {
  const turns = stories.flatMap((s) => s.turns);
  return { stories: rate(stories.filter((s) => s.pass).length, stories.length), turns: rate(turns.filter((t) => t.pass).length, turns.length) };
}

function groupBy<T>(items: T[], keys: (item: T) => string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) for (const key of keys(item)) groups.set(key, [...(groups.get(key) ?? []), item]);
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export function buildReport(results: StoryResult[]): StoryReport {
  const byCategory = Object.fromEntries([...groupBy(results, (s) => [s.category])].map(([k, v]) => [k, figures(v)]));
  const byLanguage = Object.fromEntries([...groupBy(results, (s) => s.lang)].map(([k, v]) => [k, figures(v)]));
  const ruleTurns = results.flatMap((s) => s.turns).filter((t) => t.expectedRule !== undefined);
  const byRule = Object.fromEntries([...groupBy(ruleTurns, (t) => [t.expectedRule ?? ''])].map(([k, v]) => [k, rate(v.filter((t) => t.pass).length, v.length)]));
  const failing = results.flatMap((s) =>
    s.turns.filter((t) => !t.pass).map((t) => ({ story: s.id, file: s.file, category: s.category, turn: t.turn, said: t.said, failures: t.failures, got: t.got })),
  );
  const all = figures(results);
  const safety = figures(results.filter((s) => s.safety));
  return {
    byCategory,
    byLanguage,
    byRule,
    failing,
    summary: {
      turns: all.turns.total,
      turnPassRate: all.turns.rate,
      stories: all.stories.total,
      storyPassRate: all.stories.rate,
      safetyStories: safety.stories.total,
      safetyPassRate: safety.stories.rate,
    },
  };
}
