import { isSmallCell, type MeasureTrendPoint } from '@careloop/contracts';
import type { MeasureScoring } from '@careloop/domain';

/**
 * A trend point for the caller: for an aggregates-only audience (the committee) withheld by the rule
 * of a report cell (libs/contracts toMeasureValueView): a denominator of 1 to SMALL_CELL_MAX, or a
 * proportion's numerator of 1 to SMALL_CELL_MAX.
 */
export function toTrendPointView(point: MeasureTrendPoint, scoring: MeasureScoring, options: { readonly suppressSmallCells: boolean }): MeasureTrendPoint {
  const small = (n: number | null) => n !== null && isSmallCell(n);
  const withheld = point.suppressed || (options.suppressSmallCells && (small(point.denominator) || (scoring === 'proportion' && small(point.numerator))));
  return withheld ? { period: point.period, numerator: null, denominator: null, value: null, suppressed: true } : point;
}
