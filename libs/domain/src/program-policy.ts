import type { ContactChannel } from './contact';
import type { RiskTier } from './risk-tier';
import { DAY_MS } from './duration';
import { DEFAULT_TRANSITION_OF_CARE_POLICY, type TransitionOfCarePolicy } from './transition-of-care';
import { DEFAULT_REMINDER_LEAD_MS, type CaseClockSubject } from './case-clock';

/**
 * Everything time- or count-based about a program, defined once. Defaults
 * come from the seeds; a deployment overrides them per program code (config
 * file), and a case start may override them further (down to seconds, for
 * demos and tests). A case keeps the resolved policy it started with: later
 * policy edits apply to new cases only. All durations are milliseconds.
 */
export interface ProgramPolicy {
  readonly programCode: string;
  /** `<program>@<version>`, with `+custom` when a case start overrode values. */
  readonly version: string;
  readonly screening: {
    /** Initial screen due this long after the enrollment date (seed 002 §5.1.1: 90 days). */
    readonly deadlineMs: number;
    /** Outreach attempts before the member counts as unable to reach ("subsequent attempts", §5.1.1). */
    readonly maxAttempts: number;
    /** Wait before attempt 2, 3, …; the last value repeats. */
    readonly attemptSpacingMs: readonly number[];
    /** How long the care team has to record an attempt's outcome before it counts as timed out. */
    readonly attemptResponseWindowMs: number;
    /** Channel of attempt 1, 2, …; the last value repeats. */
    readonly channels: readonly ContactChannel[];
    /** After the last failed attempt: close the case, or park it open for a supervisor. */
    readonly onUnableToReach: 'close' | 'park';
  };
  /** Assessment due this long after screening is completed. */
  readonly assessmentDueMs: number;
  /** Care plan (with consent) due this long after the assessment. */
  readonly carePlanDueMs: number;
  /** Regular contact cadence by risk tier, "daily to bimonthly" (seed 001). */
  readonly contactCadenceMs: Readonly<Record<RiskTier, number>>;
  readonly supplementalInfo: {
    /** The treating physician's answer is due this long after the request. */
    readonly dueMs: number;
    /** Escalate to the supervisor this long after the due date passes unanswered. */
    readonly escalateAfterMs: number;
  };
  /** Committee update at least this often (seed 003 step 9: every four weeks). */
  readonly committeeUpdateMaxIntervalMs: number;
  readonly planReviewIntervalMs: number;
  readonly reassessmentIntervalMs: number;
  /** Open cases per care manager (seed 001: one FTE per 100 participants). */
  readonly caseloadCap: number;
  /** Flag a case when nothing has been recorded for this long. */
  readonly noProgressAlertMs: number;
  /** Provider requests (seed 000): a supervisor decides a request to stop participation within this long. */
  readonly providerRequests: { readonly stopParticipationReviewMs: number };
  /** Transition-of-care tasks after a discharge: deadlines, calendar, reminders, escalation. */
  readonly transitionOfCare: TransitionOfCarePolicy;
  /**
   * How long before each clock's due time its owner is reminded (CASE_CLOCKS). Optional only
   * because cases started before the clocks carry policies without it: read it through
   * `reminderLeadMs()`, which falls back to the defaults.
   */
  readonly reminderLeadMs?: Readonly<Record<CaseClockSubject, number>>;
}

export function reminderLeadMs(policy: Pick<ProgramPolicy, 'reminderLeadMs'>, subject: CaseClockSubject): number {
  return policy.reminderLeadMs?.[subject] ?? DEFAULT_REMINDER_LEAD_MS[subject];
}

export const DEFAULT_PROGRAM_POLICY: Omit<ProgramPolicy, 'programCode' | 'version'> = {
  screening: {
    deadlineMs: 90 * DAY_MS,
    maxAttempts: 3,
    attemptSpacingMs: [7 * DAY_MS, 14 * DAY_MS],
    attemptResponseWindowMs: 5 * DAY_MS,
    channels: ['phone', 'phone', 'letter'],
    onUnableToReach: 'close',
  },
  assessmentDueMs: 30 * DAY_MS,
  carePlanDueMs: 30 * DAY_MS,
  contactCadenceMs: { high: 7 * DAY_MS, medium: 30 * DAY_MS, low: 60 * DAY_MS },
  supplementalInfo: { dueMs: 14 * DAY_MS, escalateAfterMs: 7 * DAY_MS },
  committeeUpdateMaxIntervalMs: 28 * DAY_MS,
  planReviewIntervalMs: 90 * DAY_MS,
  reassessmentIntervalMs: 365 * DAY_MS,
  caseloadCap: 100,
  noProgressAlertMs: 30 * DAY_MS,
  providerRequests: { stopParticipationReviewMs: 5 * DAY_MS },
  transitionOfCare: DEFAULT_TRANSITION_OF_CARE_POLICY,
  reminderLeadMs: DEFAULT_REMINDER_LEAD_MS,
};
