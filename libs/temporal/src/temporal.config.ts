import { z } from 'zod';
import { DEFAULT_CASE_TASK_QUEUE } from '@careloop/contracts';

/** Environment variables that locate the Temporal service; shared by API, worker and scripts. */
export const temporalEnvSchema = z.object({
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. localhost:7233')
    .default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_CASE_TASK_QUEUE),
  /** Set to "true" to connect with TLS (Temporal Cloud / a TLS-terminated cluster). */
  TEMPORAL_TLS: z.enum(['true', 'false']).default('false'),
});

export interface TemporalConfig {
  readonly address: string;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly tls: boolean;
}

export function temporalConfigFrom(env: z.infer<typeof temporalEnvSchema>): TemporalConfig {
  return {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    tls: env.TEMPORAL_TLS === 'true',
  };
}
