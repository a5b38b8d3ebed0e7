import { CaseKernel } from '../../../workflows/case/kernel/case.kernel';
import { CURRENT_BEHAVIOUR } from '../../../workflows/case/case.patches';
import { answered, answerOnce } from '../../../workflows/case/kernel/update-answers';
import { checkRecordAttempt, nextAttemptAt, recordAttempt, startAttempt, submitScreening, timeOutAttempt } from '../../../workflows/case/screening.module';
import { checkSubmitAssessment, submitAssessment } from '../../../workflows/case/assessment.module';
import { proposePlan, recordConsent } from '../../../workflows/case/care-plan.module';
import { memberDiscussion, nextScheduledAt, runScheduled } from '../../../workflows/case/recovery-support.module';
import { ensurePeriodicReviews, reviewPlan } from '../../../workflows/case/periodic-reviews.module';
import { addNote, checkAddNote, checkPause, closeByRequest, pause, resume } from '../../../workflows/case/case-status.module';
import { extendDueDate } from '../../../workflows/case/supervision.module';
import { caseView, searchable } from '../../../workflows/case/views.module';
import type { CaseSnapshot } from '@careloop/contracts';
import { assessmentAnswers, carePlan, caseInput, memberConsent, screeningAnswers } from '../../support/case-fixtures';

/** The workflow's rules without a server: transitions, validators, the outbox. */
describe('the case lifecycle rules (kernel and modules)', () => {
  const t0 = '2026-11-02T09:00:00.000Z';
  const open = () => CaseKernel.open('case-ccm-1', caseInput('2026-11-01'), 'run-1', t0, CURRENT_BEHAVIOUR);

  it('opens into screening with the opening and the phase change in its outbox', () => {
    const state = open();
    expect(state.phase).toBe('screening');
    expect(state.pendingEvents.map((e) => e.data.kind)).toEqual(['case_opened', 'phase_changed']);
    expect(state.pendingEvents.map((e) => e.seq)).toEqual([1, 2]);
    expect(state.screeningDueAt).toBe('2027-01-30T00:00:00.000Z');
  });

  it('starts attempts on the policy channels, with the response window capped at the deadline', () => {
    const state = open();
    const first = startAttempt(state, t0);
    expect(first).toMatchObject({ number: 1, channel: 'phone', dueAt: '2026-11-07T09:00:00.000Z' });
    timeOutAttempt(state, 1, first.dueAt);
    expect(nextAttemptAt(state)).toBe('2026-11-14T09:00:00.000Z'); // 7 days after the timeout
    const late = startAttempt(state, '2027-01-29T12:00:00.000Z');
    expect(late.dueAt).toBe(state.screeningDueAt);
  });

  it('refuses an outcome for an attempt that was not started or is already recorded', () => {
    const state = open();
    expect(() => checkRecordAttempt(state, { attemptNumber: 1, outcome: 'reached', actorId: 'cm' })).toThrow(/not been started/);
    startAttempt(state, t0);
    recordAttempt(state, { attemptNumber: 1, outcome: 'no_answer', actorId: 'cm' }, t0);
    expect(() => checkRecordAttempt(state, { attemptNumber: 1, outcome: 'reached', actorId: 'cm' })).toThrow(/already has the outcome no_answer/);
  });

  it('moves from reached to assessment to care planning, with due tasks for each', () => {
    const state = open();
    startAttempt(state, t0);
    recordAttempt(state, { attemptNumber: 1, outcome: 'reached', actorId: 'cm' }, t0);
    expect(caseView(state).openTasks.map((t) => t.key)).toEqual(['screening']);
    submitScreening(state, { answers: screeningAnswers, actorId: 'cm' }, t0);
    expect(caseView(state).openTasks).toEqual([expect.objectContaining({ key: 'assessment', dueAt: '2026-12-02T09:00:00.000Z' })]);
    const { risk } = submitAssessment(state, { answers: assessmentAnswers('high'), actorId: 'cm' }, t0);
    expect(risk.tier).toBe('high');
    expect(state.phase).toBe('care_planning');
    expect(searchable(state)).toMatchObject({ phase: 'care_planning', riskTier: 'high', nextDueAt: '2026-12-02T09:00:00.000Z' });
  });

  it('turns impossible answers into a rule violation instead of a crash', () => {
    const state = open();
    startAttempt(state, t0);
    recordAttempt(state, { attemptNumber: 1, outcome: 'reached', actorId: 'cm' }, t0);
    submitScreening(state, { answers: screeningAnswers, actorId: 'cm' }, t0);
    const bad = { ...assessmentAnswers('low'), physical: { ...assessmentAnswers('low').physical, adlDependencies: 9 } };
    expect(() => checkSubmitAssessment(state, { answers: bad, actorId: 'cm' })).toThrow(/adlDependencies/);
    // The rejection names the field, never the member's answer.
    expect(() => checkSubmitAssessment(state, { answers: bad, actorId: 'cm' })).not.toThrow(/9/);
  });

  it('closes for good: open tasks cancelled, every further action refused', () => {
    const state = open();
    startAttempt(state, t0);
    closeByRequest(state, { reason: 'disenrolled', actorId: 'sup' }, t0);
    expect(state.workflowResult()).toEqual({ phase: 'closed', closureReason: 'disenrolled' });
    expect(caseView(state).openTasks).toEqual([]);
    expect(() => checkAddNote(state, { kind: 'note', text: 'x', actorId: 'cm' })).toThrow(/closed/);
    expect(() => checkPause(state)).toThrow(/closed/);
  });

  it('keeps only recent entries on the timeline and hands the outbox over in a snapshot', () => {
    const state = open();
    for (let i = 0; i < 30; i++) {
      addNote(state, { kind: 'note', text: `note ${i}`, actorId: 'cm' }, t0);
    }
    expect(caseView(state).recentTimeline).toHaveLength(20);
    const snapshot = state.snapshot();
    expect(snapshot.pending).toHaveLength(32);
    state.markPersisted(32);
    expect(state.pendingEvents).toHaveLength(0);
    const resumed = CaseKernel.resume(caseInput('2026-11-01'), snapshot, CURRENT_BEHAVIOUR);
    expect(resumed.pendingEvents).toHaveLength(32);
    expect(caseView(resumed).recentTimeline.at(-1)?.summary).toBe('note added');
  });

  /** A case at recovery support step 1, plan version 1 active since t0. */
  const inRecoverySupport = (periodicReviews = true, taskClocks = true) => {
    const state = CaseKernel.open('case-ccm-1', caseInput('2026-11-01'), 'run-1', t0, { ...CURRENT_BEHAVIOUR, periodicReviews, taskClocks });
    startAttempt(state, t0);
    recordAttempt(state, { attemptNumber: 1, outcome: 'reached', actorId: 'cm' }, t0);
    submitScreening(state, { answers: screeningAnswers, actorId: 'cm' }, t0);
    submitAssessment(state, { answers: assessmentAnswers('low'), actorId: 'cm' }, t0);
    proposePlan(state, { plan: carePlan('2026-11-02'), actorId: 'cm' }, t0);
    recordConsent(state, { planVersion: 1, consent: memberConsent, actorId: 'cm' }, t0);
    return state;
  };

  it('delivers the notifications of a persisted batch before writing the next one', () => {
    const state = inRecoverySupport();
    state.markPersisted(state.pendingEvents.length);
    expect(state.pendingEvents).toHaveLength(0);
    // The outreach attempt's task notification and the provider's plan-summary notice wait for delivery, and count as backlog.
    expect(state.pendingDeliveries.map((n) => n.template)).toEqual(['outreach_attempt_due', 'care_plan_summary_available']);
    expect(caseView(state).outboxBacklog).toBe(2);
    state.markDelivered();
    state.markDelivered();
    expect(caseView(state).outboxBacklog).toBe(0);
  });

  it('wakes for the earliest of committee update, escalation and review reminder, and does only what is due (cases recorded before the clocks)', () => {
    const state = inRecoverySupport(true, false);
    expect(state.rec.committeeDueAt).toBe('2026-11-30T09:00:00.000Z');
    expect(nextScheduledAt(state)).toBe('2026-11-30T09:00:00.000Z');
    state.markPersisted(state.pendingEvents.length);
    runScheduled(state, '2026-11-30T09:00:00.000Z');
    expect(state.pendingEvents.filter((e) => e.data.kind === 'committee_update_sent')).toHaveLength(1);
    expect(state.pendingEvents.some((e) => e.data.kind === 'notification_requested' && e.data.notification.template === 'plan_review_due')).toBe(false);
    // Committee dues at days 56 and 84 come first; the plan review (day 90) is reminded once, at its due time.
    runScheduled(state, '2026-12-28T09:00:00.000Z');
    runScheduled(state, '2027-01-25T09:00:00.000Z');
    expect(nextScheduledAt(state)).toBe('2027-01-31T09:00:00.000Z');
    runScheduled(state, '2027-01-31T09:00:00.000Z');
    runScheduled(state, '2027-02-22T09:00:00.000Z');
    const reminders = state.pendingEvents.filter((e) => e.data.kind === 'notification_requested' && e.data.notification.template === 'plan_review_due');
    expect(reminders).toHaveLength(1);
    expect(nextScheduledAt(state)).toBe('2027-03-22T09:00:00.000Z');
  });

  it('keeps an overdue task overdue by the same amount across a pause, and adds an extension to the remaining time', () => {
    const state = inRecoverySupport();
    memberDiscussion(state, { outcome: 'agrees', actorId: 'cm' }, t0);
    // Plan review due 2027-01-31; paused ten days after, so it is 10 days overdue when suspended.
    pause(state, { reason: 'inpatient stay', actorId: 'cm' }, '2027-02-10T09:00:00.000Z');
    extendDueDate(state, { taskKey: 'contact-1', dueAt: '2027-01-11T09:00:00.000Z', reason: 'stay', actorId: 'sup' }, '2027-02-11T09:00:00.000Z');
    expect(searchable(state)).toMatchObject({ nextDueAt: null, stalledAt: null, flags: ['paused'] });
    resume(state, { actorId: 'cm' }, '2027-03-10T09:00:00.000Z');
    // Paused for 28 days: every suspended due time moves by 28 days, so what was overdue stays overdue by as much.
    const due = Object.fromEntries(caseView(state).openTasks.map((t) => [t.kind, t.dueAt]));
    expect(due).toEqual({
      plan_review: '2027-02-28T09:00:00.000Z', // was 2027-01-31: 10 days overdue at the pause and again on resume
      reassessment: '2027-11-30T09:00:00.000Z', // was 2027-11-02
      contact: '2027-02-08T09:00:00.000Z', // was 2027-01-01, extended by 10 days while suspended to 2027-01-11
    });
    expect(searchable(state).stalledAt).toBe('2027-04-09T09:00:00.000Z');
  });

  it('suspends nothing when replaying a history from before pauses suspended clocks', () => {
    const state = CaseKernel.open('case-ccm-1', caseInput('2026-11-01'), 'run-1', t0, { ...CURRENT_BEHAVIOUR, pauseSuspendsClocks: false });
    startAttempt(state, t0);
    pause(state, { reason: 'inpatient stay', actorId: 'cm' }, t0);
    expect(state.pendingEvents.some((e) => e.data.kind === 'task_suspended')).toBe(false);
    expect(searchable(state)).toMatchObject({ nextDueAt: '2026-11-07T09:00:00.000Z', stalledAt: '2026-12-02T09:00:00.000Z' });
  });

  it('answers a repeated update id from its snapshot, keeping the last 100 answers', () => {
    const state = open();
    const note = (n: number) => answerOnce(state, `addNote:k-${n}`, () => addNote(state, { kind: 'note', text: `note ${n}`, actorId: 'cm' }, t0));
    const first = note(0);
    for (let n = 1; n <= 100; n++) {
      void note(n);
    }
    const resumed = CaseKernel.resume(caseInput('2026-11-01'), state.snapshot(), CURRENT_BEHAVIOUR);
    expect(answered(resumed, 'addNote:k-100')).toBe(true);
    expect(answerOnce(resumed, 'addNote:k-100', () => ({ eventSeq: -1 }))).toEqual({ phase: 'screening', status: 'active', step: null, eventSeq: 103 });
    // The oldest answer was dropped to keep the snapshot bounded: that id would be applied again.
    expect(answered(resumed, 'addNote:k-0')).toBe(false);
    expect(first).toMatchObject({ eventSeq: 3 });
    // Snapshots from before answers were kept resume with none; histories from before the patch keep none.
    const legacy = state.snapshot() as Partial<CaseSnapshot>;
    delete legacy.updateAnswers;
    expect(answered(CaseKernel.resume(caseInput('2026-11-01'), legacy as CaseSnapshot, CURRENT_BEHAVIOUR), 'addNote:k-100')).toBe(false);
    const unpatched = CaseKernel.resume(caseInput('2026-11-01'), state.snapshot(), { ...CURRENT_BEHAVIOUR, updateAnswersCarried: false });
    expect(answered(unpatched, 'addNote:k-100')).toBe(false);
  });

  it('has no review tasks when replaying a history from before periodic reviews', () => {
    const state = inRecoverySupport(false);
    expect(caseView(state).openTasks.map((t) => t.kind)).toEqual(['member_discussion']);
    reviewPlan(state, { outcome: 'continue', actorId: 'cm' }, t0);
    expect(caseView(state).openTasks.map((t) => t.kind)).toEqual(['member_discussion']);
  });

  it('resumes a snapshot from before periodic reviews and opens its review tasks', () => {
    const legacy = inRecoverySupport(false).snapshot() as Partial<CaseSnapshot>;
    delete legacy.reviews;
    delete legacy.lastAssessedAt;
    delete legacy.deliveries;
    const resumed = CaseKernel.resume(caseInput('2026-11-01'), legacy as CaseSnapshot, CURRENT_BEHAVIOUR);
    ensurePeriodicReviews(resumed, '2027-01-01T00:00:00.000Z');
    const tasks = caseView(resumed).openTasks;
    // The plan review counts from the consent; the reassessment (no assessment time known) from now.
    expect(tasks.find((t) => t.kind === 'plan_review')).toMatchObject({ key: 'plan-review-1', dueAt: '2027-01-31T09:00:00.000Z' });
    expect(tasks.find((t) => t.kind === 'reassessment')).toMatchObject({ key: 'reassessment-1', dueAt: '2028-01-01T00:00:00.000Z' });
    expect(resumed.pendingDeliveries).toEqual([]);
  });
});
