/**
 * Care-manager assignment, shared by the workflow (asks), the activity
 * (passes on) and the persistence repository (decides).
 */
export interface AssignmentRequest {
  readonly caseId: string;
  readonly episodeId: string;
  readonly riskTier: string;
  readonly preferredLanguage: string | null;
  /** The program policy's cap; a person's own caseload cap wins. */
  readonly caseloadCap: number;
  readonly at: string;
}

export type AssignmentOutcome =
  | { readonly status: 'assigned' | 'already_assigned'; readonly careManagerId: string; readonly languageMatch: boolean }
  | { readonly status: 'no_capacity'; readonly careManagerId: null; readonly languageMatch: false };

export interface ReassignmentRequest {
  readonly caseId: string;
  readonly episodeId: string;
  readonly toCareManagerId: string;
  readonly riskTier: string;
  readonly caseloadCap: number;
  readonly at: string;
  /** A supervisor's override of the cap (with a reason, audited); never set by the workflow itself. */
  readonly allowOverCap?: boolean;
}

export type ReassignmentOutcome =
  | { readonly status: 'reassigned' | 'already_assigned'; readonly careManagerId: string }
  | { readonly status: 'over_cap' | 'not_a_care_manager'; readonly careManagerId: null };
