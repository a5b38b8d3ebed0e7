import { monthPeriod } from '@careloop/domain';
import { CaseBuilder, compute, counts, input, rowsOf, stratum } from './measure-fixtures';

const APRIL = monthPeriod('2026-04');
const MAY = monthPeriod('2026-05');

describe('case task measures (assessment, care plan, contacts)', () => {
  it('counts a task at its due: done by it met, done after it not met, cancelled before it excluded', () => {
    const c = new CaseBuilder('c1')
      .opened('2026-03-01T10:00:00Z', '2026-03-01')
      .task('2026-03-20T10:00:00Z', 'assessment', 'assessment', '2026-04-10T10:00:00Z')
      .closeTask('2026-04-10T10:00:00Z', 'assessment', 'done')
      .build();
    const late = new CaseBuilder('c2')
      .opened('2026-03-01T10:00:00Z', '2026-03-01')
      .task('2026-03-20T10:00:00Z', 'assessment', 'assessment', '2026-04-12T10:00:00Z')
      .closeTask('2026-04-14T10:00:00Z', 'assessment', 'done')
      .build();
    const cancelled = new CaseBuilder('c3')
      .opened('2026-03-01T10:00:00Z', '2026-03-01')
      .task('2026-03-20T10:00:00Z', 'assessment', 'assessment', '2026-04-15T10:00:00Z')
      .closed('2026-04-08T10:00:00Z', 'deceased')
      .closeTask('2026-04-08T10:00:00Z', 'assessment', 'cancelled')
      .build();
    const open = new CaseBuilder('c4').opened('2026-03-01T10:00:00Z', '2026-03-01').task('2026-03-20T10:00:00Z', 'assessment', 'assessment', '2026-04-20T10:00:00Z').build();
    const result = compute(input(APRIL, { cases: [c, late, cancelled, open] }));
    expect(counts(result, 'assessment_on_time')).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
    expect(rowsOf(result, 'assessment_on_time').map((r) => [r.subjectId, r.outcome, r.dueAt, r.doneAt, r.detail])).toEqual([
      ['c1', 'met', '2026-04-10T10:00:00.000Z', '2026-04-10T10:00:00.000Z', 'task assessment done by its due'],
      ['c2', 'not_met', '2026-04-12T10:00:00.000Z', '2026-04-14T10:00:00.000Z', 'task assessment done after its due'],
      ['c3', 'excluded', '2026-04-15T10:00:00.000Z', null, 'task assessment cancelled before its due'],
      ['c4', 'not_met', '2026-04-20T10:00:00.000Z', null, 'task assessment not done'],
    ]);
    expect(counts(result, 'care_plan_on_time')).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('a reschedule before the due moves the item; one after the due (already overdue) changes nothing', () => {
    const moved = new CaseBuilder('c1')
      .task('2026-03-20T10:00:00Z', 'care-plan', 'care_plan', '2026-04-03T10:00:00Z')
      .ev('2026-04-02T10:00:00Z', 'task_rescheduled', { key: 'care-plan', from: '2026-04-03T10:00:00Z', dueAt: '2026-05-03T10:00:00Z', reason: 'supervisor extension' })
      .closeTask('2026-05-02T10:00:00Z', 'care-plan', 'done')
      .build();
    const overdue = new CaseBuilder('c2')
      .task('2026-03-20T10:00:00Z', 'care-plan', 'care_plan', '2026-04-03T10:00:00Z')
      .ev('2026-04-05T10:00:00Z', 'task_rescheduled', { key: 'care-plan', from: '2026-04-03T10:00:00Z', dueAt: '2026-05-10T10:00:00Z', reason: null })
      .closeTask('2026-05-02T10:00:00Z', 'care-plan', 'done')
      .build();
    const april = compute(input(APRIL, { cases: [moved, overdue] }));
    expect(counts(april, 'care_plan_on_time')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(rowsOf(april, 'care_plan_on_time').map((r) => [r.subjectId, r.dueAt])).toEqual([['c2', '2026-04-03T10:00:00.000Z']]);
    const may = compute(input(MAY, { cases: [moved, overdue] }));
    expect(counts(may, 'care_plan_on_time')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(rowsOf(may, 'care_plan_on_time').map((r) => [r.subjectId, r.outcome, r.dueAt])).toEqual([['c1', 'met', '2026-05-03T10:00:00.000Z']]);
  });

  it('a paused member: the suspended task is not counted; resumed, it counts at its new due', () => {
    const c = new CaseBuilder('c1')
      .opened('2026-03-01T10:00:00Z', '2026-03-01')
      .task('2026-04-01T10:00:00Z', 'care-plan', 'care_plan', '2026-04-20T10:00:00Z')
      .ev('2026-04-05T10:00:00Z', 'paused', { reason: 'inpatient stay' })
      .ev('2026-04-05T10:00:00Z', 'task_suspended', { key: 'care-plan', remainingMs: 15 * 86_400_000 })
      .ev('2026-05-02T10:00:00Z', 'resumed', {})
      .ev('2026-05-02T10:00:00Z', 'task_resumed', { key: 'care-plan', dueAt: '2026-05-17T10:00:00Z' })
      .closeTask('2026-05-16T10:00:00Z', 'care-plan', 'done')
      .build();
    const april = compute(input(APRIL, { cases: [c] }));
    expect(counts(april, 'care_plan_on_time')).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(rowsOf(april, 'care_plan_on_time')).toEqual([]);
    const may = compute(input(MAY, { cases: [c] }));
    expect(counts(may, 'care_plan_on_time')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(rowsOf(may, 'care_plan_on_time').map((r) => [r.outcome, r.dueAt, r.doneAt])).toEqual([['met', '2026-05-17T10:00:00.000Z', '2026-05-16T10:00:00.000Z']]);
  });

  it('a task suspended after its due stays counted at that due (it was already overdue)', () => {
    const c = new CaseBuilder('c1')
      .task('2026-04-01T10:00:00Z', 'assessment', 'assessment', '2026-04-10T10:00:00Z')
      .ev('2026-04-12T10:00:00Z', 'task_suspended', { key: 'assessment', remainingMs: -2 * 86_400_000 })
      .ev('2026-04-15T10:00:00Z', 'task_resumed', { key: 'assessment', dueAt: '2026-04-15T10:00:00Z' })
      .closeTask('2026-04-15T12:00:00Z', 'assessment', 'done')
      .build();
    const result = compute(input(APRIL, { cases: [c] }));
    expect(counts(result, 'assessment_on_time')).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(rowsOf(result, 'assessment_on_time')[0]!.dueAt).toBe('2026-04-10T10:00:00.000Z');
  });

  it('a care plan reopened under the same key is a second item', () => {
    const c = new CaseBuilder('c1')
      .task('2026-04-01T10:00:00Z', 'care-plan', 'care_plan', '2026-04-05T10:00:00Z')
      .closeTask('2026-04-04T10:00:00Z', 'care-plan', 'done')
      .task('2026-04-10T10:00:00Z', 'care-plan', 'care_plan', '2026-04-20T10:00:00Z')
      .closeTask('2026-04-22T10:00:00Z', 'care-plan', 'done')
      .build();
    const result = compute(input(APRIL, { cases: [c] }));
    expect(counts(result, 'care_plan_on_time')).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('contacts on cadence: on_time / late (done after the due, by the period end) / missed strata over all contacts due', () => {
    const c = new CaseBuilder('c1')
      .task('2026-04-01T10:00:00Z', 'contact-1', 'contact', '2026-04-08T10:00:00Z')
      .closeTask('2026-04-07T10:00:00Z', 'contact-1', 'done')
      .task('2026-04-07T10:00:00Z', 'contact-2', 'contact', '2026-04-14T10:00:00Z')
      .ev('2026-04-14T10:00:00Z', 'task_missed', { key: 'contact-2', clock: 'contact', taskKind: 'contact', dueAt: '2026-04-14T10:00:00Z' })
      .closeTask('2026-04-16T10:00:00Z', 'contact-2', 'done')
      .task('2026-04-16T10:00:00Z', 'contact-3', 'contact', '2026-04-23T10:00:00Z')
      .task('2026-04-16T10:00:00Z', 'contact-4', 'contact', '2026-04-29T10:00:00Z')
      // Done after April's end: missed in April's report, which never reads it.
      .closeTask('2026-05-02T10:00:00Z', 'contact-4', 'done')
      // Due in May: not April's.
      .task('2026-04-25T10:00:00Z', 'contact-5', 'contact', '2026-05-02T10:00:00Z')
      .build();
    const result = compute(input(APRIL, { cases: [c] }));
    expect(counts(result, 'contacts_on_cadence')).toEqual({ numerator: 1, denominator: 4, value: 0.25 });
    expect(stratum(result, 'contacts_on_cadence', 'on_time')).toEqual({ code: 'on_time', numerator: 1, denominator: 4, value: 0.25, median: null });
    expect(stratum(result, 'contacts_on_cadence', 'late')).toEqual({ code: 'late', numerator: 1, denominator: 4, value: 0.25, median: null });
    expect(stratum(result, 'contacts_on_cadence', 'missed')).toEqual({ code: 'missed', numerator: 2, denominator: 4, value: 0.5, median: null });
    expect(rowsOf(result, 'contacts_on_cadence').map((r) => [r.stratum, r.outcome, r.doneAt])).toEqual([
      ['on_time', 'met', '2026-04-07T10:00:00.000Z'],
      ['late', 'not_met', '2026-04-16T10:00:00.000Z'],
      ['missed', 'not_met', null],
      ['missed', 'not_met', null],
    ]);
  });
});

describe('case timeline order', () => {
  it('folds events given out of order as if in order (by time, then seq), skipping unreadable times', () => {
    const ordered = new CaseBuilder('c1')
      .task('2026-04-01T10:00:00Z', 'assessment', 'assessment', '2026-04-10T10:00:00Z')
      .ev('2026-04-05T10:00:00Z', 'task_rescheduled', { key: 'assessment', from: '2026-04-10T10:00:00Z', dueAt: '2026-04-12T10:00:00Z', reason: null })
      .closeTask('2026-04-11T10:00:00Z', 'assessment', 'done')
      .build();
    const shuffled = { ...ordered, events: [ordered.events[2]!, { ...ordered.events[0]!, at: 'garbage', seq: 99 }, ordered.events[0]!, ordered.events[1]!] };
    const a = compute(input(APRIL, { cases: [ordered] }));
    const b = compute(input(APRIL, { cases: [shuffled] }));
    expect(counts(a, 'assessment_on_time')).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(b).toEqual(a);
  });
});
