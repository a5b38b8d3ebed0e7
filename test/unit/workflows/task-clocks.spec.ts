import { reminderAt } from '@careloop/domain';
import { CaseKernel } from '../../../workflows/case/kernel/case.kernel';
import { CURRENT_BEHAVIOUR } from '../../../workflows/case/case.patches';
import { startAttempt, recordAttempt, submitScreening, timeOutAttempt } from '../../../workflows/case/screening.module';
import { submitAssessment } from '../../../workflows/case/assessment.module';
import { proposePlan, recordConsent } from '../../../workflows/case/care-plan.module';
import { nextScheduledAt } from '../../../workflows/case/recovery-support.module';
import { fireClocks, nextClockAt, missDueClocks } from '../../../workflows/case/task-clocks.module';
import { extendDueDate } from '../../../workflows/case/supervision.module';
import { assessmentAnswers, carePlan, caseInput, memberConsent, screeningAnswers } from '../../support/case-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = '2026-11-02T09:00:00.000Z';
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** The clock rules over a kernel, without a server (the time-skipping tests run them through the workflow). */
describe('case clocks (kernel rules)', () => {
  const open = (behaviour = CURRENT_BEHAVIOUR) => CaseKernel.open('case-ccm-1', caseInput('2026-11-01'), 'run-1', t0, behaviour);
  const kinds = (k: CaseKernel) => k.pendingEvents.map((e) => e.data.kind);

  it('reminds the lead time ahead, but never in the first half of the task', () => {
    expect(reminderAt(t0, plus(t0, 30 * DAY), 7 * DAY)).toBe(plus(t0, 23 * DAY));
    expect(reminderAt(t0, plus(t0, 2 * DAY), 7 * DAY)).toBe(plus(t0, DAY));
    expect(reminderAt(t0, t0, DAY)).toBe(t0);
  });

  it('wakes for the earliest reminder, then the due time, then not at all for that task', () => {
    const k = open();
    // C2 (not yet reached): 14 days before the 90-day deadline. C1: a day before the attempt's 5-day window ends.
    expect(nextClockAt(k)).toBe(plus(k.screeningDueAt, -14 * DAY));
    const attempt = startAttempt(k, t0);
    expect(nextClockAt(k)).toBe(plus(attempt.dueAt, -DAY));
    fireClocks(k, plus(attempt.dueAt, -DAY));
    expect(k.task('attempt-1')?.remindedAt).toBe(plus(attempt.dueAt, -DAY));
    expect(nextClockAt(k)).toBe(attempt.dueAt);
    fireClocks(k, attempt.dueAt);
    expect(k.task('attempt-1')?.missedAt).toBe(attempt.dueAt);
    expect(nextClockAt(k)).toBe(plus(k.screeningDueAt, -14 * DAY));
    const notices = k.pendingEvents.flatMap((e) => (e.data.kind === 'notification_requested' ? [e.data.notification] : []));
    expect(notices.filter((n) => n.template.startsWith('task_')).map((n) => [n.template, n.audience, n.params.clock, n.params.workItemId])).toEqual([
      ['task_reminder', 'care_team', 'C1', 'case:case-ccm-1:run-1:attempt-1'],
      ['task_missed', 'supervisor', 'C1', 'case:case-ccm-1:run-1:attempt-1:escalation'],
    ]);
  });

  it('misses a clock once, whether its timer or the rule that ends the work runs first', () => {
    const k = open();
    const attempt = startAttempt(k, t0);
    timeOutAttempt(k, 1, attempt.dueAt);
    fireClocks(k, attempt.dueAt);
    expect(kinds(k).filter((x) => x === 'task_missed')).toHaveLength(1);
    // The miss is recorded before the task closes as timed out.
    const order = kinds(k).filter((x) => x === 'task_missed' || x === 'task_closed');
    expect(order).toEqual(['task_missed', 'task_closed']);
  });

  it('skips the late reminder when the due time has passed, and a recorded outcome ends the clock', () => {
    const k = open();
    const attempt = startAttempt(k, t0);
    fireClocks(k, plus(attempt.dueAt, HOUR));
    expect(kinds(k).filter((x) => x === 'task_reminded')).toEqual([]);
    const other = open();
    startAttempt(other, t0);
    recordAttempt(other, { attemptNumber: 1, outcome: 'no_answer', actorId: 'cm-1' }, plus(t0, HOUR));
    expect(nextClockAt(other)).toBe(plus(other.screeningDueAt, -14 * DAY));
  });

  it('a new due time (a supervisor extension) clears the marks, so the clock runs again', () => {
    const k = open();
    const attempt = startAttempt(k, t0);
    fireClocks(k, attempt.dueAt);
    expect(k.task('attempt-1')?.missedAt).toBeDefined();
    extendDueDate(k, { actorId: 'sup-1', taskKey: 'attempt-1', dueAt: plus(attempt.dueAt, 2 * DAY), reason: 'member travelling' }, plus(attempt.dueAt, HOUR));
    expect(k.task('attempt-1')?.missedAt).toBeUndefined();
    expect(nextClockAt(k)).toBe(plus(attempt.dueAt, DAY));
  });

  it('does nothing for a case recorded before the clocks', () => {
    const k = open({ ...CURRENT_BEHAVIOUR, taskClocks: false });
    const attempt = startAttempt(k, t0);
    missDueClocks(k, plus(attempt.dueAt, HOUR));
    timeOutAttempt(k, 1, attempt.dueAt);
    expect(kinds(k).filter((x) => x === 'task_missed' || x === 'task_reminded')).toEqual([]);
  });
});

describe('recovery support with the clocks', () => {
  it('leaves the review reminders to the clocks: its own loop wakes only for the committee and the escalation', () => {
    const k = CaseKernel.open('case-ccm-1', caseInput('2026-11-01'), 'run-1', t0, CURRENT_BEHAVIOUR);
    startAttempt(k, t0);
    recordAttempt(k, { attemptNumber: 1, outcome: 'reached', actorId: 'cm' }, t0);
    submitScreening(k, { answers: screeningAnswers, actorId: 'cm' }, t0);
    submitAssessment(k, { answers: assessmentAnswers('low'), actorId: 'cm' }, t0);
    proposePlan(k, { plan: carePlan('2026-11-02'), actorId: 'cm' }, t0);
    recordConsent(k, { planVersion: 1, consent: memberConsent, actorId: 'cm' }, t0);
    expect(nextScheduledAt(k)).toBe(k.rec.committeeDueAt);
    // The plan review (day 90) is the clocks' business: reminded 14 days ahead.
    const review = k.taskOfKind('plan_review')!;
    fireClocks(k, new Date(Date.parse(review.dueAt) - 14 * DAY).toISOString());
    expect(k.taskOfKind('plan_review')?.remindedAt).toBeDefined();
  });
});
