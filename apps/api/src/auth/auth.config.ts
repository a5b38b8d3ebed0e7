import { z } from 'zod';

/**
 * Signing secret of local runs and tests. Anyone who reads this file can mint
 * tokens, so the API refuses to boot with it when NODE_ENV=production.
 */
export const DEVELOPMENT_JWT_SECRET = 'careloop-local-development-signing-secret';
export const LOCAL_TOKEN_ISSUER = 'careloop-local';
export const LOCAL_TOKEN_AUDIENCE = 'careloop-api';

const csv = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

export const authEnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  /** Production: the OIDC issuer's JWKS; tokens are then verified against its keys (RS/ES/PS algorithms). */
  AUTH_JWKS_URL: z.url({ message: 'must be a URL' }).optional(),
  /** Local runs: HS256 signing secret (npm run token signs with it). Ignored when AUTH_JWKS_URL is set. */
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEVELOPMENT_JWT_SECRET),
  AUTH_ISSUER: z.string().min(1).default(LOCAL_TOKEN_ISSUER),
  AUTH_AUDIENCE: z.string().min(1).default(LOCAL_TOKEN_AUDIENCE),
  /** Claim names, since identity providers differ (e.g. a namespaced "https://careloop.dev/role"). */
  AUTH_ROLE_CLAIM: z.string().min(1).default('role'),
  AUTH_TEAM_CLAIM: z.string().min(1).default('team'),
  /** Browser origins allowed to call the API cross-origin: the Temporal Web UI (codec endpoint). */
  CORS_ORIGINS: csv.default(['http://localhost:8233', 'http://127.0.0.1:8233']),
  /**
   * Behind a load balancer: how many proxy hops to trust for the client address (X-Forwarded-For),
   * which the audit log records and the public probes are rate limited by. 0: use the socket's address.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Requests per minute per client (token subject or API key); the next one gets 429. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
});

export interface AuthConfig {
  readonly jwksUrl: string | undefined;
  readonly jwtSecret: string;
  readonly issuer: string;
  readonly audience: string;
  readonly roleClaim: string;
  readonly teamClaim: string;
  readonly corsOrigins: readonly string[];
  readonly rateLimitPerMinute: number;
  readonly trustProxyHops: number;
  /**
   * `POST /auth/dev-login` exists: only on the local signing secret (no AUTH_JWKS_URL) outside
   * production, where anyone could mint a token with `npm run token` anyway.
   */
  readonly devLogin: boolean;
  /**
   * Tokens are checked against the public development secret (no AUTH_JWKS_URL, AUTH_JWT_SECRET unset):
   * anyone can mint any role's token, so this is a local demo or test deployment, never a real one.
   */
  readonly developmentSecret: boolean;
}

export function authConfigFrom(env: z.infer<typeof authEnvSchema>): AuthConfig {
  if (env.NODE_ENV === 'production' && !env.AUTH_JWKS_URL && env.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    throw new Error('AUTH_JWKS_URL (or at least a private AUTH_JWT_SECRET) is required when NODE_ENV=production: the development signing secret is public');
  }
  return {
    jwksUrl: env.AUTH_JWKS_URL,
    jwtSecret: env.AUTH_JWT_SECRET,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    roleClaim: env.AUTH_ROLE_CLAIM,
    teamClaim: env.AUTH_TEAM_CLAIM,
    corsOrigins: env.CORS_ORIGINS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustProxyHops: env.TRUST_PROXY_HOPS,
    devLogin: !env.AUTH_JWKS_URL && env.NODE_ENV !== 'production',
    developmentSecret: !env.AUTH_JWKS_URL && env.AUTH_JWT_SECRET === DEVELOPMENT_JWT_SECRET,
  };
}
