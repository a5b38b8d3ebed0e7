import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { CASE_RULE_VIOLATION, type ErrorCode } from '@careloop/contracts';
import { executeUpdateWithRetry, type TemporalClientService } from '@careloop/temporal';
import { ApiError } from './api-error';
import { mapTemporalError } from './temporal-error';

/**
 * Starts a review or complaint workflow under an id derived from the
 * request key: the first request creates it (201), a repeat finds it (200).
 * REJECT_DUPLICATE keeps a finished one from being started again.
 */
export async function startOnce(temporal: TemporalClientService, type: string, workflowId: string, args: unknown[], options: { taskQueue: string; searchAttributes: Parameters<TemporalClientService['client']['workflow']['start']>[1]['typedSearchAttributes'] }): Promise<boolean> {
  try {
    await temporal.client.workflow.start(type, {
      workflowId,
      taskQueue: options.taskQueue,
      args,
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: options.searchAttributes,
    });
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      return false;
    }
    throw mapTemporalError(err);
  }
}

/**
 * Runs an action on a review or complaint as a workflow update (the
 * Idempotency-Key becomes the update id). A refusal by the validator is a
 * 409 with its reason; an unknown id a 404; a finished workflow a 409.
 */
export async function actOn<I, R>(handle: WorkflowHandle, update: UpdateDefinition<R, [I]>, input: I, key: string | undefined, notFound: ErrorCode, what: string): Promise<R> {
  try {
    return await executeUpdateWithRetry(handle, update, input, `${update.name}:${key ?? randomUUID()}`);
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === CASE_RULE_VIOLATION) {
      throw new ApiError('action_rejected', err.cause.message);
    }
    if (err instanceof WorkflowNotFoundError || (err as { cause?: { code?: number } }).cause?.code === 9) {
      const exists = await handle.describe().then(
        () => true,
        () => false,
      );
      throw exists ? new ApiError('action_rejected', `${what} ${handle.workflowId} is closed; it takes no further actions.`) : new ApiError(notFound, `No ${what} with id ${handle.workflowId}.`);
    }
    throw mapTemporalError(err);
  }
}

/** A review's or complaint's state: live from its workflow, else as last stored (the workflow is gone after retention). */
export async function liveOrStored<T>(live: () => Promise<T>, stored: () => Promise<T | null>, notFound: ApiError): Promise<T> {
  try {
    return await live();
  } catch (err) {
    if (!(err instanceof WorkflowNotFoundError)) {
      throw mapTemporalError(err);
    }
  }
  const found = await stored();
  if (found === null) {
    throw notFound;
  }
  return found;
}

/** The request key: the Idempotency-Key header, else the body's client request id, else a fresh one (no de-duplication). */
export function requestKey(header: string | undefined, clientRequestId: string | undefined): string {
  return header ?? clientRequestId ?? randomUUID();
}
