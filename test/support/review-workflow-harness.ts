import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { resolveReviewPolicy, type PolicyOverrides } from '@careloop/domain';
import { CASE_WORKFLOW_TYPE, reviewBacklogQuery, type ComplaintRecord, type NotificationRequest, type UtilizationReviewRecord } from '@careloop/contracts';
import { createReviewActivities } from '@careloop/activities';
import { testWorkflowBundlePath } from './test-workflow-bundle';
import { fakeStores } from './case-workflow-harness';
import { workflowSettled } from './workflow-settled';
import { skipPastImminentTimers } from './timer-guard';

/** Review policy from the seed defaults, with optional overrides (as in the policy file's `reviews` entry). */
export function reviewPolicy(overrides?: PolicyOverrides) {
  return resolveReviewPolicy(overrides ? { version: 'test', overrides } : undefined);
}

/** The real review activity factory over in-memory ports: every saved version and every notice, once each. */
export function fakeReviewStores() {
  const reviews = new Map<string, UtilizationReviewRecord[]>();
  const complaints = new Map<string, ComplaintRecord[]>();
  const delivered: NotificationRequest[] = [];
  const queued = new Set<string>();
  const activities = createReviewActivities({
    reviews: {
      saveUtilizationReview: async (id, r) => void reviews.set(id, [...(reviews.get(id) ?? []), r]),
      saveComplaint: async (id, r) => void complaints.set(id, [...(complaints.get(id) ?? []), r]),
    },
    outbox: {
      enqueue: async (n) => void queued.add(n.key),
      isDelivered: async (key) => delivered.some((n) => n.key === key),
      markDelivered: async () => undefined,
      markFailed: async () => undefined,
    },
    channel: { name: 'memory', deliver: async (n) => void delivered.push(n) },
  });
  return { reviews, complaints, delivered, queued, activities };
}

/**
 * Runs review and complaint workflows (and cases to link them to) on the
 * time-skipping server: one worker with the case and review activities
 * over in-memory stores; every workflow it started is terminated at the end.
 */
export function reviewWorkflowHarness(getEnv: () => TestWorkflowEnvironment, name: string) {
  let counter = 0;

  async function run<T>(fn: (ctx: { start: StartWorkflow; stores: ReturnType<typeof fakeReviewStores>; caseStores: ReturnType<typeof fakeStores> }) => Promise<T>) {
    const stores = fakeReviewStores();
    const caseStores = fakeStores();
    const taskQueue = `${name}-${++counter}`;
    const worker = await Worker.create({
      connection: getEnv().nativeConnection,
      taskQueue,
      workflowBundle: { codePath: testWorkflowBundlePath() },
      activities: { ...caseStores.activities, ...stores.activities },
    });
    const started: WorkflowHandle[] = [];
    const start: StartWorkflow = async (type, workflowId, input) => {
      const handle = await getEnv().client.workflow.start(type, { workflowId: `${workflowId}-${name}-${counter}`, taskQueue, args: [input] });
      started.push(handle);
      await settled(handle);
      return handle;
    };
    try {
      return await worker.runUntil(async () => {
        try {
          return await fn({ start, stores, caseStores });
        } finally {
          for (const handle of started) {
            await settled(handle);
          }
        }
      });
    } finally {
      for (const handle of started) {
        await handle.terminate('test finished').catch(() => undefined);
      }
    }
  }

  /**
   * Until no workflow task and no activity is pending (seen twice) and a
   * review's effects are all done: safe to query, act, or skip time.
   */
  async function settled(handle: WorkflowHandle): Promise<void> {
    await workflowSettled(getEnv().client, handle.workflowId, async (type) => type !== CASE_WORKFLOW_TYPE && (await handle.query(reviewBacklogQuery)) > 0);
  }

  /** Lets workflow time pass once nothing is in flight (an activity running across a skip would time out). */
  async function skip(handle: WorkflowHandle, duration: Duration): Promise<void> {
    await settled(handle);
    await getEnv().sleep(duration);
    await settled(handle);
    await skipPastImminentTimers(getEnv(), handle, () => settled(handle));
  }

  return { run, settled, skip };
}

type StartWorkflow = (type: string, workflowId: string, input: unknown) => Promise<WorkflowHandle>;
