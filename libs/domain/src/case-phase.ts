/**
 * The phases of a care case. This list is the single source of truth: the
 * workflow, the API, the read model and the docs' state diagram all derive
 * from it, and every table keyed by phase is typed `Record<CasePhase, …>` so
 * adding a phase fails to compile until each table handles it.
 */
export const CASE_PHASES = [
  'enrolled',
  'screening',
  'assessment',
  'care_planning',
  'recovery_support',
  'closed',
] as const;

export type CasePhase = (typeof CASE_PHASES)[number];

/** Phases a case may move to from each phase. `closed` is final. */
export const CASE_PHASE_TRANSITIONS: Record<CasePhase, readonly CasePhase[]> = {
  enrolled: ['screening', 'closed'],
  screening: ['assessment', 'closed'],
  assessment: ['care_planning', 'closed'],
  care_planning: ['recovery_support', 'closed'],
  recovery_support: ['care_planning', 'closed'],
  closed: [],
};

export function isCasePhase(value: unknown): value is CasePhase {
  return typeof value === 'string' && (CASE_PHASES as readonly string[]).includes(value);
}

export function canTransition(from: CasePhase, to: CasePhase): boolean {
  return CASE_PHASE_TRANSITIONS[from].includes(to);
}
