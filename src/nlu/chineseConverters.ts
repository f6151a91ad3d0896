/**
 * The lazily built opencc-js converter for input. Building it loads its dictionaries, so we build it
 * once per process and only when a text first needs it.
 *
 * We convert from `tw` (Taiwan standard with its variants) rather than plain `t`, because customers
 * in Taiwan and Hong Kong write variants such as 著急 / 裏面 that plain `t` leaves untouched.
 */
import { Converter } from 'opencc-js';
import type { ConverterFunction } from 'opencc-js';

let toSimplifiedFn: ConverterFunction | undefined;

export function toSimplified(text: string): string {
  toSimplifiedFn ??= Converter({ from: 'tw', to: 'cn' });
  return toSimplifiedFn(text);
}
