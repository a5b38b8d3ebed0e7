import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_CASE_POLICY, daysToMs } from '@careloop/domain';
import { CASE_WORKFLOW_TYPE, SA_NEXT_DUE_AT, SA_PHASE, caseStateQuery, type CaseWorkflowInput, type CaseWorkflowResult } from '@careloop/contracts';
import { createCaseActivities, type CaseOpenedRecord, type CasePhaseChange, type CaseRecordStore } from '@careloop/activities';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { testWorkflowBundlePath } from '../support/test-workflow-bundle';
import { maybeRecordHistory } from '../support/replay-histories';

/** The real activity factory over an in-memory store: typed by the same port Postgres implements. */
function inMemoryCaseRecords() {
  const opened: CaseOpenedRecord[] = [];
  const changes: CasePhaseChange[] = [];
  const store: CaseRecordStore = {
    upsertOpened: async (r) => void opened.push(r),
    applyPhaseChange: async (c) => void changes.push(c),
  };
  return { opened, changes, activities: createCaseActivities({ caseRecords: store }) };
}

/** UTC calendar date `days` before the given instant. */
function dateDaysBefore(nowMs: number, days: number): string {
  return new Date(nowMs - daysToMs(days)).toISOString().slice(0, 10);
}

describe('case workflow: the 90-day screening deadline (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function withWorker<T>(taskQueue: string, activities: object, fn: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: { codePath: testWorkflowBundlePath() },
      activities,
    });
    return worker.runUntil(fn);
  }

  it('runs the deadline from the enrollment date, not the start date, and closes unable_to_reach', async () => {
    const { opened, changes, activities } = inMemoryCaseRecords();
    const taskQueue = 'deadline-from-enrollment';
    const startedAt = await env.currentTimeMs();
    // Enrolled 30 days before the case starts: 60 days of the 90 remain.
    const enrollmentDate = dateDaysBefore(startedAt, 30);
    const deadlineMs = Date.parse(`${enrollmentDate}T00:00:00Z`) + daysToMs(90);
    const input: CaseWorkflowInput = { memberRef: 'M-TEST-1', programCode: 'CCM', enrollmentDate, policy: DEFAULT_CASE_POLICY };

    await withWorker(taskQueue, activities, async () => {
      const handle = await env.client.workflow.start(CASE_WORKFLOW_TYPE, {
        workflowId: 'case-ccm-deadline-from-enrollment',
        taskQueue,
        args: [input],
      });

      // One day before the deadline the case is still waiting in screening.
      await env.sleep(deadlineMs - startedAt - daysToMs(1));
      const before = await handle.query(caseStateQuery);
      expect(before.phase).toBe('screening');
      expect(before.screeningDueAt).toBe(new Date(deadlineMs).toISOString());

      const result: CaseWorkflowResult = await handle.result();
      expect(result).toEqual({ phase: 'closed', closureReason: 'unable_to_reach' });

      const { closeTime, typedSearchAttributes } = await handle.describe();
      // Closed at the deadline: day 90 after enrollment = day 60 after start.
      expect(Math.abs(closeTime!.getTime() - deadlineMs)).toBeLessThan(60_000);
      expect(typedSearchAttributes.get(SA_PHASE)).toBe('closed');
      expect(typedSearchAttributes.get(SA_NEXT_DUE_AT)).toBeUndefined();
      await maybeRecordHistory('screening-deadline-unable-to-reach', handle);
    });

    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ caseId: 'case-ccm-deadline-from-enrollment', phase: 'enrolled', enrollmentDate });
    expect(changes.map((c) => [c.phase, c.closureReason])).toEqual([
      ['screening', null],
      ['closed', 'unable_to_reach'],
    ]);
    // The closing write carries the deadline instant (workflow time), so a retry writes the same value.
    expect(Math.abs(changes[1]!.at.getTime() - deadlineMs)).toBeLessThan(60_000);
  });

  it('closes at once when the member was enrolled more than 90 days ago', async () => {
    const { changes, activities } = inMemoryCaseRecords();
    const taskQueue = 'deadline-already-passed';
    const startedAt = await env.currentTimeMs();
    const input: CaseWorkflowInput = {
      memberRef: 'M-TEST-2',
      programCode: 'CCM',
      enrollmentDate: dateDaysBefore(startedAt, 120),
      policy: DEFAULT_CASE_POLICY,
    };
    await withWorker(taskQueue, activities, async () => {
      const handle = await env.client.workflow.start(CASE_WORKFLOW_TYPE, {
        workflowId: 'case-ccm-deadline-already-passed',
        taskQueue,
        args: [input],
      });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'unable_to_reach' });
      const { closeTime } = await handle.describe();
      expect(closeTime!.getTime() - startedAt).toBeLessThan(60_000);
    });
    expect(changes.at(-1)).toMatchObject({ phase: 'closed', closureReason: 'unable_to_reach' });
  });
});
