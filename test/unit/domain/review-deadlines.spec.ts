import {
  clockDueAt,
  clockRemainingMs,
  complaintDueDates,
  DAY_MS,
  decisionProblems,
  escalationDueAt,
  isAppealable,
  missingItems,
  PolicyError,
  resolveReviewPolicy,
  restartClock,
  startClock,
  stopClock,
} from '@careloop/domain';

const HOUR_MS = 3_600_000;
const T0 = '2026-11-02T09:00:00.000Z';
const plus = (ms: number) => new Date(Date.parse(T0) + ms).toISOString();

describe('review policy', () => {
  it('has the regulatory defaults: 72 hours expedited, 7 calendar days standard, complaints acknowledged in 5 and resolved in 30 days', () => {
    const p = resolveReviewPolicy();
    expect(p.version).toBe('reviews@default');
    expect(p.utilizationReview.decisionMs).toEqual({ expedited: 72 * HOUR_MS, standard: 7 * DAY_MS });
    expect(p.utilizationReview.appealDecisionMs).toEqual({ expedited: 72 * HOUR_MS, standard: 30 * DAY_MS });
    expect(p.complaints).toEqual({ acknowledgeMs: 5 * DAY_MS, resolveMs: 30 * DAY_MS });
  });

  it('takes overrides as durations (also inside records such as decisionMs) and names each bad field', () => {
    const p = resolveReviewPolicy({ version: 'demo', overrides: { utilizationReview: { decisionMs: { standard: '2m' }, pendResponseMs: '90s' }, complaints: { acknowledgeMs: 30_000 } } });
    expect(p.version).toBe('reviews@demo');
    expect(p.utilizationReview.decisionMs).toEqual({ expedited: 72 * HOUR_MS, standard: 120_000 });
    expect(p.utilizationReview.pendResponseMs).toBe(90_000);
    expect(p.complaints.acknowledgeMs).toBe(30_000);
    let error: unknown;
    try {
      resolveReviewPolicy({ version: 'bad', overrides: { utilizationReview: { decisionMs: { standard: 'soon' }, urgentMs: '1h' } } });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(PolicyError);
    expect((error as PolicyError).problems.map((p) => p.field)).toEqual(['reviews.utilizationReview.decisionMs.standard', 'reviews.utilizationReview.urgentMs']);
  });
});

describe('decision clock', () => {
  it('runs from receipt: a standard request is due 7 days later and warned a day before', () => {
    const clock = startClock(7 * DAY_MS, T0);
    expect(clockDueAt(clock)).toBe(plus(7 * DAY_MS));
    expect(escalationDueAt(clock, DAY_MS)).toBe(plus(6 * DAY_MS));
    expect(clockRemainingMs(clock, plus(2 * DAY_MS))).toBe(5 * DAY_MS);
  });

  it('stops while pended and restarts with the time that was left', () => {
    const pended = stopClock(startClock(72 * HOUR_MS, T0), plus(10 * HOUR_MS));
    expect(clockDueAt(pended)).toBeNull();
    expect(escalationDueAt(pended, 12 * HOUR_MS)).toBeNull();
    expect(clockRemainingMs(pended, plus(40 * HOUR_MS))).toBe(62 * HOUR_MS);
    const resumed = restartClock(pended, plus(5 * DAY_MS));
    expect(clockDueAt(resumed)).toBe(plus(5 * DAY_MS + 62 * HOUR_MS));
    // Stopping or restarting twice changes nothing.
    expect(stopClock(pended, plus(6 * DAY_MS))).toBe(pended);
    expect(restartClock(resumed, plus(6 * DAY_MS))).toBe(resumed);
  });

  it('never warns before the clock started, and reports no negative time left', () => {
    const clock = startClock(60_000, T0);
    expect(escalationDueAt(clock, 24 * HOUR_MS)).toBe(T0);
    expect(clockRemainingMs(clock, plus(DAY_MS))).toBe(0);
  });
});

describe('utilization review rules', () => {
  const notes = { id: 'd1', kind: 'clinical_notes' as const, title: 'notes', reference: 'dms://1' };

  it('asks for diagnosis codes and documentation of the condition before review', () => {
    expect(missingItems({ diagnosisCodes: [], documents: [] })).toEqual(['diagnosis_codes', 'clinical_documentation']);
    expect(missingItems({ diagnosisCodes: ['M54.5'], documents: [{ ...notes, kind: 'other' }] })).toEqual(['clinical_documentation']);
    expect(missingItems({ diagnosisCodes: ['M54.5'], documents: [notes] })).toEqual([]);
  });

  it('requires a reason for adverse decisions and a partial quantity below the request', () => {
    expect(decisionProblems({ kind: 'approved' }, 12)).toEqual([]);
    expect(decisionProblems({ kind: 'denied', reason: '  ' }, 12)).toEqual([{ field: 'decision.reason', reason: 'a denied decision must give its reason' }]);
    expect(decisionProblems({ kind: 'partially_approved', reason: 'six first', approvedQuantity: 12, approvedDescription: 'all' }, 12).map((p) => p.field)).toEqual(['decision.approvedQuantity']);
    expect(decisionProblems({ kind: 'partially_approved', reason: 'six first', approvedQuantity: 6, approvedDescription: '6' }, 12)).toEqual([]);
    expect([isAppealable({ kind: 'approved' }), isAppealable({ kind: 'denied', reason: 'x' })]).toEqual([false, true]);
  });
});

describe('complaint due dates', () => {
  it('counts both windows from receipt', () => {
    expect(complaintDueDates(T0, { acknowledgeMs: 5 * DAY_MS, resolveMs: 30 * DAY_MS })).toEqual({ acknowledgeBy: plus(5 * DAY_MS), resolveBy: plus(30 * DAY_MS) });
  });
});
