import { ConfigError, loadConfig } from '../../../src/config';

/** What loadConfig refuses in `env`, one line per problem (empty when it accepts it). */
export function configProblems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}
