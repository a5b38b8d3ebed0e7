import type { ReviewPolicy } from './review-policy';

/** Seed 000: providers (and members) may lodge a verbal or written complaint, about a patient's involvement or the program. */
export const COMPLAINT_CHANNELS = ['verbal', 'written'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINANT_KINDS = ['provider', 'member'] as const;
export type ComplainantKind = (typeof COMPLAINANT_KINDS)[number];

export const COMPLAINT_SUBJECTS = ['case', 'program'] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];

export const COMPLAINT_OUTCOMES = ['upheld', 'partially_upheld', 'not_upheld', 'withdrawn'] as const;
export type ComplaintOutcome = (typeof COMPLAINT_OUTCOMES)[number];

/** Both due times count from receipt, so a late acknowledgement does not buy resolution time. */
export function complaintDueDates(receivedAt: string, policy: ReviewPolicy['complaints']): { acknowledgeBy: string; resolveBy: string } {
  const t = Date.parse(receivedAt);
  return { acknowledgeBy: new Date(t + policy.acknowledgeMs).toISOString(), resolveBy: new Date(t + policy.resolveMs).toISOString() };
}
