import { z } from 'zod';
import { databaseEnvSchema } from '@careloop/persistence';
import { temporalConfigFrom, temporalEnvSchema, type TemporalConfig } from '@careloop/temporal';

export const workerEnvSchema = temporalEnvSchema.extend(databaseEnvSchema.shape).extend({
  /** A bundle built by `npm run build`; without it the worker bundles workflows/ from source at start. */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  /** How long in-flight activities get to finish on SIGTERM before the worker gives up on them. */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Deliver notifications by POSTing them here; without it they are logged (key, template and audience only). */
  NOTIFY_WEBHOOK_URL: z.url({ error: 'must be an http(s) URL' }).optional(),
  /** A staff roster (JSON list) upserted at start; see config/staff.demo.json. */
  CARELOOP_STAFF_FILE: z.string().min(1).optional(),
});

export interface WorkerConfig {
  readonly temporal: TemporalConfig;
  readonly databaseUrl: string;
  readonly workflowBundlePath: string | undefined;
  readonly shutdownGraceMs: number;
  readonly notifyWebhookUrl: string | undefined;
  readonly staffFile: string | undefined;
}

export function workerConfigFrom(env: z.infer<typeof workerEnvSchema>): WorkerConfig {
  return {
    temporal: temporalConfigFrom(env),
    databaseUrl: env.DATABASE_URL,
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
    shutdownGraceMs: env.WORKER_SHUTDOWN_GRACE_MS,
    notifyWebhookUrl: env.NOTIFY_WEBHOOK_URL,
    staffFile: env.CARELOOP_STAFF_FILE,
  };
}
