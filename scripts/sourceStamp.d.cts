/** See sourceStamp.cjs: the hash of what `npm run build` turns into dist/, or undefined without sources. */
export function sourceStamp(root: string): string | undefined;
