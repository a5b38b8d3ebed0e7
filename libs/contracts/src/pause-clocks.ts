import type { CaseTaskKind } from './case.vocabulary';

/**
 * What a pause (e.g. an inpatient stay) does to each clock of a case. The care
 * team's own clocks are suspended: each task keeps its remaining time and is
 * re-armed with it on resume, and a paused case is not overdue or stalled for
 * them. Regulatory and third-party clocks keep running. Typed against every
 * task kind, so a new kind does not compile until it is classified; the table
 * in docs/lifecycle.md ("Pause and resume") is checked against it by a unit test.
 */
export interface PauseClockRule {
  readonly onPause: 'suspended' | 'keeps_running';
  readonly why: string;
}

export const TASK_CLOCKS_ON_PAUSE: Readonly<Record<CaseTaskKind, PauseClockRule>> = {
  outreach_attempt: { onPause: 'keeps_running', why: 'an attempt already started keeps its response window; no new attempt starts while paused' },
  screening: { onPause: 'keeps_running', why: 'the initial screen is due 90 days after enrollment by regulation (seed 002 §5.1.1, 42 CFR § 438.208(b)(3))' },
  assessment: { onPause: 'keeps_running', why: 'a one-off due date, not a care-team cadence; a supervisor extends it with a reason if the stay delays it' },
  care_plan: { onPause: 'keeps_running', why: 'a one-off due date; a supervisor extends it with a reason if the stay delays it' },
  plan_consent: { onPause: 'keeps_running', why: 'a one-off due date; a supervisor extends it with a reason if the stay delays it' },
  member_discussion: { onPause: 'keeps_running', why: 'a one-off due date; a supervisor extends it with a reason if the stay delays it' },
  contact: { onPause: 'suspended', why: "the care team's regular contact cadence (seed 001, seed 003 step 3) is meaningless while the member is an inpatient" },
  supplemental_info: { onPause: 'keeps_running', why: "the treating physician's answer and its escalation (seed 003 step 8) do not depend on the member's stay" },
  plan_review: { onPause: 'suspended', why: "the care team's plan-review cadence (seed 001 (A)); it resumes with its remaining time" },
  reassessment: { onPause: 'suspended', why: "the care team's reassessment cadence (seed 002 §5.1.4); it resumes with its remaining time" },
  stop_participation_review: { onPause: 'keeps_running', why: "a supervisor's decision on a provider's request (seed 000), independent of the member's stay" },
};

/** Whether a pause suspends the clock of tasks of this kind. */
export function suspendedByPause(kind: CaseTaskKind): boolean {
  return TASK_CLOCKS_ON_PAUSE[kind].onPause === 'suspended';
}

/** Clocks of a case that are not tasks, with the same rule. */
export const OTHER_CLOCKS_ON_PAUSE = {
  no_progress: { onPause: 'suspended', why: 'nothing is expected from the care team while paused; the alert restarts on resume (pause and resume are progress)' },
  committee_update: { onPause: 'keeps_running', why: 'a de-identified committee update at least every 28 days is a program obligation (seed 003 step 9)' },
} as const satisfies Record<string, PauseClockRule>;
