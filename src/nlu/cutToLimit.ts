import { MAX_INPUT_CHARS } from './limits';

/**
 * Cuts `text` to at most `limit` code points without splitting a surrogate pair (an emoji cut in
 * half would leave a lone surrogate behind). Stops scanning at the limit, so it is cheap on huge input.
 */
export function cutToLimit(text: string, limit: number = MAX_INPUT_CHARS): string {
  if (text.length <= limit) return text;
  let units = 0;
  for (let points = 0; points < limit && units < text.length; points++) {
    const code = text.charCodeAt(units);
    units += code >= 0xd800 && code <= 0xdbff && units + 1 < text.length ? 2 : 1;
  }
  return text.slice(0, units);
}
