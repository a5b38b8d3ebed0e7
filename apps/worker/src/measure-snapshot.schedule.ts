import type { Client, ScheduleOptions } from '@temporalio/client';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import { MEASURE_SNAPSHOT_SCHEDULE_ID, MEASURE_SNAPSHOT_WORKFLOW, type MeasureSnapshotInput } from '@careloop/contracts';

export interface MeasureSnapshotScheduleConfig {
  /** Five-field cron, read in UTC (CARELOOP_MEASURE_SNAPSHOT_CRON). */
  readonly cron: string;
  readonly taskQueue: string;
}

export type ScheduleOutcome = 'created' | 'updated' | 'unchanged';

/** The schedule as this worker's config describes it; the cron rides in the action's memo, since Temporal answers a cron back as calendars. */
function desired({ cron, taskQueue }: MeasureSnapshotScheduleConfig): ScheduleOptions {
  const args: [MeasureSnapshotInput] = [{}];
  return {
    scheduleId: MEASURE_SNAPSHOT_SCHEDULE_ID,
    spec: { cronExpressions: [cron], timezone: 'UTC' },
    action: { type: 'startWorkflow', workflowType: MEASURE_SNAPSHOT_WORKFLOW, taskQueue, args, memo: { cron } },
    // A night still running when the next is due is not doubled; after an outage, the last day's missed run is still taken.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  };
}

/**
 * The nightly measure snapshot's Temporal Schedule (issue 18, docs/operations.md "Measure snapshots"):
 * created at worker boot if missing; an existing one is left as it is when it already runs this
 * cron on this task queue, else its spec and action are updated to the config (its paused state and
 * note are kept, so an operator's pause survives a restart). Several workers booting at once agree:
 * one creates it, the others find it.
 */
export async function ensureMeasureSnapshotSchedule(client: Client, config: MeasureSnapshotScheduleConfig): Promise<ScheduleOutcome> {
  const want = desired(config);
  try {
    await client.schedule.create(want);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = client.schedule.getHandle(MEASURE_SNAPSHOT_SCHEDULE_ID);
  const current = await handle.describe();
  const a = current.action;
  if (a.type === 'startWorkflow' && a.workflowType === MEASURE_SNAPSHOT_WORKFLOW && a.taskQueue === config.taskQueue && a.memo?.cron === config.cron) {
    return 'unchanged';
  }
  await handle.update((prev) => ({ spec: want.spec, action: want.action, policies: want.policies, state: { paused: prev.state.paused, note: prev.state.note } }));
  return 'updated';
}
