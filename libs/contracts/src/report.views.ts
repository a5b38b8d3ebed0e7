import { MEASURES, SMALL_CELL_MAX, type MeasureScoring, type MeasureValue } from '@careloop/domain';
import type { MeasureValueView } from './report.contract';

export interface MeasureValueViewOptions {
  /** True for aggregates-only audiences (the committee): small cells are withheld. */
  readonly suppressSmallCells: boolean;
}

/** A count of 1 to SMALL_CELL_MAX people (0 identifies nobody). */
export function isSmallCell(count: number): boolean {
  return count >= 1 && count <= SMALL_CELL_MAX;
}

/**
 * Whether a cell is withheld: the denominator (people, decisions) always decides; the numerator
 * decides too for proportions (for a ratio it is a count of participants per care manager, for a
 * duration a sum of hours, neither a count of people beside the denominator).
 */
function suppresses(scoring: MeasureScoring, numerator: number, denominator: number): boolean {
  return isSmallCell(denominator) || (scoring === 'proportion' && isSmallCell(numerator));
}

/**
 * A measure's value for the caller (docs/reporting.md "Small-cell suppression"). With
 * `suppressSmallCells`, a suppressed cell has numerator, denominator, value and median null; each
 * stratum is judged alike, and when any stratum is suppressed all are (the strata partition the
 * total, so one withheld stratum could be recovered from the others by subtraction).
 */
export function toMeasureValueView(value: MeasureValue, opts: MeasureValueViewOptions): MeasureValueView {
  const def = MEASURES[value.measureId];
  const suppressed = opts.suppressSmallCells && suppresses(def.scoring, value.numerator, value.denominator);
  const strataSuppressed = opts.suppressSmallCells && (suppressed || value.strata.some((s) => suppresses(def.scoring, s.numerator, s.denominator)));
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
    meetsTarget: suppressed ? null : value.meetsTarget,
    suppressed,
    strata: value.strata.map((s) => ({
      code: s.code,
      numerator: strataSuppressed ? null : s.numerator,
      denominator: strataSuppressed ? null : s.denominator,
      value: strataSuppressed ? null : s.value,
      median: strataSuppressed ? null : s.median,
      suppressed: strataSuppressed,
    })),
  };
}
