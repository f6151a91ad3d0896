import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PipelineOptions } from './pipelineOptions';
import { PINYIN_TABLE_FILE } from './pinyinTable';
import { REGIONAL_WORDING_FILE } from './regionalWording';

/** Bump when the model file format or training changes in a way the source hash cannot see. */
export const MODEL_FORMAT_VERSION = 1;

let sourceHash: string | undefined;

/**
 * Hash of this folder's own source files and the normalization data (regional wording, pinyin table), so editing any pipeline stage invalidates cached models
 * even if someone forgets to bump MODEL_FORMAT_VERSION: a cached model can never be stale.
 */
function pipelineSourceHash(): string {
  if (sourceHash === undefined) {
    const hash = createHash('sha256');
    for (const name of readdirSync(__dirname).filter((n) => /\.(ts|js)$/.test(n)).sort()) {
      hash.update(name).update('\0').update(readFileSync(join(__dirname, name))).update('\0');
    }
    hash.update(readFileSync(REGIONAL_WORDING_FILE)).update('\0').update(readFileSync(PINYIN_TABLE_FILE));
    sourceHash = hash.digest('hex');
  }
  return sourceHash;
}

/** The cache key: data bytes (by file name, not absolute path), options, code. */
export function modelKey(contents: readonly { file: string; content: string }[], options: PipelineOptions): string {
  const hash = createHash('sha256');
  hash.update(`v${MODEL_FORMAT_VERSION}\0${pipelineSourceHash()}\0${JSON.stringify(options)}\0`);
  for (const { file, content } of contents) hash.update(basename(file)).update('\0').update(content).update('\0');
  return hash.digest('hex').slice(0, 32);
}
