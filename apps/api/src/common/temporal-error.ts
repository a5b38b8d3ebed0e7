import { isGrpcServiceError, WorkflowNotFoundError } from '@temporalio/client';
import { ApiError, caseNotFound } from './api-error';

/** Unknown case → 404; Temporal unreachable → 503 the caller can retry; anything else stays a 500. */
export function mapTemporalError(err: unknown, caseId?: string): unknown {
  if (caseId && err instanceof WorkflowNotFoundError) {
    return caseNotFound(caseId);
  }
  if (isGrpcServiceError(err) && [14 /* UNAVAILABLE */, 4 /* DEADLINE_EXCEEDED */].includes(err.code)) {
    return new ApiError('temporal_unavailable', 'The workflow service did not answer; retry shortly.');
  }
  return err;
}
