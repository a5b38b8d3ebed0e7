import { createHmac } from 'node:crypto';
import type { Role } from '@careloop/contracts';
import { DEVELOPMENT_JWT_SECRET, LOCAL_TOKEN_AUDIENCE, LOCAL_TOKEN_ISSUER } from '../../apps/api/src/auth/auth.config';

export interface TestUser {
  readonly sub: string;
  readonly role: Role;
  readonly team?: string;
}

/** The demo roster's people (config/staff.demo.json) and the other roles. */
export const USERS = {
  cm1: { sub: 'cm-1', role: 'care_manager', team: 'north' },
  cm3: { sub: 'cm-3', role: 'care_manager', team: 'south' },
  sup1: { sub: 'sup-1', role: 'supervisor', team: 'north' },
  supSouth: { sub: 'sup-9', role: 'supervisor', team: 'south' },
  provider: { sub: 'prov-1', role: 'provider' },
  provider9: { sub: 'prov-9', role: 'provider' },
  committee: { sub: 'committee-1', role: 'committee' },
  integration: { sub: 'integration:test-feed', role: 'integration' },
  admin: { sub: 'admin-1', role: 'admin' },
} as const satisfies Record<string, TestUser>;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An HS256 JWT signed by hand (not with the API's own minting code), so the
 * tests also check that the API accepts a standard token from any issuer
 * library. `claims` overrides anything (exp in the past, another audience…).
 */
export function testToken(user: TestUser, claims: Record<string, unknown> = {}, secret = DEVELOPMENT_JWT_SECRET): string {
  const now = Math.floor(Date.now() / 1000);
  const body = b64({
    sub: user.sub,
    role: user.role,
    ...(user.team ? { team: user.team } : {}),
    iss: LOCAL_TOKEN_ISSUER,
    aud: LOCAL_TOKEN_AUDIENCE,
    iat: now,
    exp: now + 3600,
    ...claims,
  });
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${body}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export function bearer(user: TestUser, claims?: Record<string, unknown>): { authorization: string } {
  return { authorization: `Bearer ${testToken(user, claims)}` };
}
