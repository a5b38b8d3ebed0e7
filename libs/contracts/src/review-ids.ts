import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export type ReviewIdPrefix = 'ur' | 'complaint';

/**
 * Ids of utilization reviews and complaints: a keyed hash of who submitted
 * it and their request key (Idempotency-Key header or client request id),
 * so a repeated submission lands on the same workflow, while the id reveals
 * nothing about the member (ids are visible to every operator, unencrypted).
 */
export function reviewWorkflowId(prefix: ReviewIdPrefix, submitterId: string, requestKey: string, secret: string): string {
  const digest = hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`${prefix}\u0000${submitterId}\u0000${requestKey}`));
  return `${prefix}-${bytesToHex(digest).slice(0, 24)}`;
}

export const UR_WORKFLOW_ID_PATTERN = /^ur-[0-9a-f]{24}$/;
export const COMPLAINT_WORKFLOW_ID_PATTERN = /^complaint-[0-9a-f]{24}$/;
