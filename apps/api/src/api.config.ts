import { z } from 'zod';
import { PROGRAM_CODE_PATTERN } from '@careloop/domain';
import { databaseEnvSchema, memberCryptoEnvSchema, memberCryptoFrom, type MemberCrypto } from '@careloop/persistence';
import { temporalConfigFrom, temporalEnvSchema, type TemporalConfig } from '@careloop/temporal';
import { authConfigFrom, authEnvSchema, type AuthConfig } from './auth/auth.config';
import { fhirConfigFrom, fhirEnvSchema, type FhirConfig } from './fhir/fhir.config';

export const apiEnvSchema = temporalEnvSchema.extend(databaseEnvSchema.shape).extend(authEnvSchema.shape).extend(memberCryptoEnvSchema.shape).extend(fhirEnvSchema.shape).extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** Run pending migrations at boot (under an advisory lock). Turn off when a release job runs them. */
  RUN_MIGRATIONS: z.enum(['true', 'false']).default('true'),
  /**
   * Key for deriving PHI-free case ids from member + program. Must be the same
   * for every API replica and must never change for a deployment (ids would
   * change). The default is for local development only.
   */
  CASE_ID_SECRET: z.string().min(16, 'must be at least 16 characters').default('careloop-local-development-only'),
  /** A worker counts as polling if the server saw it poll within this window. */
  WORKER_POLL_FRESHNESS_MS: z.coerce.number().int().min(1000).default(90_000),
  /** A worker counts as healthy if it reported `running` within this window (workers report every WORKER_HEARTBEAT_MS, 5 s). */
  WORKER_HEARTBEAT_STALE_MS: z.coerce.number().int().min(1000).default(30_000),
  /** Program of cases started by discharge events that do not name one (HL7 and FHIR never do). */
  INTEGRATION_DEFAULT_PROGRAM: z.string().regex(PROGRAM_CODE_PATTERN, 'must be a program code such as CCM').default('CCM'),
  /** Port of the Prometheus endpoint (GET /metrics), separate from the public API; unset: no metrics endpoint. */
  API_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Interface of the metrics endpoint (default: loopback only; 0.0.0.0 for a scraper on another host). */
  API_METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  /** Program policies (JSON); without it every program runs on the seed defaults. */
  CARELOOP_POLICY_FILE: z.string().min(1).optional(),
  /** Provider directory seed (JSON list, see config/providers.demo.json) upserted at start. */
  CARELOOP_PROVIDER_FILE: z.string().min(1).optional(),
  /** How long the API trusts a provider-directory lookup (provider tokens, named providers): a deactivation takes effect within this. */
  PROVIDER_DIRECTORY_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
});

export interface ApiConfig {
  readonly port: number;
  readonly host: string;
  readonly runMigrations: boolean;
  readonly databaseUrl: string;
  readonly temporal: TemporalConfig;
  readonly caseIdSecret: string;
  readonly workerPollFreshnessMs: number;
  readonly workerHeartbeatStaleMs: number;
  readonly metricsPort: number | undefined;
  readonly metricsHost: string;
  readonly policyFile: string | undefined;
  readonly providerFile: string | undefined;
  readonly providerCacheMs: number;
  readonly auth: AuthConfig;
  readonly integrationDefaultProgram: string;
  /** INTEGRATION_*_ID_SYSTEMS: the identifier systems intakes read a FHIR Patient's ids by. */
  /** The member registry's field cipher (payload key list) and blind index (its own key). */
  readonly memberCrypto: MemberCrypto;
  /** Identifier systems the FHIR routes trust (fhir/fhir.config.ts). */
  readonly fhir: FhirConfig;
}

export function apiConfigFrom(env: z.infer<typeof apiEnvSchema>): ApiConfig {
  return {
    port: env.PORT,
    host: env.HOST,
    runMigrations: env.RUN_MIGRATIONS === 'true',
    databaseUrl: env.DATABASE_URL,
    temporal: temporalConfigFrom(env),
    caseIdSecret: env.CASE_ID_SECRET,
    workerPollFreshnessMs: env.WORKER_POLL_FRESHNESS_MS,
    workerHeartbeatStaleMs: env.WORKER_HEARTBEAT_STALE_MS,
    metricsPort: env.API_METRICS_PORT,
    metricsHost: env.API_METRICS_HOST,
    policyFile: env.CARELOOP_POLICY_FILE,
    providerFile: env.CARELOOP_PROVIDER_FILE,
    providerCacheMs: env.PROVIDER_DIRECTORY_CACHE_MS,
    auth: authConfigFrom(env),
    integrationDefaultProgram: env.INTEGRATION_DEFAULT_PROGRAM,
    memberCrypto: memberCryptoFrom(env),
    fhir: fhirConfigFrom(env),
  };
}

export const API_CONFIG = Symbol('API_CONFIG');
