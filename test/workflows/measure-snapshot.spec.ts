import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkflowFailedError } from '@temporalio/client';
import { MEASURE_SNAPSHOT_WORKFLOW, type MeasureSnapshotInput, type MeasureSnapshotResult } from '@careloop/contracts';
import { ApplicationFailure } from '@temporalio/common';
import type { MeasureSnapshotActivities } from '@careloop/activities';
import { measureSnapshotWorkflow } from '../../workflows/measure-snapshot.workflow';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { testWorkflowBundlePath } from '../support/test-workflow-bundle';

const DAY_MS = 86_400_000;

/**
 * The nightly snapshot workflow (issue 18) on the time-skipping server, with typed activity mocks:
 * which day it snapshots. A Schedule starts it at the cron time (02:30 UTC by default) without input:
 * it takes the UTC day before; an operator's rerun names the day.
 */
describe('measure snapshot workflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let counter = 0;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function run(input: MeasureSnapshotInput | undefined, snapshot: MeasureSnapshotActivities['snapshotMeasures']): Promise<MeasureSnapshotResult> {
    const taskQueue = `measure-snapshot-${++counter}`;
    const activities: MeasureSnapshotActivities = { snapshotMeasures: snapshot };
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: { codePath: testWorkflowBundlePath() }, activities });
    return worker.runUntil(
      env.client.workflow.execute(MEASURE_SNAPSHOT_WORKFLOW, { workflowId: `measure-snapshot-${counter}`, taskQueue, args: input === undefined ? [] : [input], workflowExecutionTimeout: '1 hour' }),
    ) as Promise<MeasureSnapshotResult>;
  }

  /** Moves the test server's clock to the next `hh:mm` UTC and answers that instant. */
  async function skipToNext(hours: number, minutes: number): Promise<number> {
    const now = await env.currentTimeMs();
    let next = Math.floor(now / DAY_MS) * DAY_MS + (hours * 60 + minutes) * 60_000;
    if (next <= now) next += DAY_MS;
    await env.sleep(next - now);
    return next;
  }

  it('is registered under MEASURE_SNAPSHOT_WORKFLOW', () => {
    expect(measureSnapshotWorkflow.name).toBe(MEASURE_SNAPSHOT_WORKFLOW);
  });

  it('a run started at the schedule time without input snapshots the UTC day before', async () => {
    const scheduled = await skipToNext(2, 30);
    const days: string[] = [];
    const result = await run(undefined, async (day) => {
      days.push(day);
      return { day, scopes: 3 };
    });
    const yesterday = new Date(scheduled - DAY_MS).toISOString().slice(0, 10);
    expect(days).toEqual([yesterday]);
    expect(result).toEqual({ day: yesterday, scopes: 3 });
  });

  it('a run just after midnight UTC still snapshots the day that just ended', async () => {
    const midnight = await skipToNext(0, 0);
    await env.sleep(1_000);
    const days: string[] = [];
    await run({}, async (day) => {
      days.push(day);
      return { day, scopes: 1 };
    });
    expect(days).toEqual([new Date(midnight - DAY_MS).toISOString().slice(0, 10)]);
  });

  it('an explicit day (an operator rerun) is snapshotted as given', async () => {
    const day = new Date((await env.currentTimeMs()) - 40 * DAY_MS).toISOString().slice(0, 10);
    const days: string[] = [];
    expect(
      await run({ day }, async (d) => {
        days.push(d);
        return { day: d, scopes: 7 };
      }),
    ).toEqual({ day, scopes: 7 });
    expect(days).toEqual([day]);
  });

  it('fails without retrying when the activity refuses the day', async () => {
    let calls = 0;
    const failure = await run({ day: 'not-a-day' }, async () => {
      calls++;
      throw ApplicationFailure.nonRetryable('day must be a calendar date YYYY-MM-DD', 'MeasureSnapshotInvalidDay');
    }).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(calls).toBe(1);
  });
});
