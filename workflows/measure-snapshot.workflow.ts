import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { MeasureSnapshotInput, MeasureSnapshotResult } from '@careloop/contracts';
import type { MeasureSnapshotActivities } from '@careloop/activities';

/**
 * A night's snapshot reads every case timeline of the horizon and computes each scope: minutes, not
 * seconds, on a large plan. Retried with backoff a few times (the write is an idempotent upsert); a
 * day that still fails is left to an operator's rerun with `{ day }` (docs/operations.md).
 */
const snapshots = proxyActivities<MeasureSnapshotActivities>({
  startToCloseTimeout: '20 minutes',
  retry: { initialInterval: '30 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 5 },
});

/** Set by Temporal on every workflow a Schedule starts: the time the run was scheduled for. */
const SCHEDULED_START_TIME = defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME);

const DAY_MS = 86_400_000;

/**
 * The nightly measure snapshot (issue 18; the Temporal Schedule MEASURE_SNAPSHOT_SCHEDULE_ID starts it,
 * apps/worker measure-snapshot.schedule.ts): stores every measure's value for one UTC day, for all
 * programs and teams, each program and each team. The day is `input.day`, else the UTC day before the
 * run's scheduled time (a run started late, after an outage, still snapshots the day it was meant
 * for); without a scheduled time (started by hand), the day before the workflow's start. Both times
 * come from the history, so the choice replays the same.
 */
export async function measureSnapshotWorkflow(input: MeasureSnapshotInput = {}): Promise<MeasureSnapshotResult> {
  const day = input.day ?? dayBefore(scheduledAt());
  return snapshots.snapshotMeasures(day);
}

function scheduledAt(): Date {
  const info = workflowInfo();
  return info.typedSearchAttributes.get(SCHEDULED_START_TIME) ?? info.startTime;
}

function dayBefore(at: Date): string {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS - DAY_MS).toISOString().slice(0, 10);
}
