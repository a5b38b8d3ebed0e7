import { DAY_MS, HOUR_MS } from './duration';

/**
 * The case's clocks (docs/lifecycle.md, "Clocks"): every due time in the lifecycle is a durable
 * timer in the case workflow. Ahead of the due time the owner is reminded (the policy's lead
 * time); at the due time, work not done is marked missed and escalated to the supervisor (a
 * work item for them, a notice, and the case is overdue on the stuck list). Defined once here;
 * the workflow, the docs table and the tests read this table.
 */
export const CASE_CLOCK_IDS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11', 'C12'] as const;
export type CaseClockId = (typeof CASE_CLOCK_IDS)[number];

/** What each clock times: a task kind of the case, or the screening deadline while the member is not yet reached. */
export const CASE_CLOCK_SUBJECTS = [
  'outreach_attempt',
  'screening_deadline',
  'screening',
  'assessment',
  'care_plan',
  'plan_consent',
  'member_discussion',
  'contact',
  'supplemental_info',
  'plan_review',
  'reassessment',
  'stop_participation_review',
] as const;
export type CaseClockSubject = (typeof CASE_CLOCK_SUBJECTS)[number];

export interface CaseClockInfo {
  readonly id: CaseClockId;
  readonly subject: CaseClockSubject;
  /** Who holds the work the clock times (and gets the reminder). */
  readonly owner: 'care_team' | 'supervisor';
  readonly dueWhen: string;
  /** What happens at the due time besides missed + escalation (the rule the lifecycle already had). */
  readonly atDeadline: string;
  readonly source: string;
}

export const CASE_CLOCKS: Readonly<Record<CaseClockSubject, CaseClockInfo>> = {
  outreach_attempt: { id: 'C1', subject: 'outreach_attempt', owner: 'care_team', dueWhen: "the attempt's response window ends (screening.attemptResponseWindowMs)", atDeadline: 'the attempt times out; the next attempt follows the policy spacing', source: 'seed 002 §5.1.1' },
  screening_deadline: { id: 'C2', subject: 'screening_deadline', owner: 'care_team', dueWhen: 'screening.deadlineMs after the enrollment date, while the member is not yet reached', atDeadline: 'unable to reach: closed or parked for a supervisor (policy)', source: 'seed 002 §5.1.1; 42 CFR § 438.208(b)(3)' },
  screening: { id: 'C3', subject: 'screening', owner: 'care_team', dueWhen: 'the screening deadline, once the member was reached', atDeadline: 'stays open, overdue', source: 'seed 002 §5.1.1' },
  assessment: { id: 'C4', subject: 'assessment', owner: 'care_team', dueWhen: 'assessmentDueMs after the screening', atDeadline: 'stays open, overdue', source: 'seed 001 (A); seed 002 §5.1.2' },
  care_plan: { id: 'C5', subject: 'care_plan', owner: 'care_team', dueWhen: 'carePlanDueMs after the assessment (or a revision is asked for)', atDeadline: 'stays open, overdue', source: 'seed 001 (B); seed 002 §4.11.7.4' },
  plan_consent: { id: 'C6', subject: 'plan_consent', owner: 'care_team', dueWhen: 'the plan consent due time (carePlanDueMs after the plan was proposed)', atDeadline: 'stays open, overdue', source: 'seed 002 §4.11.7.4' },
  member_discussion: { id: 'C7', subject: 'member_discussion', owner: 'care_team', dueWhen: 'the discussion of a newly active plan with the member (recovery step 2)', atDeadline: 'stays open, overdue', source: 'seed 003 step 2' },
  contact: { id: 'C8', subject: 'contact', owner: 'care_team', dueWhen: "one cadence of the risk tier after the last completed contact (contactCadenceMs)", atDeadline: 'stays open, overdue', source: 'seed 001 "daily to bimonthly"; seed 003 step 3' },
  supplemental_info: { id: 'C9', subject: 'supplemental_info', owner: 'care_team', dueWhen: "the treating physician's answer (supplementalInfo.dueMs after the request)", atDeadline: 'stays open; the supervisor escalation after supplementalInfo.escalateAfterMs still follows', source: 'seed 003 step 8' },
  plan_review: { id: 'C10', subject: 'plan_review', owner: 'care_team', dueWhen: 'planReviewIntervalMs after the plan became active or was last reviewed', atDeadline: 'stays open, overdue', source: 'seed 001 (A); DESIGN §3.5' },
  reassessment: { id: 'C11', subject: 'reassessment', owner: 'care_team', dueWhen: 'reassessmentIntervalMs after the last assessment', atDeadline: 'stays open, overdue', source: 'seed 002 §5.1.4; DESIGN §3.5' },
  stop_participation_review: { id: 'C12', subject: 'stop_participation_review', owner: 'supervisor', dueWhen: "providerRequests.stopParticipationReviewMs after a provider's request to stop participation", atDeadline: 'stays open, overdue (escalated to every supervisor of the team)', source: 'seed 000' },
};

/** Default reminder lead times (policy `reminderLeadMs`, overridable per program and case start). */
export const DEFAULT_REMINDER_LEAD_MS: Readonly<Record<CaseClockSubject, number>> = {
  outreach_attempt: 1 * DAY_MS,
  screening_deadline: 14 * DAY_MS,
  screening: 7 * DAY_MS,
  assessment: 7 * DAY_MS,
  care_plan: 7 * DAY_MS,
  plan_consent: 3 * DAY_MS,
  member_discussion: 3 * DAY_MS,
  contact: 2 * DAY_MS,
  supplemental_info: 3 * DAY_MS,
  plan_review: 14 * DAY_MS,
  reassessment: 30 * DAY_MS,
  stop_participation_review: 12 * HOUR_MS,
};

/**
 * When to remind: the lead time before the due time, but never in the first half of the
 * task's time (a lead longer than the task would remind the moment it opens).
 */
export function reminderAt(openedAt: string, dueAt: string, leadMs: number): string {
  const opened = Date.parse(openedAt);
  const due = Date.parse(dueAt);
  const lead = Math.min(leadMs, Math.max(0, Math.floor((due - opened) / 2)));
  return new Date(due - lead).toISOString();
}
