import type { RepresentativeRelationship } from '@careloop/domain';

/**
 * The words every case contract shares: why a case started, the kinds of task
 * a case opens, and the kinds of provider request. Kept apart from the
 * messages, events and snapshot that use them so those import this file and
 * never each other in a circle (a test in test/unit/lint refuses circles).
 */
export const CASE_START_REASONS = ['enrollment', 'discharge'] as const;
export type CaseStartReason = (typeof CASE_START_REASONS)[number];

export const CASE_TASK_KINDS = ['outreach_attempt', 'screening', 'assessment', 'care_plan', 'plan_consent', 'member_discussion', 'contact', 'supplemental_info', 'plan_review', 'reassessment', 'stop_participation_review'] as const;
export type CaseTaskKind = (typeof CASE_TASK_KINDS)[number];

/**
 * Provider rights on a case (seed 000): ask that the patient stop
 * participating (decided by a supervisor), or ask for another care manager.
 */
export const PROVIDER_REQUEST_KINDS = ['stop_participation', 'care_manager_change'] as const;
export type ProviderRequestKind = (typeof PROVIDER_REQUEST_KINDS)[number];

/**
 * A registry representative who consented, as the API checked them (PHI-free: id and relationship);
 * set on RecordConsentInput by the API and recorded on the plan_consented event.
 */
export interface ConsentingRepresentative {
  readonly id: string;
  readonly relationship: RepresentativeRelationship;
}
