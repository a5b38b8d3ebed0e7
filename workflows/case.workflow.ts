import { condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CasePhase, ClosureReason } from '@careloop/domain';
import {
  caseStateQuery,
  SA_NEXT_DUE_AT,
  SA_PHASE,
  type CaseWorkflowInput,
  type CaseWorkflowResult,
} from '@careloop/contracts';
import type { CaseActivities } from '@careloop/activities';
import { CaseState } from './case.state';
import { workflowNow } from './workflow-time';

/**
 * Persistence activities retry with backoff until they succeed: a Postgres
 * outage delays the case, it never loses a record (the writes are idempotent).
 */
const persistence = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** One care case of one member in one program, from enrollment to closure. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowResult> {
  const { workflowId, runId } = workflowInfo();
  const state = new CaseState(workflowId, input);
  setHandler(caseStateQuery, () => state.view());

  await persistence.recordCaseOpened(state.openedRecord(runId, workflowNow()));

  await enter(state, 'screening', runId);
  upsertSearchAttributes([{ key: SA_NEXT_DUE_AT, value: state.screeningDueAt }]);
  // Outreach attempts and screening answers arrive with the lifecycle work;
  // until then a case that nobody screens closes at the deadline, which runs
  // from the enrollment date (seed 002 §5.1.1).
  const remainingMs = state.msUntilScreeningDeadline(workflowNow().getTime());
  const screened = remainingMs > 0 && (await condition(() => state.isClosed, remainingMs));
  if (!screened) {
    await close(state, 'unable_to_reach', runId);
  }
  return state.result();
}

async function enter(state: CaseState, phase: CasePhase, runId: string): Promise<void> {
  const change = state.moveTo(phase, runId, workflowNow());
  upsertSearchAttributes([{ key: SA_PHASE, value: phase }]);
  await persistence.recordPhaseChange(change);
}

async function close(state: CaseState, reason: ClosureReason, runId: string): Promise<void> {
  const change = state.close(reason, runId, workflowNow());
  upsertSearchAttributes([
    { key: SA_PHASE, value: 'closed' },
    { key: SA_NEXT_DUE_AT, value: null },
  ]);
  await persistence.recordPhaseChange(change);
}
