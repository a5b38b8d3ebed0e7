import type { AssignmentOutcome, AssignmentRequest, ReassignmentOutcome, ReassignmentRequest } from '@careloop/contracts';

/** Port: picks a care manager within the cap, idempotently per case episode. */
export interface CareManagerAssigner {
  assign(request: AssignmentRequest): Promise<AssignmentOutcome>;
  reassign(request: ReassignmentRequest): Promise<ReassignmentOutcome>;
}

export function createAssignmentActivities({ assigner }: { readonly assigner: CareManagerAssigner }) {
  return {
    /** Safe to retry: a second call for the same case episode returns the first assignment. */
    async assignCareManager(request: AssignmentRequest): Promise<AssignmentOutcome> {
      return assigner.assign(request);
    },
    /** Idempotent: reassigning to the current care manager answers `already_assigned`. */
    async reassignCareManager(request: ReassignmentRequest): Promise<ReassignmentOutcome> {
      return assigner.reassign(request);
    },
  };
}

export type AssignmentActivities = ReturnType<typeof createAssignmentActivities>;
