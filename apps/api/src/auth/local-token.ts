import { SignJWT } from 'jose';
import type { Role } from '@careloop/contracts';
import { DEVELOPMENT_JWT_SECRET, LOCAL_TOKEN_AUDIENCE, LOCAL_TOKEN_ISSUER } from './auth.config';

export interface LocalTokenClaims {
  readonly sub: string;
  readonly role: Role;
  readonly team?: string;
  /** Lifetime in seconds (default 8 hours: one shift). */
  readonly ttlSeconds?: number;
}

/**
 * Mints an HS256 token the API accepts when it runs on the local signing
 * secret (`npm run token`, the e2e tests, the console's dev login).
 */
export function mintLocalToken(claims: LocalTokenClaims, secret = DEVELOPMENT_JWT_SECRET, issuer = LOCAL_TOKEN_ISSUER, audience = LOCAL_TOKEN_AUDIENCE): Promise<string> {
  return new SignJWT({ role: claims.role, ...(claims.team ? { team: claims.team } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(`${claims.ttlSeconds ?? 8 * 3600}s`)
    .sign(new TextEncoder().encode(secret));
}
