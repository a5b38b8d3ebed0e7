/**
 * The individual treatment plan (seed 001 (A), (B); seed 002 §4.11.7.4):
 * problems, goals (treatment objectives with target dates), interventions and
 * referrals. Plans are versioned; a version becomes active only once consent
 * is recorded.
 */
export interface CarePlanProblem {
  readonly id: string;
  readonly description: string;
  readonly domain: 'physical' | 'behavioral' | 'social' | 'cultural' | 'caregiver';
}

export interface CarePlanGoal {
  readonly id: string;
  readonly problemIds: readonly string[];
  readonly description: string;
  /** Calendar date YYYY-MM-DD. */
  readonly targetDate: string;
}

/** How far a goal has come, as the care team judges it; the committee update counts goals by it (seed 003 step 9). */
export const GOAL_STATUSES = ['open', 'met', 'behind'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface CarePlanIntervention {
  readonly id: string;
  readonly goalIds: readonly string[];
  readonly description: string;
  readonly owner: 'care_manager' | 'member' | 'provider' | 'caregiver';
}

export interface CarePlanReferral {
  readonly id: string;
  readonly specialty: string;
  readonly reason: string;
}

export interface CarePlan {
  readonly problems: readonly CarePlanProblem[];
  readonly goals: readonly CarePlanGoal[];
  readonly interventions: readonly CarePlanIntervention[];
  readonly referrals: readonly CarePlanReferral[];
}

/**
 * Who consents to a plan: the member, or an authorised representative
 * (`representative`; `guardian` is the older name for the same thing, still
 * accepted from old clients and meaning any representative).
 */
export const CONSENTED_BY = ['member', 'representative', 'guardian'] as const;
export type ConsentedBy = (typeof CONSENTED_BY)[number];

export function consentByRepresentative(by: ConsentedBy): boolean {
  return by !== 'member';
}

/** Who took part in planning and who consented (seed 001 (B)). */
export interface PlanConsent {
  readonly consentGiven: boolean;
  readonly consentedBy: ConsentedBy;
  /**
   * The registry representative (`rep_…`) who consented, when consentedBy is a representative.
   * The API checks it against the member's record (consent_care_plan in force on the day).
   */
  readonly representativeId?: string;
  readonly memberInvolved: boolean;
  readonly familyOrGuardianInvolved: boolean;
}

/** A problem found in a plan: which field, and why. Same shape as the API's field errors. */
export interface PlanIssue {
  readonly field: string;
  readonly reason: string;
}
