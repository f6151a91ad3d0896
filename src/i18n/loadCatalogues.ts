import { join } from 'node:path';
import { catalogueSchema, REPLY_KEYS } from './catalogueSchema';
import type { Catalogues } from './localizer';
import { DataFileError, readDataFile } from './readDataFile';

const PLACEHOLDER = /\{(\w+)\}/g;

function placeholders(text: string): string {
  return [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1])
    .sort()
    .join(',');
}

/**
 * Loads `zh.json` and `en.json` from `dir` and checks that every English reply fills the same
 * placeholders as its Chinese twin (a translator dropping `{phone}` would otherwise go unnoticed).
 */
export function loadCatalogues(dir: string): Catalogues {
  const zhFile = join(dir, 'zh.json');
  const enFile = join(dir, 'en.json');
  const zh = readDataFile(zhFile, catalogueSchema);
  const en = readDataFile(enFile, catalogueSchema);
  const problems = REPLY_KEYS.filter((key) => placeholders(zh.replies[key]) !== placeholders(en.replies[key])).map(
    (key) => `replies.${key}: placeholders {${placeholders(en.replies[key])}} differ from zh.json's {${placeholders(zh.replies[key])}}`,
  );
  if (problems.length > 0) throw new DataFileError(enFile, problems);
  return { zh, en };
}
