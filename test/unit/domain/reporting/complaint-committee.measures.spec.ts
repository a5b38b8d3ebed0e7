import { monthPeriod } from '@careloop/domain';
import { CaseBuilder, complaint, compute, counts, input, rowsOf } from './measure-fixtures';

const APRIL = monthPeriod('2026-04');

describe('complaint measures', () => {
  it('counts acknowledgement and resolution at their own due instants', () => {
    const complaints = [
      complaint('k1', { acknowledgeBy: '2026-04-03T00:00:00Z', acknowledgedAt: '2026-04-02T10:00:00Z', resolveBy: '2026-05-01T00:00:00Z', resolvedAt: '2026-04-30T10:00:00Z' }),
      complaint('k2', { acknowledgeBy: '2026-04-05T00:00:00Z', acknowledgedAt: '2026-04-06T10:00:00Z', resolveBy: '2026-04-25T00:00:00Z', resolvedAt: null }),
      // Acknowledged in March's window; resolved after April's end (not read: not resolved in April's report).
      complaint('k3', { acknowledgeBy: '2026-03-30T00:00:00Z', acknowledgedAt: '2026-03-29T10:00:00Z', resolveBy: '2026-04-28T00:00:00Z', resolvedAt: '2026-05-03T10:00:00Z' }),
    ];
    const result = compute(input(APRIL, { complaints }));
    expect(counts(result, 'complaint_acknowledged_on_time')).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(counts(result, 'complaint_resolved_on_time')).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(rowsOf(result, 'complaint_resolved_on_time').map((r) => [r.subjectId, r.outcome, r.doneAt, r.detail])).toEqual([
      ['k2', 'not_met', null, 'not resolved'],
      ['k3', 'not_met', null, 'not resolved'],
      ['k1', 'met', '2026-04-30T10:00:00.000Z', 'resolved within the window'],
    ]);
    expect(rowsOf(result, 'complaint_acknowledged_on_time').map((r) => [r.subjectId, r.outcome, r.detail])).toEqual([
      ['k1', 'met', 'acknowledged within the window'],
      ['k2', 'not_met', 'acknowledged after the window'],
    ]);
  });
});

function recovery(id: string, since: string, updates: string[], closedAt?: string) {
  const b = new CaseBuilder(id).opened('2026-01-01T00:00:00Z', '2026-01-01').ev(since, 'phase_changed', { from: 'care_planning', to: 'recovery_support', closureReason: null });
  for (const at of updates) b.ev(at, 'committee_update_sent', { update: { narrative: 'PHI-bearing text never copied' } });
  if (closedAt) b.ev(closedAt, 'phase_changed', { from: 'recovery_support', to: 'closed', closureReason: 'goals_met' }).ev(closedAt, 'case_closed', { reason: 'goals_met', detail: null });
  return b.build();
}

describe('committee_update_every_28_days', () => {
  it('fails an episode when the committee was overdue (more than 28 days since the stay began or the last update) at some instant of the period', () => {
    const cases = [
      // Gaps of 24, 23, 26 days, then 16 to the end: never overdue.
      recovery('e1', '2026-02-01T00:00:00Z', ['2026-02-25T00:00:00Z', '2026-03-20T00:00:00Z', '2026-04-15T00:00:00Z']),
      // Last update 20 February: overdue since 20 March, all through April.
      recovery('e2', '2026-02-01T00:00:00Z', ['2026-02-20T00:00:00Z']),
      // In recovery support only 21 days by the end: not yet owed an update.
      recovery('e3', '2026-04-10T00:00:00Z', []),
      // Closed on 20 April, two days before the next update was due.
      recovery('e4', '2026-03-01T00:00:00Z', ['2026-03-25T00:00:00Z'], '2026-04-20T00:00:00Z'),
      // 31 days between updates: overdue from 17 April to 20 April.
      recovery('e5', '2026-03-01T00:00:00Z', ['2026-03-20T00:00:00Z', '2026-04-20T00:00:00Z']),
      // Closed in March: not in April's cohort.
      recovery('e6', '2026-01-01T00:00:00Z', [], '2026-03-15T00:00:00Z'),
    ];
    const result = compute(input(APRIL, { cases }));
    expect(counts(result, 'committee_update_every_28_days')).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(rowsOf(result, 'committee_update_every_28_days').map((r) => [r.subjectId, r.outcome, r.dueAt, r.doneAt, r.detail])).toEqual([
      ['e1', 'met', null, '2026-04-15T00:00:00.000Z', '3 updates in recovery support; no gap over the interval'],
      ['e4', 'met', null, '2026-03-25T00:00:00.000Z', '1 update in recovery support; no gap over the interval'],
      ['e2', 'not_met', '2026-03-20T00:00:00.000Z', '2026-02-20T00:00:00.000Z', '1 update in recovery support; an update was overdue'],
      ['e5', 'not_met', '2026-04-17T00:00:00.000Z', '2026-04-20T00:00:00.000Z', '2 updates in recovery support; an update was overdue'],
    ]);
    expect(JSON.stringify(result.rows)).not.toContain('PHI-bearing');
  });

  it('a gap of exactly 28 days is on time; one millisecond more is not', () => {
    const exact = recovery('e1', '2026-03-01T00:00:00Z', ['2026-03-29T00:00:00Z', '2026-04-26T00:00:00Z']);
    const over = recovery('e2', '2026-03-01T00:00:00Z', ['2026-03-29T00:00:00Z', '2026-04-26T00:00:00.001Z']);
    const result = compute(input(APRIL, { cases: [exact, over] }));
    expect(rowsOf(result, 'committee_update_every_28_days').map((r) => [r.subjectId, r.outcome])).toEqual([
      ['e1', 'met'],
      ['e2', 'not_met'],
    ]);
  });
});
