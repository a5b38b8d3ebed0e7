/**
 * Orthogonal to the phase: a case in any open phase may be paused (e.g. an
 * inpatient stay) and resumed. While paused no new outreach or contact tasks
 * are created; regulatory deadlines (the screening deadline) keep running.
 */
export const CASE_STATUSES = ['active', 'paused'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
