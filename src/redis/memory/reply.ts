/**
 * What a Redis command answers, in RESP2 terms
 * (https://redis.io/docs/latest/develop/reference/protocol-spec/): a bulk string, an integer, a
 * nil, an array of replies, a status line (`+OK`) or an error line (`-ERR …`).
 */
export class StatusReply {
  constructor(readonly status: string) {}
}

export class ErrorReply extends Error {
  /** `message` starts with the error code Redis uses (`ERR`, `WRONGTYPE`, `NOSCRIPT`…). */
  constructor(message: string) {
    super(message);
    this.name = 'ErrorReply';
  }
}

export type Reply = string | number | null | StatusReply | ErrorReply | Reply[];

export const OK = new StatusReply('OK');

export const errors = {
  wrongType: () => new ErrorReply('WRONGTYPE Operation against a key holding the wrong kind of value'),
  notInteger: () => new ErrorReply('ERR value is not an integer or out of range'),
  notFloat: () => new ErrorReply('ERR value is not a valid float'),
  syntax: () => new ErrorReply('ERR syntax error'),
  arity: (name: string) => new ErrorReply(`ERR wrong number of arguments for '${name.toLowerCase()}' command`),
} as const;

/** Redis's integer parsing: an optional minus sign and digits, nothing else, within 64 bits. */
export function parseInteger(raw: string): number {
  if (!/^-?\d+$/.test(raw)) throw errors.notInteger();
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw errors.notInteger();
  return n;
}

/** Redis's score parsing: a float, `inf`, `+inf` or `-inf`. */
export function parseFloatArg(raw: string): number {
  const lower = raw.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  const n = Number(raw);
  if (raw.trim() === '' || Number.isNaN(n)) throw errors.notFloat();
  return n;
}

/** A number as Redis prints it in a bulk reply (ZSCORE, INCRBYFLOAT): shortest round-trip form. */
export function formatNumber(n: number): string {
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  return String(n);
}
