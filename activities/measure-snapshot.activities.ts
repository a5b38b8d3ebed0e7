import { ApplicationFailure } from '@temporalio/common';
import { computeMeasures, dayPeriod, ReportPeriodError, type MeasureFactsReader, type MeasureFilter, type MeasurePolicy } from '@careloop/domain';
import { ALL_SCOPE, type MeasureSnapshotResult, type MeasureSnapshotRow } from '@careloop/contracts';

/** Port: the snapshot table (libs/persistence MeasureSnapshotRepository). */
export interface MeasureSnapshotStore {
  /** Upsert by (day, program, team, measure): a rerun of a day replaces its rows. */
  store(rows: readonly MeasureSnapshotRow[]): Promise<void>;
  /** The programs and teams to store a scope for (besides all/all). */
  scopes(): Promise<{ readonly programCodes: readonly string[]; readonly teamIds: readonly string[] }>;
}

export interface MeasureSnapshotActivityDeps {
  readonly facts: MeasureFactsReader;
  readonly snapshots: MeasureSnapshotStore;
  readonly policy: MeasurePolicy;
}

/** Refused input: not retried (the day is not a calendar date). */
export const MEASURE_SNAPSHOT_INVALID_DAY = 'MeasureSnapshotInvalidDay';

/**
 * The nightly snapshot's activity (workflows/measure-snapshot.workflow.ts). One read of the day's
 * facts serves every scope: the engine restricts by the filter itself, so all/all, each program
 * (team `*`) and each team (program `*`) are computed from the same input, then stored in one
 * upsert. Idempotent: the same day again replaces the same rows.
 */
export function createMeasureSnapshotActivities({ facts, snapshots, policy }: MeasureSnapshotActivityDeps) {
  return {
    async snapshotMeasures(day: string): Promise<MeasureSnapshotResult> {
      let period;
      try {
        period = dayPeriod(day);
      } catch (err) {
        if (err instanceof ReportPeriodError) throw ApplicationFailure.nonRetryable(`day ${err.reason}`, MEASURE_SNAPSHOT_INVALID_DAY);
        throw err;
      }
      const [input, { programCodes, teamIds }] = await Promise.all([facts.read(period, {}), snapshots.scopes()]);
      const scopes: { programCode: string; teamId: string; filter: MeasureFilter }[] = [
        { programCode: ALL_SCOPE, teamId: ALL_SCOPE, filter: {} },
        ...programCodes.map((programCode) => ({ programCode, teamId: ALL_SCOPE, filter: { programCode } })),
        ...teamIds.map((teamId) => ({ programCode: ALL_SCOPE, teamId, filter: { teamId } })),
      ];
      const rows: MeasureSnapshotRow[] = [];
      for (const scope of scopes) {
        // Values only: the snapshot stores no drill-down rows.
        for (const v of computeMeasures(input, policy, scope.filter, { rows: false }).values) {
          rows.push({
            day,
            programCode: scope.programCode,
            teamId: scope.teamId,
            measureId: v.measureId,
            numerator: v.numerator,
            denominator: v.denominator,
            value: v.value,
            median: v.median,
            strata: v.strata,
          });
        }
      }
      await snapshots.store(rows);
      return { day, scopes: scopes.length };
    },
  };
}

export type MeasureSnapshotActivities = ReturnType<typeof createMeasureSnapshotActivities>;
