import { dateFromToday } from './fixture-dates';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle, WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure, type Duration } from '@temporalio/common';
import {
  CASE_RULE_VIOLATION,
  CASE_WORKFLOW_TYPE,
  caseDetailQuery,
  proposePlanUpdate,
  recordAttemptUpdate,
  recordConsentUpdate,
  submitAssessmentUpdate,
  submitScreeningUpdate,
  type AssignmentOutcome,
  type AssignmentRequest,
  type ReassignmentOutcome,
  type ReassignmentRequest,
  type CaseDetailView,
  type CaseEvent,
  type CaseWorkflowInput,
  type NotificationRequest,
} from '@careloop/contracts';
import { createAssignmentActivities, createCaseActivities } from '@careloop/activities';
import { testWorkflowBundlePath } from './test-workflow-bundle';
import { workflowSettled } from './workflow-settled';
import { skipPastImminentTimers } from './timer-guard';
import { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from './case-fixtures';

/** The real activity factory over in-memory ports; records what would be stored (once each) and sent. */
export function fakeStores(careManagersWithCapacity: string[] = ['cm-1']) {
  const events: CaseEvent[] = [];
  const delivered: NotificationRequest[] = [];
  const assignments: AssignmentRequest[] = [];
  const assigner = {
    assign: async (req: AssignmentRequest): Promise<AssignmentOutcome> => {
      assignments.push(req);
      const id = careManagersWithCapacity[0];
      return id ? { status: 'assigned', careManagerId: id, languageMatch: true } : { status: 'no_capacity', careManagerId: null, languageMatch: false };
    },
    reassign: async (req: ReassignmentRequest): Promise<ReassignmentOutcome> =>
      careManagersWithCapacity.includes(req.toCareManagerId) || req.allowOverCap === true
        ? { status: 'reassigned', careManagerId: req.toCareManagerId }
        : { status: 'over_cap', careManagerId: null },
  };
  const caseActivities = createCaseActivities({
    caseEvents: {
      append: async (_caseId, _episodeId, batch) => {
        const fresh = batch.filter((e) => !events.some((x) => x.seq === e.seq));
        events.push(...fresh);
        return fresh.length;
      },
    },
    outbox: { isDelivered: async (key) => delivered.some((n) => n.key === key), markDelivered: async () => undefined, markFailed: async () => undefined },
    channel: { name: 'memory', deliver: async (n) => void delivered.push(n) },
  });
  return { events, delivered, assignments, activities: { ...caseActivities, ...createAssignmentActivities({ assigner }) } };
}

/** The update was refused by the workflow's validator; returns the refusal reason the API would show. */
export async function expectRefused(update: Promise<unknown>, reason: RegExp): Promise<void> {
  const err = await update.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (err as WorkflowUpdateFailedError).cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect((cause as ApplicationFailure).type).toBe(CASE_RULE_VIOLATION);
  expect(cause!.message).toMatch(reason);
}

export function isoDateDaysBefore(nowMs: number, days: number): string {
  return dateFromToday(-days, nowMs);
}

/**
 * A time skip that takes real time means time skipping is locked (e.g. the
 * test server still counts an activity of a closed run as running): fail
 * with that message rather than hang until the test's timeout.
 */
const SKIP_GUARD_MS = 20_000;
const SETTLE_AFTER_FAILURE_MS = 15_000;

async function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still waiting after ${ms} ms of real time (time skipping locked?)`)), ms);
  });
  try {
    return await Promise.race([p, guard]);
  } finally {
    clearTimeout(timer);
  }
}

export type CaseStores = ReturnType<typeof fakeStores>;
export type StartCase = (input: CaseWorkflowInput) => Promise<WorkflowHandleWithFirstExecutionRunId>;

/**
 * Drives case workflows on a time-skipping environment: one worker (real
 * activity factories over in-memory stores) per `run`, workflows that are
 * always terminated at the end (a workflow left running without its worker
 * holds back time skipping for every later test), and helpers to bring a
 * case to a phase.
 */
export function caseWorkflowHarness(getEnv: () => TestWorkflowEnvironment, name: string) {
  let counter = 0;

  async function run<T>(
    fn: (ctx: { start: (input: CaseWorkflowInput) => Promise<WorkflowHandleWithFirstExecutionRunId>; stores: ReturnType<typeof fakeStores> }) => Promise<T>,
    careManagersWithCapacity?: string[],
  ) {
    const stores = fakeStores(careManagersWithCapacity);
    const taskQueue = `${name}-${++counter}`;
    const worker = await Worker.create({
      connection: getEnv().nativeConnection,
      taskQueue,
      workflowBundle: { codePath: testWorkflowBundlePath() },
      activities: stores.activities,
    });
    const started: WorkflowHandle[] = [];
    const start = async (input: CaseWorkflowInput) => {
      const handle = await getEnv().client.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: `case-ccm-${name}-${counter}`, taskQueue, args: [input] });
      started.push(handle);
      return settling(handle);
    };
    // A workflow left running without its worker would hold back time skipping for every later test;
    // so would one terminated with an activity in flight (the test server never releases that lock).
    // So: let running workflows finish their outbox while the worker still runs, then terminate them.
    // Bounded: after a failure (e.g. a stranded workflow task) settling may never succeed, and a
    // harness still polling when the file's environment is torn down crashes the jest process.
    const settle = async () => {
      for (const handle of started) {
        const { status } = await handle.describe();
        if (status.name === 'RUNNING') {
          await until(handle, (v) => v.outboxBacklog === 0).catch(() => undefined);
        }
      }
    };
    try {
      return await worker.runUntil(async () => {
        let failed = false;
        try {
          return await fn({ start, stores });
        } catch (err) {
          failed = true;
          throw err;
        } finally {
          if (!failed) {
            await settle();
          } else {
            await within(SETTLE_AFTER_FAILURE_MS, 'settling after a failure', settle()).catch(() => undefined);
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
   * Waits until the current run has no workflow task and no activity pending
   * (seen twice in a row). Only then is it safe to query: the time-skipping
   * test server mishandles a query that arrives while the workflow task that
   * continues as new is pending (the old run's close is never written, the
   * query never answered and time skipping stays locked; sdk-java#1538).
   */
  async function settled(handle: WorkflowHandle): Promise<void> {
    await workflowSettled(getEnv().client, handle.workflowId);
  }

  /**
   * The handle the tests use: every update, query and signal first waits
   * until the workflow is settled (see `settled`), as a care team would not
   * act within milliseconds of the previous action.
   */
  function settling<H extends WorkflowHandle>(handle: H): H {
    return new Proxy(handle, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') {
          return value;
        }
        if (prop === 'executeUpdate' || prop === 'query' || prop === 'signal') {
          return async (...args: unknown[]) => {
            await settled(target);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  }

  /** Polls the case's state in real time (no time skipping): for what the workflow does at once. */
  async function until(handle: WorkflowHandle, predicate: (v: CaseDetailView) => boolean): Promise<CaseDetailView> {
    for (let i = 0; i < 400; i++) {
      await settled(handle);
      const view = await handle.query(caseDetailQuery);
      if (predicate(view)) {
        return view;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`state not reached: ${JSON.stringify(await handle.query(caseDetailQuery))}`);
  }

  /**
   * Lets workflow time pass, once the outbox is written: skipping time while
   * an activity runs would time it out (and retry it) on the test server.
   */
  async function skip(handle: WorkflowHandle, duration: Duration): Promise<void> {
    await until(handle, (v) => v.outboxBacklog === 0);
    await within(SKIP_GUARD_MS, `skipping ${String(duration)}`, getEnv().sleep(duration));
    await settled(handle);
    await within(SKIP_GUARD_MS, 'skipping past imminent timers', skipPastImminentTimers(getEnv(), handle, () => settled(handle)));
  }

  async function reachAndScreen(handle: WorkflowHandle, attempts = 1): Promise<void> {
    for (let n = 1; n <= attempts; n++) {
      if (n > 1) {
        await skip(handle, n === 2 ? '7 days' : '14 days'); // the default policy's attempt spacing
      }
      await until(handle, (v) => v.attempts.length === n);
      const outcome = n === attempts ? 'reached' : 'no_answer';
      await handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: n, outcome, actorId: 'cm-1' }] });
    }
    await handle.executeUpdate(submitScreeningUpdate, { args: [{ answers: screeningAnswers, actorId: 'cm-1' }] });
  }

  /** Reached, screened, assessed low risk, plan version 1 consented: recovery support, step 1. */
  async function intoRecoverySupport(handle: WorkflowHandle, today: string): Promise<void> {
    await reachAndScreen(handle);
    await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers('low'), actorId: 'cm-1' }] });
    await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(today), actorId: 'cm-1' }] });
    await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 1, consent: memberConsent, actorId: 'cm-1' }] });
  }

  return { run, until, skip, reachAndScreen, intoRecoverySupport };
}
