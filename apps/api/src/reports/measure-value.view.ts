import { MEASURES, SMALL_CELL_MAX, type MeasureScoring, type MeasureStratum, type MeasureValue } from '@careloop/domain';
import type { MeasureTrendPoint, MeasureValueView } from '@careloop/contracts';

export interface MeasureViewOptions {
  /** The committee's view (aggregates only): cells of 1 to SMALL_CELL_MAX people are withheld. */
  readonly suppressSmallCells: boolean;
}

const small = (n: number | null): boolean => n !== null && n >= 1 && n <= SMALL_CELL_MAX;

/**
 * Whether a cell counts too few people to show an aggregates-only audience (CMS cell-size policy):
 * the denominator (people, discharges, reviews, complaints or care managers), and for a proportion or
 * ratio the numerator (people), and for a proportion its complement (denominator − numerator: the
 * ones not met, derivable from the other two). A duration's numerator is hours, not people. Zero is
 * shown: it identifies nobody.
 */
export function isSmallCell(scoring: MeasureScoring, numerator: number | null, denominator: number | null): boolean {
  if (small(denominator)) return true;
  if (scoring === 'duration') return false;
  if (small(numerator)) return true;
  return scoring === 'proportion' && numerator !== null && denominator !== null && small(denominator - numerator);
}

/** A computed measure as the API answers it: its definition's fields, its counts, suppressed for the committee. */
export function toMeasureValueView(value: MeasureValue, options: MeasureViewOptions): MeasureValueView {
  const def = MEASURES[value.measureId];
  const suppressed = options.suppressSmallCells && isSmallCell(def.scoring, value.numerator, value.denominator);
  return {
    measureId: value.measureId,
    title: def.title,
    group: def.group,
    scoring: def.scoring,
    subject: def.subject,
    source: def.source,
    target: def.target,
    higherIsBetter: def.higherIsBetter,
    numerator: suppressed ? null : value.numerator,
    denominator: suppressed ? null : value.denominator,
    value: suppressed ? null : value.value,
    median: suppressed ? null : value.median,
    // Whether a withheld rate meets its target says something about it: withheld too.
    meetsTarget: suppressed ? null : value.meetsTarget,
    suppressed,
    strata: value.strata.map((s) => stratumView(def.scoring, s, options)),
  };
}

function stratumView(scoring: MeasureScoring, s: MeasureStratum, options: MeasureViewOptions): MeasureValueView['strata'][number] {
  const suppressed = options.suppressSmallCells && isSmallCell(scoring, s.numerator, s.denominator);
  return {
    code: s.code,
    numerator: suppressed ? null : s.numerator,
    denominator: suppressed ? null : s.denominator,
    value: suppressed ? null : s.value,
    median: suppressed ? null : s.median,
    suppressed,
  };
}

/** A trend point for the caller: the same suppression as a report cell. */
export function toTrendPointView(point: MeasureTrendPoint, scoring: MeasureScoring, options: MeasureViewOptions): MeasureTrendPoint {
  const suppressed = point.suppressed || (options.suppressSmallCells && isSmallCell(scoring, point.numerator, point.denominator));
  return suppressed ? { period: point.period, numerator: null, denominator: null, value: null, suppressed: true } : point;
}
