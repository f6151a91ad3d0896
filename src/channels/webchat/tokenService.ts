import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Direct Line tokens: compact JWTs (HS256, RFC 7519) with the claims Microsoft's Direct Line puts
 * in its own tokens — `conv` (the one conversation the token opens) and `user` (the user id bound
 * to it, if any) — so clients such as Web Chat that peek at the token find what they expect
 * (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-authentication).
 * A token is useless for any other conversation, and it expires; refresh issues a new one.
 */
export interface TokenClaims {
  conv: string;
  user?: string;
  /** Seconds since the epoch. */
  exp: number;
  iat: number;
}

const claimsSchema = z.object({
  conv: z.string().min(1),
  user: z.string().min(1).optional(),
  exp: z.number().int(),
  iat: z.number().int(),
});

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

export class TokenService {
  constructor(
    private readonly key: Buffer,
    readonly ttlSeconds: number,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  issue(conversationId: string, userId?: string): { token: string; expires_in: number } {
    const iat = this.now();
    const claims: TokenClaims = { conv: conversationId, ...(userId ? { user: userId } : {}), iat, exp: iat + this.ttlSeconds };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return { token: `${body}.${this.sign(body)}`, expires_in: this.ttlSeconds };
  }

  verify(token: string): TokenCheck {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'not a Direct Line token' };
    const expected = Buffer.from(this.sign(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'token signature does not match' };
    }
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'token payload is not JSON' };
    }
    const parsed = claimsSchema.safeParse(payload);
    if (!parsed.success) return { ok: false, reason: 'token claims are incomplete' };
    if (parsed.data.exp <= this.now()) return { ok: false, reason: 'token expired; get a new one' };
    return { ok: true, claims: parsed.data };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
