import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';
import { BotError, ErrorCode } from '../../errors';
import type { TokenClaims, TokenService } from './tokenService';

/**
 * Who is calling, from `Authorization: Bearer <secret or token>` as the Direct Line 3.0
 * authentication page describes: the secret (the bank's back end) may open any conversation; a
 * token opens only the conversation named in its `conv` claim.
 */
export type Caller = { kind: 'secret' } | { kind: 'token'; claims: TokenClaims };

export class DirectLineAuth {
  private readonly secretDigest?: Buffer;

  constructor(
    secret: string,
    private readonly tokens: TokenService,
  ) {
    this.secretDigest = secret ? digest(secret) : undefined;
  }

  get hasSecret(): boolean {
    return this.secretDigest !== undefined;
  }

  /** 401 when the header is missing, malformed, expired or forged. */
  caller(req: Request): Caller {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
    if (!match) throw new BotError(ErrorCode.Unauthorized, 'missing Authorization: Bearer <Direct Line secret or token>');
    return this.check(match[1]);
  }

  /** The same check for a credential found elsewhere (the `t` query parameter of a stream URL). */
  check(credential: string): Caller {
    // Compare digests so the comparison takes the same time whatever the length of the guess.
    if (this.secretDigest && timingSafeEqual(digest(credential), this.secretDigest)) return { kind: 'secret' };
    const check = this.tokens.verify(credential);
    if (!check.ok) throw new BotError(ErrorCode.Unauthorized, check.reason);
    return { kind: 'token', claims: check.claims };
  }

  /** Only the secret may mint tokens for others (POST /v3/directline/tokens/generate). */
  requireSecret(req: Request): void {
    if (!this.secretDigest) {
      throw new BotError(ErrorCode.Unauthorized, 'this server has no DIRECTLINE_SECRET configured; tokens/generate is disabled');
    }
    if (this.caller(req).kind !== 'secret') throw new BotError(ErrorCode.Unauthorized, 'tokens/generate needs the Direct Line secret');
  }

  /** 403 when a token for one conversation is used on another. */
  requireConversation(caller: Caller, conversationId: string): void {
    if (caller.kind === 'token' && caller.claims.conv !== conversationId) {
      throw new BotError(ErrorCode.Forbidden, 'this token belongs to another conversation');
    }
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
