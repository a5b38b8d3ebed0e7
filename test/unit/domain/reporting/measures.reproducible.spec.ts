import { computeMeasures, DEFAULT_MEASURE_POLICY, dayPeriod, MEASURE_IDS, monthPeriod, periodDays, type MeasureId } from '@careloop/domain';
import { CaseBuilder, compute, counts, input } from './measure-fixtures';
import { scenario, truncated } from './measure-scenario';

const APRIL = monthPeriod('2026-04');
const FACTS = scenario(18, 400, Date.UTC(2026, 0, 1), 120);

/** Measures whose items are decided by events at or before their own instant: daily values add up to the month. */
const PARTITIONED: readonly MeasureId[] = MEASURE_IDS.filter((id) => !['named_care_manager', 'caseload_ratio', 'committee_update_every_28_days'].includes(id));

describe('computeMeasures is reproducible and deterministic', () => {
  it('the scenario exercises every measure', () => {
    const result = compute({ period: APRIL, ...FACTS });
    const empty = result.values.filter((v) => v.denominator === 0).map((v) => v.measureId);
    expect(empty).toEqual([]);
  });

  it('ignores every fact after the period end: the same period from input with later events gives identical output', () => {
    const full = compute({ period: APRIL, ...FACTS });
    const cut = compute(truncated(FACTS, APRIL));
    expect(full).toEqual(cut);
  });

  it('the same input in another order gives the same values and rows', () => {
    const a = compute({ period: APRIL, ...FACTS });
    const b = compute({
      period: APRIL,
      cases: [...FACTS.cases].reverse(),
      discharges: [...FACTS.discharges].reverse(),
      reviews: [...FACTS.reviews].reverse(),
      complaints: [...FACTS.complaints].reverse(),
    });
    expect(b).toEqual(a);
  });

  it('daily periods partition the month for every measure counted at its own instant', () => {
    const month = compute({ period: APRIL, ...FACTS });
    const sums = new Map<MeasureId, { numerator: number; denominator: number }>(PARTITIONED.map((id) => [id, { numerator: 0, denominator: 0 }]));
    for (const day of periodDays(APRIL)) {
      const daily = computeMeasures({ period: dayPeriod(day), ...FACTS }, DEFAULT_MEASURE_POLICY, {}, { rows: false });
      expect(daily.rows).toEqual([]);
      for (const id of PARTITIONED) {
        const s = sums.get(id)!;
        const v = counts(daily, id);
        s.numerator += v.numerator;
        s.denominator += v.denominator;
      }
    }
    for (const id of PARTITIONED) {
      const m = counts(month, id);
      const s = sums.get(id)!;
      expect({ id, numerator: s.numerator, denominator: s.denominator }).toEqual({ id, numerator: expect.closeTo(m.numerator, 6), denominator: m.denominator });
    }
  });

  it('restricts every measure to the filter: program and team (cases, discharges, reviews and complaints by their own fields)', () => {
    const all = compute({ period: APRIL, ...FACTS });
    const parts = ['cm', 'bh'].map((programCode) => compute({ period: APRIL, ...FACTS }, undefined, { programCode }));
    for (const id of PARTITIONED) {
      expect(parts.reduce((n, p) => n + counts(p, id).denominator, 0)).toBe(counts(all, id).denominator);
    }
    const teamA = compute({ period: APRIL, ...FACTS }, undefined, { programCode: 'cm', teamId: 'team-a' });
    expect(teamA.rows.every((r) => r.measureId === 'caseload_ratio' || (r.programCode === 'cm' && r.teamId === 'team-a'))).toBe(true);
    expect(teamA.rows.length).toBeGreaterThan(0);
  });

  it('values are the same with all rows, no rows or one measure\'s rows', () => {
    const all = compute({ period: APRIL, ...FACTS });
    const none = computeMeasures({ period: APRIL, ...FACTS }, DEFAULT_MEASURE_POLICY, {}, { rows: false });
    const one = computeMeasures({ period: APRIL, ...FACTS }, DEFAULT_MEASURE_POLICY, {}, { rows: ['contacts_on_cadence'] });
    expect(none.values).toEqual(all.values);
    expect(one.values).toEqual(all.values);
    expect(none.rows).toEqual([]);
    expect(one.rows).toEqual(all.rows.filter((r) => r.measureId === 'contacts_on_cadence'));
    expect(one.rows.length).toBeGreaterThan(0);
  });

  it('never copies note or summary text from events into rows', () => {
    const result = compute({ period: APRIL, ...FACTS });
    expect(JSON.stringify(result.rows)).not.toMatch(/private|criteria not met|on appeal/);
  });

  it('filters a case by its program and team, a review without a program only from an unfiltered report', () => {
    const c = new CaseBuilder('c1', { programCode: 'bh', teamId: 'team-b' }).opened('2026-01-31T10:00:00Z', '2026-01-31').build();
    expect(counts(compute(input(APRIL, { cases: [c] }), undefined, { programCode: 'bh' }), 'screening_within_90_days').denominator).toBe(1);
    expect(counts(compute(input(APRIL, { cases: [c] }), undefined, { programCode: 'cm' }), 'screening_within_90_days').denominator).toBe(0);
    expect(counts(compute(input(APRIL, { cases: [c] }), undefined, { teamId: 'team-a' }), 'screening_within_90_days').denominator).toBe(0);
    expect(counts(compute(input(APRIL, { cases: [c] }), undefined, { programCode: 'bh', teamId: 'team-b' }), 'screening_within_90_days').denominator).toBe(1);
  });
});
