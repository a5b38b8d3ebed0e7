import { ApiError, caseNotFound } from '../common/api-error';

/**
 * What the API answers about one kind of workflow it does not find: unknown
 * (the caller's not-found code, 404) or finished (the closed refusal, 409
 * `case_closed`). The refusal of a validator is the same for every kind
 * (`case_action_rejected`, TemporalGateway.runUpdate).
 */
export interface WorkflowKind {
  readonly notFound: (id: string) => ApiError;
  readonly closed: (id: string) => ApiError;
}

export const CASE: WorkflowKind = {
  notFound: caseNotFound,
  closed: (id) => new ApiError('case_closed', `Case ${id} is closed; it takes no further actions.`),
};

export const UTILIZATION_REVIEW: WorkflowKind = {
  notFound: (id) => new ApiError('review_not_found', `No utilization review with id ${id}.`),
  closed: (id) => new ApiError('case_closed', `Utilization review ${id} is closed; it takes no further actions.`),
};

export const COMPLAINT: WorkflowKind = {
  notFound: (id) => new ApiError('complaint_not_found', `No complaint with id ${id}.`),
  closed: (id) => new ApiError('case_closed', `Complaint ${id} is closed; it takes no further actions.`),
};

export const DISCHARGE: WorkflowKind = {
  notFound: (id) => new ApiError('discharge_not_found', `No discharge with id ${id}.`),
  closed: (id) => new ApiError('case_closed', `Discharge ${id} has ended: every task is done or escalated.`),
};
