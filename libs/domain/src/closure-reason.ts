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

/**
 * Reasons a case only closes with through its own flow, never by a direct
 * close (care team or supervisor): `provider_request` comes from a provider's
 * stop-participation request that a supervisor approved (seed 000; DESIGN §3.6
 * "provider requested stop (after supervisor review)").
 */
export const FLOW_ONLY_CLOSURE_REASONS = {
  provider_request:
    'provider_request closes a case only through an approved stop-participation request: the provider asks (POST /cases/:id/stop-participation-requests) and a supervisor approves it (POST /supervisor/cases/:id/stop-participation-requests/:rid/decision)',
} as const satisfies Partial<Record<ClosureReason, string>>;

export type FlowOnlyClosureReason = keyof typeof FLOW_ONLY_CLOSURE_REASONS;

/** The reasons a care team or supervisor may close a case with directly. */
export const DIRECT_CLOSURE_REASONS = CLOSURE_REASONS.filter((r): r is Exclude<ClosureReason, FlowOnlyClosureReason> => !(r in FLOW_ONLY_CLOSURE_REASONS));
export type DirectClosureReason = (typeof DIRECT_CLOSURE_REASONS)[number];

/** Why a direct close with `reason` is refused (the flow it must come from), or null when it is allowed. */
export function directClosureRefusal(reason: string): string | null {
  return Object.prototype.hasOwnProperty.call(FLOW_ONLY_CLOSURE_REASONS, reason) ? FLOW_ONLY_CLOSURE_REASONS[reason as FlowOnlyClosureReason] : null;
}
