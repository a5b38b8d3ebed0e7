import { DEFAULT_MEASURE_POLICY, monthPeriod } from '@careloop/domain';
import { CaseBuilder, compute, counts, input, rowsOf } from './measure-fixtures';

const APRIL = monthPeriod('2026-04');

describe('screening measures', () => {
  it('counts an enrollment on the last day of January in April: the 90-day deadline is 1 May 00:00Z, the end of April (start, end]', () => {
    const c = new CaseBuilder('c1').opened('2026-01-31T10:00:00Z', '2026-01-31').screened('2026-04-30T12:00:00Z', 'high').build();
    const april = compute(input(APRIL, { cases: [c] }));
    expect(counts(april, 'screening_within_90_days')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(rowsOf(april, 'screening_within_90_days')).toEqual([
      expect.objectContaining({ subjectId: 'c1', caseId: 'c1', outcome: 'met', dueAt: '2026-05-01T00:00:00.000Z', doneAt: '2026-04-30T12:00:00.000Z', programCode: 'cm', teamId: 'team-a' }),
    ]);
    for (const month of ['2026-01', '2026-05']) {
      expect(counts(compute(input(monthPeriod(month), { cases: [c] })), 'screening_within_90_days')).toEqual({ numerator: 0, denominator: 0, value: null });
    }
  });

  it('screens on the deadline instant on time, a minute after late', () => {
    const onDeadline = new CaseBuilder('c1').opened('2026-01-31T10:00:00Z', '2026-01-31').screened('2026-05-01T00:00:00Z', 'low').build();
    const late = new CaseBuilder('c2').opened('2026-01-31T10:00:00Z', '2026-01-31').screened('2026-05-01T00:01:00Z', 'low').build();
    // April's report never reads the late screening: it is after April's end.
    const april = compute(input(APRIL, { cases: [onDeadline, late] }));
    expect(counts(april, 'screening_within_90_days')).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(rowsOf(april, 'screening_within_90_days').map((r) => [r.subjectId, r.outcome, r.doneAt, r.detail])).toEqual([
      ['c1', 'met', '2026-05-01T00:00:00.000Z', 'screened by the deadline'],
      ['c2', 'not_met', null, 'not screened'],
    ]);
  });

  it('excludes members who left before the deadline unscreened (deceased, disenrolled, …) but not unable_to_reach', () => {
    const deceased = new CaseBuilder('c1').opened('2026-01-15T10:00:00Z', '2026-01-20').closed('2026-02-10T10:00:00Z', 'deceased').build();
    const optedOut = new CaseBuilder('c2').opened('2026-01-15T10:00:00Z', '2026-01-20').closed('2026-03-01T10:00:00Z', 'member_opted_out').build();
    const unreachable = new CaseBuilder('c3')
      .opened('2026-01-15T10:00:00Z', '2026-01-20')
      .ev('2026-01-16T10:00:00Z', 'attempt_recorded', { number: 1, outcome: 'no_answer', note: 'left a message with the daughter' })
      .closed('2026-03-01T10:00:00Z', 'unable_to_reach')
      .build();
    // Disenrolled after the deadline: still in the cohort.
    const leftLate = new CaseBuilder('c4').opened('2026-01-15T10:00:00Z', '2026-01-20').closed('2026-04-25T10:00:00Z', 'disenrolled').build();
    const result = compute(input(APRIL, { cases: [deceased, optedOut, unreachable, leftLate] }));
    // Deadline 2026-04-20T00:00Z for all four.
    expect(counts(result, 'screening_within_90_days')).toEqual({ numerator: 0, denominator: 2, value: 0 });
    expect(counts(result, 'screening_never_reached')).toEqual({ numerator: 2, denominator: 2, value: 1 });
    expect(rowsOf(result, 'screening_within_90_days').map((r) => [r.subjectId, r.outcome, r.dueAt])).toEqual([
      ['c1', 'excluded', '2026-04-20T00:00:00.000Z'],
      ['c2', 'excluded', '2026-04-20T00:00:00.000Z'],
      ['c3', 'not_met', '2026-04-20T00:00:00.000Z'],
      ['c4', 'not_met', '2026-04-20T00:00:00.000Z'],
    ]);
    expect(rowsOf(result, 'screening_never_reached').map((r) => r.detail)).toEqual([
      'closed deceased before the deadline; no attempts',
      'closed member_opted_out before the deadline; no attempts',
      'never reached; 1 attempt: no_answer',
      'never reached; no attempts',
    ]);
  });

  it('never reached: no reached (or declined) attempt and no screening by the deadline; the row lists the attempts in order, never their notes', () => {
    const never = new CaseBuilder('c1')
      .opened('2026-01-15T10:00:00Z', '2026-01-20')
      .ev('2026-01-16T10:00:00Z', 'attempt_recorded', { number: 1, outcome: 'no_answer', note: 'neighbour says she moved' })
      .ev('2026-02-16T10:00:00Z', 'attempt_recorded', { number: 2, outcome: 'wrong_number', note: null })
      .ev('2026-03-16T10:00:00Z', 'attempt_recorded', { number: 3, outcome: 'timed_out', note: null })
      // Reached after the deadline: too late for this measure.
      .ev('2026-04-21T10:00:00Z', 'attempt_recorded', { number: 4, outcome: 'reached', note: null })
      .build();
    const reachedNotScreened = new CaseBuilder('c2')
      .opened('2026-01-15T10:00:00Z', '2026-01-20')
      .ev('2026-01-16T10:00:00Z', 'attempt_recorded', { number: 1, outcome: 'no_answer', note: null })
      .ev('2026-01-17T10:00:00Z', 'attempt_recorded', { number: 2, outcome: 'reached', note: null })
      .build();
    const declined = new CaseBuilder('c3').opened('2026-01-15T10:00:00Z', '2026-01-20').ev('2026-01-16T10:00:00Z', 'attempt_recorded', { number: 1, outcome: 'declined', note: null }).build();
    const screened = new CaseBuilder('c4').opened('2026-01-15T10:00:00Z', '2026-01-20').screened('2026-02-01T10:00:00Z', 'medium').build();
    const result = compute(input(APRIL, { cases: [never, reachedNotScreened, declined, screened] }));
    expect(counts(result, 'screening_never_reached')).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(counts(result, 'screening_within_90_days')).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(rowsOf(result, 'screening_never_reached').map((r) => [r.subjectId, r.outcome, r.detail])).toEqual([
      ['c1', 'not_met', 'never reached; 3 attempts: no_answer, wrong_number, timed_out'],
      ['c2', 'met', 'reached; 2 attempts: no_answer, reached'],
      ['c3', 'met', 'reached; 1 attempt: declined'],
      ['c4', 'met', 'screened; no attempts'],
    ]);
    expect(JSON.stringify(result.rows)).not.toMatch(/neighbour|moved/);
  });

  it('a re-enrolled member has two episodes, each its own screening item from its own enrollment date', () => {
    const c = new CaseBuilder('c1')
      .episode('ep-1')
      .opened('2026-01-02T10:00:00Z', '2026-01-02')
      .closed('2026-01-20T10:00:00Z', 'disenrolled')
      .episode('ep-2')
      .opened('2026-01-25T10:00:00Z', '2026-01-25')
      .screened('2026-02-10T10:00:00Z', 'low')
      .build();
    // Deadlines: ep-1 2026-04-02 (excluded: disenrolled before it, unscreened), ep-2 2026-04-25 (met).
    const result = compute(input(APRIL, { cases: [c] }));
    expect(counts(result, 'screening_within_90_days')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(rowsOf(result, 'screening_within_90_days').map((r) => [r.outcome, r.dueAt, r.doneAt])).toEqual([
      ['excluded', '2026-04-02T00:00:00.000Z', null],
      ['met', '2026-04-25T00:00:00.000Z', '2026-02-10T10:00:00.000Z'],
    ]);
  });

  it('honours the policy deadline', () => {
    const c = new CaseBuilder('c1').opened('2026-03-01T10:00:00Z', '2026-03-01').build();
    const policy = { ...DEFAULT_MEASURE_POLICY, screeningDeadlineMs: 30 * 86_400_000 };
    expect(counts(compute(input(monthPeriod('2026-03'), { cases: [c] }), policy), 'screening_within_90_days')).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });
});
