import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type WorkflowHandle,
  type WorkflowStartOptions,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { CASE_RULE_VIOLATION, DISCHARGE_RULE_VIOLATION } from '@careloop/contracts';
import { executeUpdateWithRetry, TemporalClientService } from '@careloop/temporal';
import { ApiError } from '../common/api-error';
import { isFailedPrecondition, mapTemporalError } from './temporal-errors';
import type { WorkflowKind } from './workflow-kinds';

/** The failure types our update validators throw (PHI-free reasons): the workflow refuses the action in its current state. */
const RULE_VIOLATIONS: ReadonlySet<string> = new Set([CASE_RULE_VIOLATION, DISCHARGE_RULE_VIOLATION]);

export interface StartOnceOptions {
  readonly workflowId: string;
  readonly args: unknown[];
  /**
   * ALLOW_DUPLICATE: a closed execution's id may be started again (a case re-enrolled);
   * REJECT_DUPLICATE: one execution per id forever (a review, a complaint, a discharge).
   */
  readonly reuse: 'ALLOW_DUPLICATE' | 'REJECT_DUPLICATE';
  readonly searchAttributes?: WorkflowStartOptions['typedSearchAttributes'];
}

/**
 * The API's one door to Temporal for workflows it starts, acts on and reads
 * (issue 15). Every error becomes the same answer whatever the route:
 * - an update's validator refuses (ApplicationFailure of a rule-violation type) → 409 `case_action_rejected`, its reason;
 * - the workflow is unknown → the kind's not-found code (404);
 * - the workflow has finished → the kind's closed refusal (409 `case_closed`);
 * - Temporal unreachable → 503 `temporal_unavailable`; anything else stays a 500.
 */
@Injectable()
export class TemporalGateway {
  constructor(private readonly temporal: TemporalClientService) {}

  handle(workflowId: string): WorkflowHandle {
    return this.temporal.client.workflow.getHandle(workflowId);
  }

  /**
   * Starts the workflow unless its id is taken: true when this call started it,
   * false when an execution with that id already runs (or, under
   * REJECT_DUPLICATE, ever ran). Conflict policy FAIL rather than USE_EXISTING,
   * so the caller can answer 201 for new and 200 for existing, which `start()`
   * does not report under USE_EXISTING; the effect is the same.
   */
  async startOnce(workflowType: string, options: StartOnceOptions): Promise<boolean> {
    try {
      await this.temporal.client.workflow.start(workflowType, {
        workflowId: options.workflowId,
        taskQueue: this.temporal.config.taskQueue,
        args: options.args,
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: options.reuse,
        ...(options.searchAttributes ? { typedSearchAttributes: options.searchAttributes } : {}),
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
   * Runs an action as a workflow update. The key (the Idempotency-Key, or one
   * the caller derives) becomes the update id `<update name>:<key>`, so a
   * repeated request gets the first answer instead of acting twice; without
   * one the request still gets its own id, so the retry on a continue-as-new
   * race (executeUpdateWithRetry, same id) is safe.
   */
  async runUpdate<I, R>(kind: WorkflowKind, workflowId: string, update: UpdateDefinition<R, [I]>, input: I, key: string | undefined): Promise<R> {
    const handle = this.handle(workflowId);
    try {
      return await executeUpdateWithRetry(handle, update, input, `${update.name}:${key ?? randomUUID()}`);
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && RULE_VIOLATIONS.has(err.cause.type ?? '')) {
        throw new ApiError('case_action_rejected', err.cause.message);
      }
      if (err instanceof WorkflowNotFoundError || isFailedPrecondition(err)) {
        // Either no such workflow, or it has finished (a finished workflow takes no actions).
        throw (await this.status(workflowId)) === null ? kind.notFound(workflowId) : kind.closed(workflowId);
      }
      throw mapTemporalError(err);
    }
  }

  /** The execution's status name (RUNNING, COMPLETED, …), or null when there is none (unknown id, or gone after retention). */
  async status(workflowId: string): Promise<string | null> {
    try {
      return (await this.handle(workflowId).describe()).status.name;
    } catch {
      return null;
    }
  }

  /** Reads a workflow (describe, queries, …) with the kind's not-found answer for an unknown id. */
  async inspect<T>(kind: WorkflowKind, workflowId: string, read: (handle: WorkflowHandle) => Promise<T>): Promise<T> {
    try {
      return await read(this.handle(workflowId));
    } catch (err) {
      throw err instanceof WorkflowNotFoundError ? kind.notFound(workflowId) : mapTemporalError(err);
    }
  }

  /** Live from the workflow; once it is gone (retention), as last stored; neither → the kind's not-found answer. */
  async liveOrStored<T>(kind: WorkflowKind, workflowId: string, live: (handle: WorkflowHandle) => Promise<T>, stored: () => Promise<T | null>): Promise<T> {
    try {
      return await live(this.handle(workflowId));
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) {
        throw mapTemporalError(err);
      }
    }
    const found = await stored();
    if (found === null) {
      throw kind.notFound(workflowId);
    }
    return found;
  }
}
