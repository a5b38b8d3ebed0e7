import { Injectable } from '@nestjs/common';
import {
  completeTransitionTaskUpdate,
  dischargeStatusQuery,
  type CompleteTransitionTaskInput,
  type DischargeStatusView,
  type TransitionTaskView,
} from '@careloop/contracts';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { DISCHARGE } from '../temporal/workflow-kinds';

/** Reads and acts on discharge workflows (GET /discharges/:id, task completion). */
@Injectable()
export class DischargesService {
  constructor(private readonly temporal: TemporalGateway) {}

  /** The tasks and their state, from the workflow (a finished workflow still answers: its history is replayed). */
  get(dischargeId: string): Promise<DischargeStatusView & { workflowStatus: string }> {
    return this.temporal.inspect(DISCHARGE, dischargeId, async (handle) => {
      const [description, view] = await Promise.all([handle.describe(), handle.query(dischargeStatusQuery)]);
      return { ...view, workflowStatus: description.status.name };
    });
  }

  /** An update with a validator: an unknown or done task is refused before it touches history. Idempotency-Key = update id. */
  completeTask(dischargeId: string, input: CompleteTransitionTaskInput, idempotencyKey: string | undefined): Promise<TransitionTaskView> {
    return this.temporal.runUpdate(DISCHARGE, dischargeId, completeTransitionTaskUpdate, input, idempotencyKey);
  }
}
