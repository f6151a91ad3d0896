/**
 * One catalogue of error codes (as fastify keeps one): every error we raise on purpose carries a
 * code, an HTTP status for the routes that surface it, and a message that says where it came from.
 */
export const ErrorCode = {
  EtagConflict: 'ETAG_CONFLICT',
  StoreUnavailable: 'STORE_UNAVAILABLE',
  TurnBusy: 'TURN_BUSY',
  BadRequest: 'BAD_REQUEST',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  /** The channel refused a reply of a saved turn: 502, its retry re-delivers (src/runtime/deliveryReceipts.ts). */
  DeliveryFailed: 'DELIVERY_FAILED',
} as const;

export type ErrorCodeId = (typeof ErrorCode)[keyof typeof ErrorCode];

const STATUS: Record<ErrorCodeId, number> = {
  ETAG_CONFLICT: 409,
  STORE_UNAVAILABLE: 503,
  TURN_BUSY: 503,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  DELIVERY_FAILED: 502,
};

export class BotError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCodeId,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BotError';
    this.status = STATUS[code];
  }
}

export function isBotError(err: unknown, code?: ErrorCodeId): err is BotError {
  return err instanceof BotError && (code === undefined || err.code === code);
}

/** Finds a BotError anywhere in a cause chain (botbuilder wraps errors thrown in middleware). */
export function findBotError(err: unknown): BotError | undefined {
  for (let e = err, depth = 0; e && depth < 8; depth++) {
    if (e instanceof BotError) return e;
    e = e instanceof Error ? e.cause : undefined;
  }
  return undefined;
}
