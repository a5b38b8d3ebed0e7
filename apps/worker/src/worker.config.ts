import { z } from 'zod';
import { databaseEnvSchema, memberCryptoEnvSchema, memberCryptoFrom, type MemberCrypto } from '@careloop/persistence';
import { temporalConfigFrom, temporalEnvSchema, type TemporalConfig } from '@careloop/temporal';
import { cronProblem } from './cron-expression';

export const workerEnvSchema = temporalEnvSchema.extend(databaseEnvSchema.shape).extend(memberCryptoEnvSchema.shape).extend({
  /** A bundle built by `npm run build`; without it the worker bundles workflows/ from source at start. */
  WORKFLOW_BUNDLE_PATH: z.string().min(1).optional(),
  /** How long in-flight activities get to finish on SIGTERM before the worker gives up on them. */
  WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Deliver notifications by POSTing them here; without it they are logged (key, template and audience only). */
  NOTIFY_WEBHOOK_URL: z.url({ error: 'must be an http(s) URL' }).optional(),
  /** SMTP relay for email and Direct provider notices (smtp:// or smtps://, credentials in the URL); unset: those notices fail and stay in the outbox. */
  CARELOOP_SMTP_URL: z
    .url({ error: 'must be an smtp:// or smtps:// URL' })
    .refine((v) => /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** Sender (From) of notice mail: providers, staff and members. */
  CARELOOP_SMTP_FROM: z.string().min(3).default('CareLoop <notices@careloop.invalid>'),
  /** SMS provider adapter: a JSON POST {to, text, reference} per message (docs/notifications.md); unset: no SMS. */
  CARELOOP_SMS_URL: z.url({ error: 'must be an http(s) URL' }).optional(),
  /** Bearer token for CARELOOP_SMS_URL. */
  CARELOOP_SMS_TOKEN: z.string().min(1).optional(),
  /** What a member's email/SMS points to (a portal URL or a phone number); default: CARELOOP_PUBLIC_URL. */
  CARELOOP_MEMBER_CONTACT_POINT: z.string().min(3).max(200).optional(),
  /** How often the worker sends waiting email/SMS (quiet hours over, retry back-off passed). */
  CARELOOP_NOTIFY_SWEEP_MS: z.coerce.number().int().min(200).default(60_000),
  /** Where providers sign in to read a notice (the only link notice messages carry). */
  CARELOOP_PUBLIC_URL: z.url({ error: 'must be an http(s) URL' }).default('http://localhost:3000'),
  /** A staff roster (JSON list) upserted at start; see config/staff.demo.json. */
  CARELOOP_STAFF_FILE: z.string().min(1).optional(),
  /** From this failed attempt on, a case activity that keeps failing is reported to its case (flag activity_retrying). */
  ACTIVITY_RETRY_REPORT_ATTEMPT: z.coerce.number().int().min(1).default(3),
  /** host:port for the worker runtime's Prometheus exporter (GET /metrics there); unset: no exporter. */
  WORKER_METRICS_BIND: z.string().regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 0.0.0.0:9464').optional(),
  /** How often the worker writes its health heartbeat (readiness reads it). */
  WORKER_HEARTBEAT_MS: z.coerce.number().int().min(500).default(5_000),
  /**
   * When the nightly measure snapshot runs (a Temporal Schedule the worker ensures at boot; five-field
   * cron, UTC; docs/operations.md). `off`: the worker leaves the schedule alone (creates none, changes none).
   */
  CARELOOP_MEASURE_SNAPSHOT_CRON: z
    .string()
    .default('30 2 * * *')
    .superRefine((v, ctx) => {
      const problem = v === 'off' ? null : cronProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem} (or off)` });
    }),
  // Tuning (docs/operations.md, BENCHMARKS.md); unset: the SDK's defaults.
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).optional(),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).optional(),
  WORKER_WORKFLOW_POLLERS: z.coerce.number().int().min(2).optional(),
  WORKER_ACTIVITY_POLLERS: z.coerce.number().int().min(1).optional(),
  WORKER_REUSE_V8_CONTEXT: z.enum(['true', 'false']).optional(),
});

/** The Worker.create options the env may set. */
export interface WorkerTuning {
  readonly maxCachedWorkflows?: number;
  readonly maxConcurrentWorkflowTaskExecutions?: number;
  readonly maxConcurrentActivityTaskExecutions?: number;
  readonly maxConcurrentWorkflowTaskPolls?: number;
  readonly maxConcurrentActivityTaskPolls?: number;
  readonly reuseV8Context?: boolean;
}

export interface WorkerConfig {
  readonly temporal: TemporalConfig;
  readonly databaseUrl: string;
  readonly workflowBundlePath: string | undefined;
  readonly shutdownGraceMs: number;
  readonly notifyWebhookUrl: string | undefined;
  readonly staffFile: string | undefined;
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string;
  readonly publicUrl: string;
  readonly sms: { readonly url: string; readonly token: string | undefined } | null;
  readonly memberContactPoint: string;
  readonly notifySweepMs: number;
  readonly memberCrypto: MemberCrypto;
  readonly reportActivityRetryFromAttempt: number;
  readonly metricsBind: string | undefined;
  readonly heartbeatMs: number;
  /** The measure snapshot schedule's cron (UTC), or null: not managed by this worker. */
  readonly measureSnapshotCron: string | null;
  readonly tuning: WorkerTuning;
}

export function workerConfigFrom(env: z.infer<typeof workerEnvSchema>): WorkerConfig {
  return {
    temporal: temporalConfigFrom(env),
    databaseUrl: env.DATABASE_URL,
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
    shutdownGraceMs: env.WORKER_SHUTDOWN_GRACE_MS,
    notifyWebhookUrl: env.NOTIFY_WEBHOOK_URL,
    staffFile: env.CARELOOP_STAFF_FILE,
    smtpUrl: env.CARELOOP_SMTP_URL,
    smtpFrom: env.CARELOOP_SMTP_FROM,
    publicUrl: env.CARELOOP_PUBLIC_URL,
    sms: env.CARELOOP_SMS_URL ? { url: env.CARELOOP_SMS_URL, token: env.CARELOOP_SMS_TOKEN } : null,
    memberContactPoint: env.CARELOOP_MEMBER_CONTACT_POINT ?? env.CARELOOP_PUBLIC_URL,
    notifySweepMs: env.CARELOOP_NOTIFY_SWEEP_MS,
    memberCrypto: memberCryptoFrom(env),
    reportActivityRetryFromAttempt: env.ACTIVITY_RETRY_REPORT_ATTEMPT,
    metricsBind: env.WORKER_METRICS_BIND,
    heartbeatMs: env.WORKER_HEARTBEAT_MS,
    measureSnapshotCron: env.CARELOOP_MEASURE_SNAPSHOT_CRON === 'off' ? null : env.CARELOOP_MEASURE_SNAPSHOT_CRON.trim().split(/\s+/).join(' '),
    tuning: defined({
      maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
      maxConcurrentWorkflowTaskExecutions: env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
      maxConcurrentActivityTaskExecutions: env.WORKER_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTaskPolls: env.WORKER_WORKFLOW_POLLERS,
      maxConcurrentActivityTaskPolls: env.WORKER_ACTIVITY_POLLERS,
      reuseV8Context: env.WORKER_REUSE_V8_CONTEXT === undefined ? undefined : env.WORKER_REUSE_V8_CONTEXT === 'true',
    }),
  };
}

function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
