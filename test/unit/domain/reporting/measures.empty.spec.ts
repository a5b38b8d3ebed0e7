import { computeMeasures, DEFAULT_MEASURE_POLICY, MEASURE_IDS, MEASURES, monthPeriod } from '@careloop/domain';

describe('computeMeasures on empty input', () => {
  it('gives every measure, in MEASURE_IDS order, with denominator 0, value null and zeroed strata', () => {
    const period = monthPeriod('2026-04');
    const result = computeMeasures({ period, cases: [], discharges: [], reviews: [], complaints: [] }, DEFAULT_MEASURE_POLICY);
    expect(result.period).toEqual(period);
    expect(result.values.map((v) => v.measureId)).toEqual([...MEASURE_IDS]);
    for (const v of result.values) {
      expect(v).toEqual({
        measureId: v.measureId,
        numerator: 0,
        denominator: 0,
        value: null,
        median: null,
        meetsTarget: null,
        strata: MEASURES[v.measureId].strata.map((code) => ({ code, numerator: 0, denominator: 0, value: null, median: null })),
      });
    }
    expect(result.rows).toEqual([]);
  });
});
