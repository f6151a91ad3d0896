import { ErrorCode, type ErrorCodeId } from '../../errors';

/**
 * A request refused before anything ran: the route answers `status` with the shared JSON error
 * shape and logs `reason`. Thrown only by the verify/decode steps, so no turn is ever half-done.
 */
export class WeChatRejection extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCodeId,
    readonly reason: string,
  ) {
    super(`WeChat request rejected: ${reason}`);
    this.name = 'WeChatRejection';
    this.status = REJECTION_STATUS[code] ?? 400;
  }
}

const REJECTION_STATUS: Partial<Record<ErrorCodeId, number>> = {
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.PayloadTooLarge]: 413,
};

export const unauthorized = (reason: string) => new WeChatRejection(ErrorCode.Unauthorized, reason);
export const badRequest = (reason: string) => new WeChatRejection(ErrorCode.BadRequest, reason);
