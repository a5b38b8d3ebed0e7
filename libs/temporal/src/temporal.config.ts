import { z } from 'zod';
import { DEFAULT_CASE_TASK_QUEUE } from '@careloop/contracts';
import { DEVELOPMENT_PAYLOAD_KEY, parsePayloadKeys, type PayloadKey } from './payload-codec';

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
  /**
   * Keys of the payload codec, `kid:base64key[,…]`, the active one first; keep retired keys listed
   * while histories encrypted with them may be read. Unset: a well-known development key.
   */
  CARELOOP_PAYLOAD_KEYS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const parsed = value === undefined ? [] : parsePayloadKeys(value);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
      }
    }),
});

export interface TemporalConfig {
  readonly address: string;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly tls: boolean;
  /** Payload codec keys, the active one first. */
  readonly payloadKeys: readonly PayloadKey[];
}

export function temporalConfigFrom(env: z.infer<typeof temporalEnvSchema>): TemporalConfig {
  return {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE,
    tls: env.TEMPORAL_TLS === 'true',
    payloadKeys: env.CARELOOP_PAYLOAD_KEYS === undefined ? [DEVELOPMENT_PAYLOAD_KEY] : (parsePayloadKeys(env.CARELOOP_PAYLOAD_KEYS) as PayloadKey[]),
  };
}
