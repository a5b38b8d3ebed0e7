import { MEASURES } from '@careloop/domain';
import {
  SUPPRESSED_TEXT,
  addMonths,
  amountText,
  byGroup,
  chartValue,
  lastDayOf,
  monthsOf,
  meets,
  periodParams,
  periodText,
  previousMonth,
  targetText,
  trendRange,
  valueText,
  verdictText,
} from '../../../apps/console/src/report.format';

/** The Reports page's arithmetic (apps/console/src/report.format.ts): periods, trend ranges and how values read. */
describe('console report format', () => {
  it('defaults to the previous full calendar month (UTC), across a year boundary too', () => {
    expect(previousMonth(new Date(Date.UTC(2031, 0, 15, 12)))).toBe('2030-12');
    expect(previousMonth(new Date(Date.UTC(2031, 2, 1, 0, 0, 1)))).toBe('2031-02');
    // The first instant of a month (UTC) is in that month: the previous one is the last full month.
    expect(previousMonth(new Date(Date.UTC(2031, 6, 1)))).toBe('2031-06');
  });

  it('moves months and finds their last day, leap years included', () => {
    expect(addMonths('2031-01', -11)).toBe('2030-02');
    expect(addMonths('2031-12', 1)).toBe('2032-01');
    expect(lastDayOf('2032-02')).toBe('2032-02-29');
    expect(lastDayOf('2031-02')).toBe('2031-02-28');
    expect(lastDayOf('2031-12')).toBe('2031-12-31');
  });

  it('asks the API for a month or a day range, and a trend of the twelve months ending with the period', () => {
    expect(periodParams({ kind: 'month', month: '2031-05' })).toEqual({ period: '2031-05' });
    expect(periodParams({ kind: 'days', from: '2031-05-03', to: '2031-06-10' })).toEqual({ from: '2031-05-03', to: '2031-06-10' });
    expect(trendRange({ kind: 'month', month: '2031-05' })).toEqual({ from: '2030-06-01', to: '2031-05-31' });
    expect(trendRange({ kind: 'days', from: '2031-05-03', to: '2031-06-10' })).toEqual({ from: '2030-07-01', to: '2031-06-10' });
    // The chart's axis: every month of the range, across the year boundary.
    expect(monthsOf(trendRange({ kind: 'month', month: '2031-05' }))).toEqual(['2030-06', '2030-07', '2030-08', '2030-09', '2030-10', '2030-11', '2030-12', '2031-01', '2031-02', '2031-03', '2031-04', '2031-05']);
  });

  it('shows a half-open period (start, end] as the calendar days it covers', () => {
    const iso = (d: string) => d;
    expect(periodText({ start: '2031-05-01T00:00:00.000Z', end: '2031-06-01T00:00:00.000Z' }, iso)).toBe('2031-05-01 – 2031-05-31');
    expect(periodText({ start: '2031-05-07T00:00:00.000Z', end: '2031-05-08T00:00:00.000Z' }, iso)).toBe('2031-05-07');
  });

  it('writes proportions in percent, the caseload ratio as a number and durations in hours, with the target', () => {
    const screening = MEASURES.screening_within_90_days;
    expect(valueText(screening, 11 / 12)).toBe('91.7%');
    expect(valueText(screening, null)).toBe('—');
    expect(targetText(screening)).toBe('target ≥ 90%');
    expect(targetText(MEASURES.ur_decided_late)).toBe('target ≤ 0%');
    expect(valueText(MEASURES.caseload_ratio, 87.25)).toBe('87.3');
    expect(targetText(MEASURES.caseload_ratio)).toBe('target ≤ 100');
    expect(valueText(MEASURES.ur_decision_time, 36)).toBe('36 h');
    expect(targetText(MEASURES.ur_decision_time)).toBe('no target');
    expect(amountText(470.2333)).toBe('470.2');
    expect(amountText(null)).toBe('—');
    expect(SUPPRESSED_TEXT).toBe('suppressed (fewer than 11)');
  });

  it('puts proportions on a 0–100 axis and judges a trend point against the target in the right direction', () => {
    expect(chartValue(MEASURES.screening_within_90_days, 0.5)).toBe(50);
    expect(chartValue(MEASURES.caseload_ratio, 120)).toBe(120);
    expect(meets(MEASURES.screening_within_90_days, 0.9)).toBe(true);
    expect(meets(MEASURES.screening_within_90_days, 0.89)).toBe(false);
    expect(meets(MEASURES.caseload_ratio, 101)).toBe(false);
    expect(meets(MEASURES.ur_approved, 0.5)).toBeNull();
    expect(verdictText(MEASURES.screening_within_90_days, false)).toBe('Below target');
    expect(verdictText(MEASURES.caseload_ratio, false)).toBe('Above target');
    expect(verdictText(MEASURES.caseload_ratio, true)).toBe('Meets target');
    expect(verdictText(MEASURES.ur_approved, null)).toBeNull();
  });

  it('groups measures in the order of MEASURE_GROUPS, leaving out empty groups', () => {
    const groups = byGroup([MEASURES.complaint_resolved_on_time, MEASURES.screening_within_90_days, MEASURES.complaint_acknowledged_on_time]);
    expect(groups.map((g) => [g.group, g.items.map((m) => m.id)])).toEqual([
      ['screening', ['screening_within_90_days']],
      ['complaints', ['complaint_resolved_on_time', 'complaint_acknowledged_on_time']],
    ]);
  });
});
