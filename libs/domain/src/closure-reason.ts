/** Why a case closed (DESIGN.md §3.6). A closed case is final. */
export const CLOSURE_REASONS = [
  'goals_met',
  'member_declined',
  'member_opted_out',
  'provider_request',
  'unable_to_reach',
  'disenrolled',
  'deceased',
  'transferred',
] as const;

export type ClosureReason = (typeof CLOSURE_REASONS)[number];
