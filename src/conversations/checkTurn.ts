import { toSimplified } from '../nlu/chineseConverters';
import { EXPECTATION_NAMES, type StoryTurn } from './storySchema';
import type { TurnRecord } from './storyWorld';

/** One expectation that did not hold. */
export interface Failure {
  check: string;
  expected: unknown;
  got: unknown;
}

type Check<K extends (typeof EXPECTATION_NAMES)[number]> = (expected: NonNullable<StoryTurn[K]>, turn: TurnRecord) => Failure | undefined;
type Checks = { [K in (typeof EXPECTATION_NAMES)[number]]: Check<K> };

const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);

/** Words are compared in simplified script and lower case, so one list serves replies in every script. */
export function comparable(text: string): string {
  return toSimplified(text.normalize('NFKC')).toLowerCase();
}

/** `faq.*` matches every key that starts with `faq.`; anything else matches exactly. */
function keyMatches(pattern: string, key: string): boolean {
  return pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : key === pattern;
}

function fail(check: string, expected: unknown, got: unknown): Failure {
  return { check, expected, got };
}

/** One check per expectation name: the table the runner walks (no switch on names). */
const CHECKS: Checks = {
  intent: (expected, turn) => (list(expected).includes(turn.info.intent ?? '') ? undefined : fail('intent', expected, turn.info.intent ?? null)),
  rule: (expected, turn) => (list(expected).includes(turn.info.rule ?? '') ? undefined : fail('rule', expected, turn.info.rule ?? null)),
  script: (expected, turn) => (turn.info.script === expected ? undefined : fail('script', expected, turn.info.script ?? null)),
  slots: (expected, turn) => {
    const present = (turn.info.parse?.slots ?? []).filter((s) => !s.negated);
    const got = Object.fromEntries(present.map((s) => [s.name, s.value]));
    const wrong = Object.entries(expected).filter(([name, value]) =>
      value === null ? present.some((s) => s.name === name) : !present.some((s) => s.name === name && s.value === value),
    );
    return wrong.length === 0 ? undefined : fail('slots', expected, got);
  },
  safety: (expected, turn) => {
    const got = turn.info.parse?.safety ?? [];
    const ok = expected.length === 0 ? got.length === 0 : expected.every((signal) => got.includes(signal));
    return ok ? undefined : fail('safety', expected, got);
  },
  replyKeys: (expected, turn) => {
    const missing = expected.filter((group) => !list(group).some((pattern) => turn.replyKeys.some((key) => keyMatches(pattern, key))));
    return missing.length === 0 ? undefined : fail('replyKeys', expected, turn.replyKeys);
  },
  notReplyKeys: (expected, turn) => {
    const found = turn.replyKeys.filter((key) => expected.some((pattern) => keyMatches(pattern, key)));
    return found.length === 0 ? undefined : fail('notReplyKeys', expected, turn.replyKeys);
  },
  says: (expected, turn) => {
    const text = comparable(turn.texts.join('\n'));
    const groups = typeof expected === 'string' ? [expected] : expected;
    const missing = groups.filter((group) => !list(group).some((word) => text.includes(comparable(word))));
    return missing.length === 0 ? undefined : fail('says', missing, turn.texts.join('\n'));
  },
  notSays: (expected, turn) => {
    const text = comparable(turn.texts.join('\n'));
    const found = list(expected).filter((word) => text.includes(comparable(word)));
    return found.length === 0 ? undefined : fail('notSays', found, turn.texts.join('\n'));
  },
  handover: (expected, turn) => {
    const reasons = turn.handover.map((r) => r.reason);
    const ok = typeof expected === 'boolean' ? reasons.length > 0 === expected : reasons.includes(expected);
    return ok ? undefined : fail('handover', expected, reasons.length > 0 ? reasons : false);
  },
};

function run<K extends (typeof EXPECTATION_NAMES)[number]>(name: K, turn: StoryTurn, record: TurnRecord): Failure | undefined {
  const expected = turn[name];
  if (expected === undefined || expected === null) return undefined;
  return CHECKS[name](expected as NonNullable<StoryTurn[K]>, record);
}

/** Every expectation of the turn that did not hold; a turn that threw fails with its error. */
export function checkTurn(turn: StoryTurn, record: TurnRecord): Failure[] {
  if (record.error) return [fail('error', 'the turn completes', record.error)];
  return EXPECTATION_NAMES.map((name) => run(name, turn, record)).filter((f): f is Failure => f !== undefined);
}
