import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelStateSchema, type ModelState } from './modelState';

const PREFIX = 'nlu-model-';
/** Older model files beyond this many are deleted, so a busy data author's cache stays small. */
const KEEP = 5;

export function cacheFile(dir: string, key: string): string {
  return join(dir, `${PREFIX}${key}.json`);
}

/** The cached model for `key`, or undefined when absent, unreadable, corrupt or for another key. */
export function readCachedModel(dir: string, key: string): ModelState | undefined {
  try {
    const parsed = modelStateSchema.safeParse(JSON.parse(readFileSync(cacheFile(dir, key), 'utf8')));
    return parsed.success && parsed.data.key === key ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes atomically (temp file + rename) so a concurrent reader never sees half a model.
 * Returns an error message instead of throwing: the bot works without a cache, only starts slower.
 */
export function writeCachedModel(dir: string, state: ModelState): string | undefined {
  const file = cacheFile(dir, state.key);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
    pruneOldModels(dir);
    return undefined;
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing was written
    }
    return `writeCachedModel(): cannot write ${file}: ${(error as Error).message}`;
  }
}

function pruneOldModels(dir: string): void {
  const models = readdirSync(dir)
    .filter((n) => n.startsWith(PREFIX) && n.endsWith('.json'))
    .map((n) => ({ file: join(dir, n), mtime: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const old of models.slice(KEEP)) unlinkSync(old.file);
}
