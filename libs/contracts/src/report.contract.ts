import type { MeasureDefinition, MeasureId, MeasureRow, MeasureStratum, MeasureValue, ReportPeriod } from '@careloop/domain';

/**
 * What the reporting API answers (issue 18; docs/reporting.md). Values come from
 * `computeMeasures` over the events in Postgres (GET /reports/measures and /members) or from the
 * nightly snapshots (GET /reports/trends).
 */
export interface ReportFilterView {
  readonly programCode: string | null;
  readonly teamId: string | null;
}

/**
 * A measure's value for the caller. For an aggregates-only audience (the committee) a cell of 1 to
 * SMALL_CELL_MAX is suppressed: `suppressed` is true and numerator, denominator, value, median (and
 * the stratum's) are null.
 */
export interface MeasureValueView extends Pick<MeasureDefinition, 'title' | 'group' | 'scoring' | 'subject' | 'source' | 'target' | 'higherIsBetter'> {
  readonly measureId: MeasureId;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly median: number | null;
  readonly meetsTarget: boolean | null;
  readonly suppressed: boolean;
  readonly strata: readonly (Omit<MeasureStratum, 'numerator' | 'denominator' | 'value' | 'median'> & {
    readonly numerator: number | null;
    readonly denominator: number | null;
    readonly value: number | null;
    readonly median: number | null;
    readonly suppressed: boolean;
  })[];
}

/** GET /reports/measures */
export interface MeasureReportView {
  readonly period: ReportPeriod;
  readonly filter: ReportFilterView;
  readonly measures: readonly MeasureValueView[];
}

/** GET /reports/measures/:id/members (supervisors and admins; never the committee). */
export interface MeasureMembersView {
  readonly period: ReportPeriod;
  readonly filter: ReportFilterView;
  readonly measureId: MeasureId;
  readonly rows: readonly MeasureRow[];
}

export const TREND_GRANULARITIES = ['day', 'month'] as const;
export type TrendGranularity = (typeof TREND_GRANULARITIES)[number];

/** One point of a trend: the sum of the daily snapshots in it (a ratio takes its last day's value). */
export interface MeasureTrendPoint {
  /** YYYY-MM-DD (day) or YYYY-MM (month). */
  readonly period: string;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  readonly suppressed: boolean;
}

/** GET /reports/trends?measureId=…&from=…&to=…&granularity=… (from the measure_snapshots table). */
export interface MeasureTrendView {
  readonly measureId: MeasureId;
  readonly filter: ReportFilterView;
  readonly granularity: TrendGranularity;
  readonly target: number | null;
  readonly points: readonly MeasureTrendPoint[];
}

/** The nightly snapshot schedule (a Temporal Schedule) and its workflow. */
export const MEASURE_SNAPSHOT_SCHEDULE_ID = 'careloop-measure-snapshots';
export const MEASURE_SNAPSHOT_WORKFLOW = 'measureSnapshotWorkflow';
/** The key of "all programs" / "all teams" in measure_snapshots (a real code is never `*`). */
export const ALL_SCOPE = '*';

export interface MeasureSnapshotInput {
  /** The UTC day to snapshot (YYYY-MM-DD); absent: the day before the scheduled time. */
  readonly day?: string;
}

export interface MeasureSnapshotResult {
  readonly day: string;
  /** How many (program, team) scopes were stored, including the all/all scope. */
  readonly scopes: number;
}

/** One stored snapshot cell (measure_snapshots): a measure's value for one UTC day and scope. */
export interface MeasureSnapshotRow extends Omit<MeasureValue, 'meetsTarget'> {
  readonly day: string;
  /** A program code, or ALL_SCOPE. */
  readonly programCode: string;
  /** A team id, or ALL_SCOPE. */
  readonly teamId: string;
}
