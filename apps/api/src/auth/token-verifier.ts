import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { isRole } from '@careloop/contracts';
import type { AuthConfig } from './auth.config';
import { SUBJECT_PATTERN, type Principal } from './principal';

/** Raised for any unusable token; the reason is for logs and tests, never for the caller (401 says nothing more). */
export class InvalidCredentials extends Error {
  override readonly name = 'InvalidCredentials';
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/**
 * Verifies bearer JWTs: against the OIDC issuer's JWKS in production, or the
 * local HS256 secret. Issuer, audience, expiry and signature are all checked;
 * `alg` is pinned per mode so an HS256 token can never pass as an RS256 one.
 */
export class TokenVerifier {
  private readonly check: (token: string) => Promise<JWTPayload>;

  constructor(private readonly config: AuthConfig) {
    const options: JWTVerifyOptions = {
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: 30,
      requiredClaims: ['exp', 'sub'],
    };
    if (config.jwksUrl) {
      // Fetched on first use and cached; refetched when a token names an unknown key id (rotation at the issuer).
      const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
      this.check = async (token) => (await jwtVerify(token, jwks, { ...options, algorithms: ASYMMETRIC })).payload;
    } else {
      const secret = new TextEncoder().encode(config.jwtSecret);
      this.check = async (token) => (await jwtVerify(token, secret, { ...options, algorithms: ['HS256'] })).payload;
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      payload = await this.check(token);
    } catch (err) {
      throw new InvalidCredentials(`token rejected: ${(err as Error).name}`);
    }
    const role = payload[this.config.roleClaim];
    const team = payload[this.config.teamClaim];
    if (!payload.sub || !SUBJECT_PATTERN.test(payload.sub)) {
      throw new InvalidCredentials('token subject missing or not printable');
    }
    if (!isRole(role)) {
      throw new InvalidCredentials('token role missing or unknown');
    }
    if (team !== undefined && (typeof team !== 'string' || !SUBJECT_PATTERN.test(team))) {
      throw new InvalidCredentials('token team is not a short string');
    }
    return { kind: role === 'integration' ? 'integration' : 'user', sub: payload.sub, role, team: team ?? null };
  }
}
