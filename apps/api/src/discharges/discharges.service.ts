import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  completeTransitionTaskUpdate,
  DISCHARGE_RULE_VIOLATION,
  dischargeStatusQuery,
  type CompleteTransitionTaskInput,
  type DischargeStatusView,
  type TransitionTaskView,
} from '@careloop/contracts';
import { executeUpdateWithRetry, TemporalClientService } from '@careloop/temporal';
import { ApiError } from '../common/api-error';
import { mapTemporalError } from '../common/temporal-error';

/** Reads and acts on discharge workflows (GET /discharges/:id, task completion). */
@Injectable()
export class DischargesService {
  constructor(private readonly temporal: TemporalClientService) {}

  /** The tasks and their state, from the workflow (a finished workflow still answers: its history is replayed). */
  async get(dischargeId: string): Promise<DischargeStatusView & { workflowStatus: string }> {
    const handle = this.temporal.client.workflow.getHandle(dischargeId);
    try {
      const [description, view] = await Promise.all([handle.describe(), handle.query(dischargeStatusQuery)]);
      return { ...view, workflowStatus: description.status.name };
    } catch (err) {
      throw this.mapError(err, dischargeId);
    }
  }

  /** An update with a validator: an unknown or done task is refused before it touches history. Idempotency-Key = update id. */
  async completeTask(dischargeId: string, input: CompleteTransitionTaskInput, idempotencyKey: string | undefined): Promise<TransitionTaskView> {
    const handle = this.temporal.client.workflow.getHandle(dischargeId);
    try {
      return await executeUpdateWithRetry(handle, completeTransitionTaskUpdate, input, `${completeTransitionTaskUpdate.name}:${idempotencyKey ?? randomUUID()}`);
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === DISCHARGE_RULE_VIOLATION) {
        throw new ApiError('discharge_action_rejected', err.cause.message);
      }
      if (err instanceof WorkflowNotFoundError) {
        const exists = await handle.describe().then(
          () => true,
          () => false,
        );
        throw exists
          ? new ApiError('discharge_action_rejected', `Discharge ${dischargeId} has ended: every task is done or escalated.`)
          : new ApiError('discharge_not_found', `No discharge with id ${dischargeId}.`);
      }
      throw this.mapError(err, dischargeId);
    }
  }

  private mapError(err: unknown, dischargeId: string): unknown {
    if (err instanceof WorkflowNotFoundError) {
      return new ApiError('discharge_not_found', `No discharge with id ${dischargeId}.`);
    }
    return mapTemporalError(err);
  }
}
