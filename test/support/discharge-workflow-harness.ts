import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { DEFAULT_TRANSITION_OF_CARE_POLICY, type DischargeEvent, type TransitionOfCarePolicy } from '@careloop/domain';
import {
  DISCHARGE_WORKFLOW_TYPE,
  dischargeStatusQuery,
  dischargeWorkflowId,
  type DischargeStatusView,
  type DischargeWorkflowInput,
  type NotificationRequest,
} from '@careloop/contracts';
import type { DischargeActivities, EnsureCaseInput } from '@careloop/activities';
import { testWorkflowBundlePath } from './test-workflow-bundle';
import { workflowSettled } from './workflow-settled';
import { skipPastImminentTimers } from './timer-guard';
import { caseInput } from './case-fixtures';
import { fakeStores } from './case-workflow-harness';

/** Typed activity mocks of discharge planning: record what was ensured and sent (once per key). */
export function dischargeMocks(ensure?: (input: EnsureCaseInput) => Promise<{ started: boolean }>) {
  const ensured: EnsureCaseInput[] = [];
  const sent: NotificationRequest[] = [];
  const activities: DischargeActivities = {
    ensureCaseWithDischarge: async (input) => {
      ensured.push(input);
      return ensure ? ensure(input) : { started: true };
    },
    sendTransitionNotification: async (n) => {
      if (!sent.some((x) => x.key === n.key)) sent.push(n);
    },
  };
  return { ensured, sent, activities };
}

export function dischargeEvent(dischargedAt: string, patch: Partial<DischargeEvent> = {}): DischargeEvent {
  return {
    format: 'json',
    source: 'GENHOSP-ADT',
    sourceEventId: `evt-${dischargedAt}`,
    memberRef: 'M-TEST-1',
    programCode: 'CCM',
    dischargedAt,
    facility: { id: 'GENHOSP', name: 'General Hospital' },
    disposition: 'home',
    pcpId: null,
    ...patch,
  };
}

export function dischargeInput(event: DischargeEvent, caseId: string, policy: Partial<TransitionOfCarePolicy> = {}): DischargeWorkflowInput {
  const start = caseInput(event.dischargedAt.slice(0, 10), undefined, event.memberRef);
  return {
    event,
    caseId,
    caseStart: { ...start, startReason: 'discharge' },
    policy: { ...DEFAULT_TRANSITION_OF_CARE_POLICY, ...policy },
    policyVersion: 'CCM@test',
  };
}

/**
 * Runs discharge workflows on the time-skipping server with one worker per
 * `run` (discharge mocks plus the real case activities over in-memory stores,
 * for tests that start a real case), terminating whatever is left running.
 */
export function dischargeWorkflowHarness(getEnv: () => TestWorkflowEnvironment, name: string) {
  let counter = 0;

  async function run<T>(
    mocks: ReturnType<typeof dischargeMocks>,
    fn: (ctx: { start: (input: DischargeWorkflowInput) => Promise<WorkflowHandle>; taskQueue: string; caseStores: ReturnType<typeof fakeStores> }) => Promise<T>,
  ): Promise<T> {
    const caseStores = fakeStores();
    const taskQueue = `${name}-${++counter}`;
    const worker = await Worker.create({
      connection: getEnv().nativeConnection,
      taskQueue,
      workflowBundle: { codePath: testWorkflowBundlePath() },
      activities: { ...caseStores.activities, ...mocks.activities },
    });
    const started: WorkflowHandle[] = [];
    const start = async (input: DischargeWorkflowInput) => {
      const workflowId = dischargeWorkflowId({ clientId: 'integration:test-feed', source: input.event.source, sourceEventId: `${input.event.sourceEventId}-${counter}` }, 'test-secret-0123456789');
      const handle = await getEnv().client.workflow.start(DISCHARGE_WORKFLOW_TYPE, { workflowId, taskQueue, args: [input] });
      started.push(handle);
      return handle;
    };
    // Terminating a workflow with a command in flight (activity, signal to another workflow) leaves the
    // test server's time skipping locked for every later test: let each settle while the worker runs.
    const settleAll = async () => {
      for (const handle of started) {
        await settled(handle);
        await new Promise((r) => setTimeout(r, 200));
        await settled(handle);
      }
    };
    try {
      return await worker.runUntil(async () => {
        try {
          return await fn({ start, taskQueue, caseStores });
        } finally {
          await settleAll();
        }
      });
    } finally {
      for (const handle of started) {
        await handle.terminate('test finished').catch(() => undefined);
      }
    }
  }

  const settled = (handle: WorkflowHandle) => workflowSettled(getEnv().client, handle.workflowId);

  /** The workflow's status once settled and past `ready` (by default: the case is ensured), polled in real time. */
  async function status(handle: WorkflowHandle, ready: (v: DischargeStatusView) => boolean = (v) => v.status !== 'ensuring_case'): Promise<DischargeStatusView> {
    for (let i = 0; i < 200; i++) {
      await settled(handle);
      const view = await handle.query(dischargeStatusQuery);
      if (ready(view)) return view;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`discharge state not reached: ${JSON.stringify(await handle.query(dischargeStatusQuery))}`);
  }

  /** Lets workflow time pass (timers fire on the way), then waits for the workflow to settle. */
  async function skip(handle: WorkflowHandle, duration: Duration): Promise<void> {
    await settled(handle);
    await getEnv().sleep(duration);
    await settled(handle);
    await skipPastImminentTimers(getEnv(), handle, () => settled(handle));
  }

  return { run, status, skip, settled };
}
