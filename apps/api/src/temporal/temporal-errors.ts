import { status } from '@grpc/grpc-js';
import { isGrpcServiceError } from '@temporalio/client';
import { ApiError } from '../common/api-error';

/** The gRPC statuses the API reads from Temporal, by name (never as bare numbers). */
export const GRPC_STATUS = status;

/** Temporal unreachable (or too slow) → 503 the caller can retry; anything else is returned unchanged (a 500 if nobody maps it). */
export function mapTemporalError(err: unknown): unknown {
  if (isGrpcServiceError(err) && (err.code === status.UNAVAILABLE || err.code === status.DEADLINE_EXCEEDED)) {
    return new ApiError('temporal_unavailable', 'The workflow service did not answer; retry shortly.');
  }
  return err;
}

/**
 * An update the server refused because the execution cannot take it
 * (FAILED_PRECONDITION, e.g. "workflow execution already completed" once
 * executeUpdateWithRetry's repeats are spent): nothing was applied.
 */
export function isFailedPrecondition(err: unknown): boolean {
  const cause = (err as { cause?: unknown }).cause;
  return (isGrpcServiceError(err) && err.code === status.FAILED_PRECONDITION) || (isGrpcServiceError(cause) && cause.code === status.FAILED_PRECONDITION);
}
