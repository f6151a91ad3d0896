import { readFileSync } from 'node:fs';
import type { z } from 'zod';

/** A data file (catalogue, branch directory, FAQ) that is missing, not JSON, or fails its schema. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'DataFileError';
  }
}

/** Formats zod issues as `field.path: message`, so a bank editing its data sees where it went wrong. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/**
 * Reads and validates one JSON data file at start-up. Synchronous on purpose: the bot is built once,
 * and failing the start with the file and field named beats a half-working bot.
 */
export function readDataFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DataFileError(file, [`cannot read JSON (${err instanceof Error ? err.message : String(err)})`]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new DataFileError(file, describeIssues(parsed.error));
  return parsed.data;
}
