import { monthPeriod } from '@careloop/domain';
import { compute, counts, input, review, rowsOf, stratum, valueOf } from './measure-fixtures';

const APRIL = monthPeriod('2026-04');

const decision = (level: 'initial' | 'appeal', kind: string, decidedAt: string, dueAt: string, reason: string | null = null) => ({
  level,
  kind,
  reason,
  decidedAt,
  dueAt,
  onTime: Date.parse(decidedAt) <= Date.parse(dueAt),
});

const reviews = [
  review('r1', 'standard', '2026-04-01T00:00:00Z', [decision('initial', 'approved', '2026-04-03T00:00:00Z', '2026-04-08T00:00:00Z')]),
  // Pended for information: the clock stopped and the decision's own due moved from 9 to 12 April.
  review('r2', 'standard', '2026-04-02T00:00:00Z', [decision('initial', 'partially_approved', '2026-04-11T00:00:00Z', '2026-04-12T00:00:00Z', 'quantity limit')], {
    decisionDueAt: '2026-04-09T00:00:00Z',
  }),
  // Denied without a reason, then approved on appeal.
  review('r3', 'expedited', '2026-04-05T00:00:00Z', [
    decision('initial', 'denied', '2026-04-07T12:00:00Z', '2026-04-08T00:00:00Z', '   '),
    decision('appeal', 'approved', '2026-04-20T00:00:00Z', '2026-04-22T00:00:00Z'),
  ]),
  // Not decided by its due.
  review('r4', 'expedited', '2026-04-10T00:00:00Z', [], { decisionDueAt: '2026-04-13T00:00:00Z', status: 'in_review' }),
  // Decided in March, approved on appeal in April.
  review('r5', 'standard', '2026-03-20T00:00:00Z', [
    decision('initial', 'denied', '2026-03-25T00:00:00Z', '2026-03-27T00:00:00Z', 'not medically necessary'),
    decision('appeal', 'approved', '2026-04-15T00:00:00Z', '2026-04-19T00:00:00Z'),
  ]),
  // Decided two days late.
  review('r6', 'standard', '2026-04-11T00:00:00Z', [decision('initial', 'approved', '2026-04-20T00:00:00Z', '2026-04-18T00:00:00Z')]),
];

describe('utilization review measures (stratum: urgency)', () => {
  const result = compute(input(APRIL, { reviews }));

  it('approved (partial approvals count as approved) and denied shares of the initial decisions in the period', () => {
    expect(counts(result, 'ur_approved')).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(stratum(result, 'ur_approved', 'standard')).toEqual({ code: 'standard', numerator: 3, denominator: 3, value: 1, median: null });
    expect(stratum(result, 'ur_approved', 'expedited')).toEqual({ code: 'expedited', numerator: 0, denominator: 1, value: 0, median: null });
    expect(counts(result, 'ur_denied')).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(rowsOf(result, 'ur_approved').map((r) => [r.subjectId, r.stratum, r.outcome, r.detail])).toEqual([
      ['r1', 'standard', 'met', 'initial decision approved'],
      ['r3', 'expedited', 'not_met', 'initial decision denied'],
      ['r2', 'standard', 'met', 'initial decision partially_approved'],
      ['r6', 'standard', 'met', 'initial decision approved'],
    ]);
  });

  it('approved after appeal: appeal decisions decided in the period, whenever the initial one was', () => {
    expect(counts(result, 'ur_approved_after_appeal')).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(rowsOf(result, 'ur_approved_after_appeal').map((r) => [r.subjectId, r.stratum, r.doneAt])).toEqual([
      ['r5', 'standard', '2026-04-15T00:00:00.000Z'],
      ['r3', 'expedited', '2026-04-20T00:00:00.000Z'],
    ]);
  });

  it("decided late against the initial decision's own due (the pend moved it), or undecided at the due", () => {
    expect(counts(result, 'ur_decided_late')).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
    expect(stratum(result, 'ur_decided_late', 'standard')).toEqual({ code: 'standard', numerator: 1, denominator: 3, value: 1 / 3, median: null });
    expect(stratum(result, 'ur_decided_late', 'expedited')).toEqual({ code: 'expedited', numerator: 1, denominator: 2, value: 0.5, median: null });
    expect(rowsOf(result, 'ur_decided_late').map((r) => [r.subjectId, r.outcome, r.dueAt, r.detail])).toEqual([
      ['r1', 'met', '2026-04-08T00:00:00.000Z', 'initial decision by its due'],
      ['r3', 'met', '2026-04-08T00:00:00.000Z', 'initial decision by its due'],
      ['r2', 'met', '2026-04-12T00:00:00.000Z', 'initial decision by its due'],
      ['r4', 'not_met', '2026-04-13T00:00:00.000Z', 'no initial decision by its due'],
      ['r6', 'not_met', '2026-04-18T00:00:00.000Z', 'initial decision after its due'],
    ]);
    expect(valueOf(result, 'ur_decided_late').meetsTarget).toBe(false);
  });

  it('decision time: mean and median hours from request to initial decision, overall and by urgency', () => {
    // 48 h, 216 h, 60 h, 216 h.
    expect(valueOf(result, 'ur_decision_time')).toEqual({
      measureId: 'ur_decision_time',
      numerator: 540,
      denominator: 4,
      value: 135,
      median: 138,
      meetsTarget: null,
      strata: [
        { code: 'standard', numerator: 480, denominator: 3, value: 160, median: 216 },
        { code: 'expedited', numerator: 60, denominator: 1, value: 60, median: 60 },
      ],
    });
    expect(rowsOf(result, 'ur_decision_time').map((r) => [r.subjectId, r.outcome, r.detail])).toEqual([
      ['r1', 'met', 'decided in 48 h'],
      ['r3', 'met', 'decided in 60 h'],
      ['r2', 'met', 'decided in 216 h'],
      ['r6', 'not_met', 'decided in 216 h'],
    ]);
  });

  it('denials and partial approvals decided in the period (either level) give a non-blank reason', () => {
    expect(counts(result, 'ur_denial_with_reason')).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(rowsOf(result, 'ur_denial_with_reason').map((r) => [r.subjectId, r.outcome, r.detail])).toEqual([
      ['r3', 'not_met', 'initial decision denied without a reason'],
      ['r2', 'met', 'initial decision partially_approved with a reason'],
    ]);
    expect(JSON.stringify(result.rows)).not.toContain('quantity limit');
  });
});
