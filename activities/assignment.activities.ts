/** Request and outcome of a care-manager assignment (see CareManagerAssignmentRepository). */
export interface AssignmentRequest {
  readonly caseId: string;
  readonly episodeId: string;
  readonly riskTier: string;
  readonly preferredLanguage: string | null;
  readonly caseloadCap: number;
  readonly at: string;
}

export type AssignmentOutcome =
  | { readonly status: 'assigned' | 'already_assigned'; readonly careManagerId: string; readonly languageMatch: boolean }
  | { readonly status: 'no_capacity'; readonly careManagerId: null; readonly languageMatch: false };

/** Port: picks a care manager within the cap, idempotently per case episode. */
export interface CareManagerAssigner {
  assign(request: AssignmentRequest): Promise<AssignmentOutcome>;
}

export function createAssignmentActivities({ assigner }: { readonly assigner: CareManagerAssigner }) {
  return {
    /** Safe to retry: a second call for the same case episode returns the first assignment. */
    async assignCareManager(request: AssignmentRequest): Promise<AssignmentOutcome> {
      return assigner.assign(request);
    },
  };
}

export type AssignmentActivities = ReturnType<typeof createAssignmentActivities>;
