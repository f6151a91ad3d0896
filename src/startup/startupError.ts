import { ConfigError } from '../config';
import { DataFileError } from '../i18n/readDataFile';
import { TrainingDataError } from '../nlu/loadTrainingData';

/** A start-up problem whose message is already the one line to show. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/** How each kind of start-up failure is told: one line per problem, naming what to fix. */
const DESCRIBE: Array<[new (...args: never[]) => Error, (err: Error) => string]> = [
  [ConfigError, (err) => (err as ConfigError).problems.join('\n')],
  [DataFileError, (err) => `data file ${(err as DataFileError).file}: ${(err as DataFileError).problems.join('; ')}`],
  [TrainingDataError, (err) => `NLU training data: ${err.message.replace(/^loadTrainingData\(\): /, '')}`],
  [StartupError, (err) => err.message],
];

/**
 * The text to print when the start fails: never a stack trace, since the person reading it is
 * configuring a bot, not debugging it. Unknown errors still get their message, on one line.
 */
export function describeStartupError(err: unknown): string {
  if (err instanceof Error) {
    const known = DESCRIBE.find(([type]) => err instanceof type);
    if (known) return known[1](err);
    return `start-up failed: ${err.message.replace(/\s*\n\s*/g, ' ')}`;
  }
  return `start-up failed: ${String(err)}`;
}
