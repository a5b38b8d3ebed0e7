import { toMeasureValueView } from '@careloop/contracts';
import { MEASURES, SMALL_CELL_MAX, type MeasureId, type MeasureValue } from '@careloop/domain';

function value(measureId: MeasureId, numerator: number, denominator: number, strata: [string, number, number][] = [], median: number | null = null): MeasureValue {
  return {
    measureId,
    numerator,
    denominator,
    value: denominator === 0 ? null : numerator / denominator,
    median,
    meetsTarget: denominator === 0 || MEASURES[measureId].target === null ? null : numerator / denominator >= MEASURES[measureId].target!,
    strata: strata.map(([code, n, d]) => ({ code, numerator: n, denominator: d, value: d === 0 ? null : n / d, median: null })),
  };
}

const SUPPRESS = { suppressSmallCells: true };

describe('toMeasureValueView (small-cell suppression)', () => {
  it('shows everything, with the definition, to a full-access audience', () => {
    const view = toMeasureValueView(value('screening_within_90_days', 3, 4), { suppressSmallCells: false });
    expect(view).toEqual({
      measureId: 'screening_within_90_days',
      title: MEASURES.screening_within_90_days.title,
      group: 'screening',
      scoring: 'proportion',
      subject: 'case',
      source: MEASURES.screening_within_90_days.source,
      target: 0.9,
      higherIsBetter: true,
      numerator: 3,
      denominator: 4,
      value: 0.75,
      median: null,
      meetsTarget: false,
      suppressed: false,
      strata: [],
    });
  });

  it('withholds a proportion whose numerator or denominator is 1 to SMALL_CELL_MAX; zero and SMALL_CELL_MAX + 1 are shown', () => {
    expect(SMALL_CELL_MAX).toBe(10);
    const cell = (n: number, d: number) => {
      const v = toMeasureValueView(value('screening_within_90_days', n, d), SUPPRESS);
      return [v.suppressed, v.numerator, v.denominator, v.value, v.meetsTarget];
    };
    expect(cell(0, 0)).toEqual([false, 0, 0, null, null]);
    expect(cell(0, 11)).toEqual([false, 0, 11, 0, false]);
    expect(cell(11, 11)).toEqual([false, 11, 11, 1, true]);
    expect(cell(1, 11)).toEqual([true, null, null, null, null]);
    expect(cell(10, 20)).toEqual([true, null, null, null, null]);
    expect(cell(11, 12)).toEqual([false, 11, 12, 11 / 12, true]);
    expect(cell(0, 10)).toEqual([true, null, null, null, null]);
    expect(cell(5, 5)).toEqual([true, null, null, null, null]);
  });

  it('decides a ratio or a duration by its denominator only', () => {
    // 5 care managers: withheld however many participants; 11 care managers holding 9 participants: shown.
    expect(toMeasureValueView(value('caseload_ratio', 480, 5), SUPPRESS)).toMatchObject({ suppressed: true, numerator: null, denominator: null, value: null });
    expect(toMeasureValueView(value('caseload_ratio', 9, 11), SUPPRESS)).toMatchObject({ suppressed: false, numerator: 9, denominator: 11 });
    // Decision time: 7.5 hours over 12 decisions is shown (the hours are not people); over 3 decisions withheld, median too.
    expect(toMeasureValueView(value('ur_decision_time', 7.5, 12, [], 0.5), SUPPRESS)).toMatchObject({ suppressed: false, numerator: 7.5, denominator: 12, median: 0.5 });
    expect(toMeasureValueView(value('ur_decision_time', 200, 3, [], 60), SUPPRESS)).toMatchObject({ suppressed: true, numerator: null, median: null });
  });

  it('judges each stratum too, and withholds all strata when one is small (else it could be recovered by subtraction)', () => {
    const v = value('ur_approved', 40, 50, [
      ['standard', 35, 45],
      ['expedited', 5, 5],
    ]);
    const view = toMeasureValueView(v, SUPPRESS);
    expect(view).toMatchObject({ suppressed: false, numerator: 40, denominator: 50, value: 0.8 });
    expect(view.strata).toEqual([
      { code: 'standard', numerator: null, denominator: null, value: null, median: null, suppressed: true },
      { code: 'expedited', numerator: null, denominator: null, value: null, median: null, suppressed: true },
    ]);
    const big = toMeasureValueView(
      value('ur_approved', 40, 70, [
        ['standard', 25, 45],
        ['expedited', 15, 25],
      ]),
      SUPPRESS,
    );
    expect(big.strata).toEqual([
      { code: 'standard', numerator: 25, denominator: 45, value: 25 / 45, median: null, suppressed: false },
      { code: 'expedited', numerator: 15, denominator: 25, value: 0.6, median: null, suppressed: false },
    ]);
    // Unsuppressed audiences see small strata.
    expect(toMeasureValueView(v, { suppressSmallCells: false }).strata.map((s) => s.numerator)).toEqual([35, 5]);
  });

  it('a suppressed total withholds its strata as well', () => {
    const view = toMeasureValueView(value('named_care_manager', 4, 6, [['high', 0, 0], ['medium', 4, 6]]), SUPPRESS);
    expect(view.suppressed).toBe(true);
    expect(view.strata.every((s) => s.suppressed && s.numerator === null)).toBe(true);
  });
});
