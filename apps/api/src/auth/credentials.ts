import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** Session cookie set by POST /auth/session (console, Temporal UI codec calls); holds the same JWT. */
export const SESSION_COOKIE = 'careloop_session';

export type Credentials = { readonly kind: 'jwt'; readonly token: string } | { readonly kind: 'api_key'; readonly clientId: string; readonly key: string };

/** API keys look like clk_<client id>_<43 base64url characters>: the id finds the hash, the whole key is hashed. */
export const API_KEY_PATTERN = /^clk_([a-z0-9-]{2,64})_([A-Za-z0-9_-]{43})$/;

/**
 * Reads the caller's credentials: `Authorization: Bearer <jwt>`,
 * `Authorization: ApiKey <key>` / `X-Api-Key: <key>`, or the session cookie.
 * Returns null when there are none or they are malformed (both mean 401).
 */
export function readCredentials(req: Request): Credentials | null {
  const authorization = req.header('authorization');
  const apiKey = req.header('x-api-key') ?? (authorization?.match(/^ApiKey\s+(\S+)$/i)?.[1] ?? undefined);
  if (apiKey !== undefined) {
    const m = API_KEY_PATTERN.exec(apiKey);
    return m ? { kind: 'api_key', clientId: m[1]!, key: apiKey } : null;
  }
  const bearer = authorization?.match(/^Bearer\s+([A-Za-z0-9_.-]{10,4096})$/i)?.[1];
  if (bearer) {
    return { kind: 'jwt', token: bearer };
  }
  if (authorization !== undefined) {
    return null;
  }
  const cookie = sessionCookie(req.header('cookie'));
  return cookie ? { kind: 'jwt', token: cookie } : null;
}

function sessionCookie(header: string | undefined): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_.-]{10,4096}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
