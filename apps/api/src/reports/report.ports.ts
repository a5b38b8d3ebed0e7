import type { MeasureTrendPoint, TrendGranularity } from '@careloop/contracts';
import type { MeasureId, ReportPeriod } from '@careloop/domain';

/** Where a report's facts come from: a MeasureFactsReader (libs/persistence MeasureFactsRepository). */
export const MEASURE_FACTS_READER = Symbol('MeasureFactsReader');

export interface MeasureTrendQuery {
  readonly measureId: MeasureId;
  readonly period: ReportPeriod;
  /** A program code or ALL_SCOPE. */
  readonly programCode: string;
  /** A team id or ALL_SCOPE. */
  readonly teamId: string;
  readonly granularity: TrendGranularity;
}

/** The stored daily snapshots summed per day or month (libs/persistence MeasureSnapshotRepository). */
export interface MeasureTrendReader {
  trend(query: MeasureTrendQuery): Promise<readonly MeasureTrendPoint[]>;
}

export const MEASURE_TREND_READER = Symbol('MeasureTrendReader');
