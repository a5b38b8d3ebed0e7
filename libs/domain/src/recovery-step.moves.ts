import { RECOVERY_STEPS, type RecoveryStep } from './recovery-step';

/**
 * How a case moves between the nine recovery-support steps (seed 003): the
 * step transition table, beside the phase table (`CASE_PHASE_TRANSITIONS`).
 * Each move names what causes it, where it may come from and the step it
 * enters. The workflow enters a step only through `stepAfter` (an illegal
 * move is a bug, not a refusal); the docs' diagram is drawn from this table.
 *
 * `from: 'any'` is honest, not lazy: the care team records interventions,
 * provider reports, progress, contacts and plan revisions whenever they
 * happen, in whatever step the case is; what gates them is an open task
 * (e.g. a contact needs the member's agreement first), not the step.
 * `null` is "not yet in recovery support".
 */
export type RecoveryStepMove =
  | { readonly to: RecoveryStep; readonly from: readonly (RecoveryStep | null)[]; readonly label: string }
  | {
      readonly to: RecoveryStep;
      readonly from: 'any';
      readonly label: string;
      /** The step it usually follows in seed 003's loop: where the diagram draws it from. */
      readonly usually: RecoveryStep;
    };

export const RECOVERY_STEP_MOVES = {
  /** Consent makes the first plan active: recovery support starts at step 1. */
  plan_active: { to: 'recovery_plan', from: [null], label: 'plan active' },
  /** The active (or revised) plan goes to the member for discussion (step 2). */
  plan_to_member: { to: 'member_discussion', from: ['recovery_plan', 'member_discussion'], label: 'to the member' },
  member_agrees: { to: 'support_and_assistance', from: 'any', usually: 'member_discussion', label: 'agrees' },
  member_concerns: { to: 'recovery_plan', from: 'any', usually: 'member_discussion', label: 'concerns' },
  contact_recorded: { to: 'support_and_assistance', from: 'any', usually: 'regular_updates', label: 'next contact' },
  intervention_recorded: { to: 'intervention', from: 'any', usually: 'support_and_assistance', label: 'intervention' },
  provider_report: { to: 'reporting', from: 'any', usually: 'intervention', label: 'provider report' },
  progress_recorded: { to: 'monitoring', from: 'any', usually: 'reporting', label: 'progress' },
  behind_expected_course: { to: 'additional_information', from: ['monitoring'], label: 'behind expected course' },
  supplemental_info_received: { to: 'adjustments', from: 'any', usually: 'additional_information', label: 'information received' },
  plan_adjusted: { to: 'adjustments', from: 'any', usually: 'monitoring', label: 'plan revised' },
  committee_update_due: { to: 'regular_updates', from: 'any', usually: 'adjustments', label: 'committee update' },
} as const satisfies Record<string, RecoveryStepMove>;

export type RecoveryStepMoveName = keyof typeof RECOVERY_STEP_MOVES;

export const RECOVERY_STEP_MOVE_NAMES = Object.keys(RECOVERY_STEP_MOVES) as RecoveryStepMoveName[];

function allowedFrom(move: RecoveryStepMove, from: RecoveryStep | null): boolean {
  return move.from === 'any' ? from !== null : move.from.includes(from);
}

/** The step `move` enters from `from`; a RangeError when the table has no such move (a workflow bug). */
export function stepAfter(from: RecoveryStep | null, move: RecoveryStepMoveName): RecoveryStep {
  const m: RecoveryStepMove = RECOVERY_STEP_MOVES[move];
  if (!allowedFrom(m, from)) {
    throw new RangeError(`illegal recovery step move ${move} from ${from ?? 'none'}`);
  }
  return m.to;
}

/** Whether some move enters `to` from `from`. */
export function canEnterStep(from: RecoveryStep | null, to: RecoveryStep): boolean {
  return Object.values(RECOVERY_STEP_MOVES).some((m: RecoveryStepMove) => m.to === to && allowedFrom(m, from));
}

/** Steps reachable from each step in one move (derived from the moves). */
export const RECOVERY_STEP_TRANSITIONS: Record<RecoveryStep, readonly RecoveryStep[]> = Object.fromEntries(
  RECOVERY_STEPS.map((from) => [from, RECOVERY_STEPS.filter((to) => canEnterStep(from, to))]),
) as unknown as Record<RecoveryStep, readonly RecoveryStep[]>;

/**
 * The care team's answers that move the case, with the move each makes: the
 * API validates the answer against these keys, the workflow makes the move,
 * so a new answer needs a move (and the diagram shows it).
 */
export const MEMBER_DISCUSSION_MOVES = { agrees: 'member_agrees', concerns: 'member_concerns' } as const satisfies Record<string, RecoveryStepMoveName>;
export type MemberDiscussionOutcome = keyof typeof MEMBER_DISCUSSION_MOVES;
export const MEMBER_DISCUSSION_OUTCOMES = Object.keys(MEMBER_DISCUSSION_MOVES) as MemberDiscussionOutcome[];

/** A periodic plan review: `continue` keeps the step, `revise` adjusts the plan (step 7). */
export const PLAN_REVIEW_MOVES = { continue: null, revise: 'plan_adjusted' } as const satisfies Record<string, RecoveryStepMoveName | null>;
export type PlanReviewOutcome = keyof typeof PLAN_REVIEW_MOVES;
export const PLAN_REVIEW_OUTCOMES = Object.keys(PLAN_REVIEW_MOVES) as PlanReviewOutcome[];
