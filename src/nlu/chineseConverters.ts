/**
 * Lazily built opencc-js converters. Building one loads its dictionaries (~80 ms), so we build each
 * once per process and only when a text first needs it.
 *
 * We convert from `tw` (Taiwan standard with its variants) rather than plain `t`, because customers
 * in Taiwan and Hong Kong write variants such as 著急 / 裏面 that plain `t` leaves untouched.
 */
import { Converter } from 'opencc-js';
import type { ConverterFunction } from 'opencc-js';

let toSimplifiedFn: ConverterFunction | undefined;
let toTraditionalFn: ConverterFunction | undefined;

export function toSimplified(text: string): string {
  toSimplifiedFn ??= Converter({ from: 'tw', to: 'cn' });
  return toSimplifiedFn(text);
}

export function toTraditional(text: string): string {
  toTraditionalFn ??= Converter({ from: 'cn', to: 'tw' });
  return toTraditionalFn(text);
}
