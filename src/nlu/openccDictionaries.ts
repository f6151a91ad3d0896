import type { DictLike } from 'opencc-js';

/** The `[source, replacement]` pairs of an opencc-js dictionary (a "src dst|src dst" string or pairs). */
export function dictEntries(dict: DictLike): Iterable<readonly [string, string]> {
  if (typeof dict !== 'string') return dict;
  return dict.split('|').map((entry) => {
    const [from = '', to = ''] = entry.split(' ');
    return [from, to] as const;
  });
}
