import { DEFAULT_MEASURE_POLICY, localDate, monthPeriod, type MeasurePolicy } from '@careloop/domain';
import { periodBounds } from '../../../../libs/domain/src/reporting/measure.tally';
import { TransitionDues } from '../../../../libs/domain/src/reporting/transitions.measures';
import { compute, counts, discharge, input, rowsOf } from './measure-fixtures';

/** A calendar of our own: UTC days, weekends off, and Friday 6 March 2026 a holiday. */
const POLICY: MeasurePolicy = {
  ...DEFAULT_MEASURE_POLICY,
  transitionOfCare: { ...DEFAULT_MEASURE_POLICY.transitionOfCare, calendar: { timeZone: 'UTC', weekendDays: [0, 6], holidays: ['2026-03-06'] } },
};
const NO_HOLIDAY: MeasurePolicy = {
  ...POLICY,
  transitionOfCare: { ...POLICY.transitionOfCare, calendar: { ...POLICY.transitionOfCare.calendar, holidays: [] } },
};
const MARCH = monthPeriod('2026-03');
const APRIL = monthPeriod('2026-04');

// Discharged Thursday 5 March, the eve of the holiday.
const d1 = discharge('d1', '2026-03-05T20:00:00Z', {
  member_contact: { doneAt: '2026-03-10T15:00:00Z' },
  follow_up_visit: { doneAt: '2026-03-20T09:00:00Z' },
  medication_reconciliation: { doneAt: null },
  pcp_informed: { doneAt: '2026-03-07T09:00:00Z' },
});
// Cancelled on 9 March: tasks due after that are excluded, the PCP notice (due 8 March) still counts.
const d2 = discharge('d2', '2026-03-05T08:00:00Z', {}, { cancelledAt: '2026-03-09T12:00:00Z' });

describe('transition-of-care measures', () => {
  it('the member contact due skips the holiday and the weekend: due the end of Tuesday 10 March, so a contact that day is on time', () => {
    const result = compute(input(MARCH, { discharges: [d1, d2] }), POLICY);
    expect(counts(result, 'toc_contact_2_business_days')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(rowsOf(result, 'toc_contact_2_business_days').map((r) => [r.subjectId, r.outcome, r.dueAt, r.doneAt])).toEqual([
      ['d1', 'met', '2026-03-11T00:00:00.000Z', '2026-03-10T15:00:00.000Z'],
      ['d2', 'excluded', '2026-03-11T00:00:00.000Z', null],
    ]);
    // Without the holiday the contact was due by the end of Monday 9 March: late.
    const plain = compute(input(MARCH, { discharges: [d1] }), NO_HOLIDAY);
    expect(counts(plain, 'toc_contact_2_business_days')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(rowsOf(plain, 'toc_contact_2_business_days')[0]!.dueAt).toBe('2026-03-10T00:00:00.000Z');
  });

  it('counts each task in the period of its due: PCP (2 days) and follow-up (7 days) in March, the 30-day ones in April', () => {
    const march = compute(input(MARCH, { discharges: [d1, d2] }), POLICY);
    expect(counts(march, 'toc_pcp_informed')).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(rowsOf(march, 'toc_pcp_informed').map((r) => [r.subjectId, r.outcome, r.dueAt])).toEqual([
      ['d1', 'met', '2026-03-08T00:00:00.000Z'],
      ['d2', 'not_met', '2026-03-08T00:00:00.000Z'],
    ]);
    expect(counts(march, 'toc_follow_up_7_days')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(counts(march, 'toc_follow_up_30_days')).toEqual({ numerator: 0, denominator: 0, value: null });
    const april = compute(input(APRIL, { discharges: [d1, d2] }), POLICY);
    expect(counts(april, 'toc_follow_up_30_days')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(counts(april, 'toc_medication_reconciliation_30_days')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(rowsOf(april, 'toc_follow_up_30_days').map((r) => [r.subjectId, r.outcome, r.dueAt, r.doneAt])).toEqual([
      ['d1', 'met', '2026-04-05T00:00:00.000Z', '2026-03-20T09:00:00.000Z'],
      ['d2', 'excluded', '2026-04-05T00:00:00.000Z', null],
    ]);
    expect(counts(april, 'toc_pcp_informed')).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it("uses the plan's time zone for the day boundaries (default policy, America/New_York)", () => {
    // 23:30 in New York on Wednesday 25 November (Thanksgiving the next day): due the end of Monday 30 November, EST.
    const d = discharge('d3', '2026-11-26T04:30:00Z', { member_contact: { doneAt: '2026-11-30T23:00:00Z' } });
    const result = compute(input(monthPeriod('2026-12'), { discharges: [d] }));
    expect(rowsOf(result, 'toc_contact_2_business_days').map((r) => [r.outcome, r.dueAt])).toEqual([['met', '2026-12-01T05:00:00.000Z']]);
  });
});

describe('TransitionDues local days', () => {
  it.each(['America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'])(
    'finds the same local day as localDate in %s, across DST changes',
    (timeZone) => {
      const policy = { ...DEFAULT_MEASURE_POLICY, transitionOfCare: { ...DEFAULT_MEASURE_POLICY.transitionOfCare, calendar: { timeZone, weekendDays: [0, 6], holidays: [] } } };
      const dues = new TransitionDues({ bounds: periodBounds(MARCH), policy, tally: () => { throw new Error('unused'); } });
      const mismatches: string[] = [];
      // Every 37 minutes through March and April and the first week of November (the DST changes of both hemispheres).
      for (const [from, to] of [[Date.UTC(2026, 2, 1), Date.UTC(2026, 4, 1)], [Date.UTC(2026, 9, 1), Date.UTC(2026, 10, 8)]] as const) {
        for (let ms = from; ms < to; ms += 37 * 60_000) {
          const iso = new Date(ms).toISOString();
          if (dues.localDay(ms) !== localDate(iso, timeZone)) mismatches.push(iso);
        }
      }
      expect(mismatches).toEqual([]);
    },
  );
});
