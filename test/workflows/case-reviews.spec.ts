import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DAY_MS } from '@careloop/domain';
import {
  SA_CARE_MANAGER,
  SA_RISK_TIER,
  caseDetailQuery,
  closeCaseUpdate,
  memberDiscussionUpdate,
  proposePlanUpdate,
  recordConsentUpdate,
  reviewPlanUpdate,
  submitAssessmentUpdate,
  type CaseDetailView,
} from '@careloop/contracts';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, expectRefused, isoDateDaysBefore } from '../support/case-workflow-harness';
import { maybeRecordHistory } from '../support/replay-histories';
import { assessmentAnswers, carePlan, caseInput, memberConsent } from '../support/case-fixtures';

const task = (view: CaseDetailView, kind: string) => view.openTasks.find((t) => t.kind === kind);
const dueInDays = (view: CaseDetailView, kind: string) => {
  const t = task(view, kind)!;
  return (Date.parse(t.dueAt) - Date.parse(t.openedAt)) / DAY_MS;
};

/** DESIGN §3.5: plan review and reassessment on the policy cadence (defaults: 90 and 365 days). */
describe('periodic reviews (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, skip, reachAndScreen, intoRecoverySupport } = caseWorkflowHarness(() => env, 'reviews');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('keeps a plan review due every 90 days and a reassessment every year, reminds once ahead of the due time (clock C10), and restarts the clock', async () => {
    await run(async ({ start, stores }) => {
      const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      const handle = await start(caseInput(today));
      await intoRecoverySupport(handle, today);
      await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'agrees', actorId: 'cm-1' }] });
      const entered = await handle.query(caseDetailQuery);
      expect(task(entered, 'plan_review')?.key).toBe('plan-review-1');
      expect(dueInDays(entered, 'plan_review')).toBe(90);
      expect(task(entered, 'reassessment')?.key).toBe('reassessment-1');
      expect(Math.round(dueInDays(entered, 'reassessment'))).toBe(365);
      // Clock C10: the care team is reminded ahead of the due time, and the supervisor hears of the miss at it.
      const reminders = () => stores.delivered.filter((n) => n.template === 'task_reminder' && n.params.subject === 'plan_review');

      // Day 91: the review is overdue and the care team was reminded, once; still once ten days later.
      await skip(handle, 91 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expect(reminders()).toEqual([expect.objectContaining({ audience: 'care_team', params: expect.objectContaining({ taskKey: 'plan-review-1' }) })]);
      expect(Date.parse(task(await handle.query(caseDetailQuery), 'plan_review')!.dueAt)).toBeLessThan(await env.currentTimeMs());
      await skip(handle, 10 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expect(reminders()).toHaveLength(1);

      // Reviewed, plan continues: the next review is 90 days from the review.
      const reviewed = await handle.executeUpdate(reviewPlanUpdate, { args: [{ outcome: 'continue', actorId: 'cm-1' }] });
      expect(reviewed).toMatchObject({ phase: 'recovery_support', step: 'regular_updates' }); // the step the committee timer left
      let view = await handle.query(caseDetailQuery);
      expect(task(view, 'plan_review')?.key).toBe('plan-review-2');
      expect(dueInDays(view, 'plan_review')).toBe(90);

      // Reviewed, plan to be revised: step 7 with a care-plan task; the consented revision restarts the clock.
      expect((await handle.executeUpdate(reviewPlanUpdate, { args: [{ outcome: 'revise', actorId: 'cm-1' }] })).step).toBe('adjustments');
      expect(task(await handle.query(caseDetailQuery), 'care_plan')).toBeDefined();
      await skip(handle, 5 * DAY_MS);
      const later = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(later, 120), actorId: 'cm-1' }] });
      await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 2, consent: memberConsent, actorId: 'cm-1' }] });
      view = await handle.query(caseDetailQuery);
      expect(task(view, 'care_plan')).toBeUndefined();
      expect(task(view, 'plan_review')?.key).toBe('plan-review-4');
      expect(dueInDays(view, 'plan_review')).toBe(90);
      expect(view.activePlanVersion).toBe(2);

      // The yearly reassessment comes due and is reminded once.
      await skip(handle, 260 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expect(stores.delivered.filter((n) => n.template === 'task_reminder' && n.params.subject === 'reassessment')).toEqual([
        expect.objectContaining({ params: expect.objectContaining({ taskKey: 'reassessment-1' }) }),
      ]);
      expect(stores.delivered.filter((n) => n.template === 'task_missed' && n.params.subject === 'reassessment')).toEqual([
        expect.objectContaining({ audience: 'supervisor', params: expect.objectContaining({ taskKey: 'reassessment-1' }) }),
      ]);
      const reviews = stores.events.filter((e) => e.data.kind === 'plan_reviewed').map((e) => e.data);
      expect(reviews).toEqual([
        expect.objectContaining({ outcome: 'continue', planVersion: 1 }),
        expect.objectContaining({ outcome: 'revise', planVersion: 1 }),
      ]);

      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
      // Closing cancels the open reviews with every other task.
      const closed = stores.events.filter((e) => e.data.kind === 'task_closed' && e.data.resolution === 'cancelled').map((e) => (e.data as { key: string }).key);
      expect(closed).toEqual(expect.arrayContaining(['plan-review-4', 'reassessment-1']));
      await maybeRecordHistory('periodic-reviews-and-revision', handle);
    });
  });

  it('re-stratifies on reassessment: a higher tier gets a named care manager and the faster contact cadence', async () => {
    await run(async ({ start, stores }) => {
      const now = await env.currentTimeMs();
      const today = new Date(now).toISOString().slice(0, 10);
      const handle = await start(caseInput(isoDateDaysBefore(now, 0)));
      await reachAndScreen(handle);
      await expectRefused(
        handle.executeUpdate(reviewPlanUpdate, { args: [{ outcome: 'continue', actorId: 'cm-1' }] }),
        /cannot record a plan review in phase assessment/,
      );
      await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers('low'), actorId: 'cm-1' }] });
      await expectRefused(
        handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers('low'), actorId: 'cm-1' }] }),
        /cannot submit an assessment in phase care_planning/,
      );
      await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(today), actorId: 'cm-1' }] });
      await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 1, consent: memberConsent, actorId: 'cm-1' }] });
      await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'agrees', actorId: 'cm-1' }] });
      const low = await handle.query(caseDetailQuery);
      expect(low).toMatchObject({ riskTier: 'low', careManagerId: null });
      expect(dueInDays(low, 'contact')).toBe(60);
      await skip(handle, 3 * DAY_MS);

      const reassessed = await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers('high'), actorId: 'cm-1' }] });
      expect(reassessed).toMatchObject({ phase: 'recovery_support', risk: expect.objectContaining({ tier: 'high' }) });
      const high = await until(handle, (v) => v.careManagerId !== null && v.outboxBacklog === 0);
      expect(high).toMatchObject({ riskTier: 'high', careManagerId: 'cm-1', pointOfContact: 'cm-1' });
      // The open contact moves to the weekly cadence of high risk (counted from when it was opened).
      const contact = task(high, 'contact')!;
      expect(Date.parse(contact.dueAt) - Date.parse(contact.openedAt)).toBe(7 * DAY_MS);
      // The next reassessment is a year from this one.
      expect(task(high, 'reassessment')?.key).toBe('reassessment-2');
      expect(dueInDays(high, 'reassessment')).toBe(365);
      const attrs = (await handle.describe()).typedSearchAttributes;
      expect(attrs.get(SA_RISK_TIER)).toBe('high');
      expect(attrs.get(SA_CARE_MANAGER)).toBe('cm-1');

      const kinds = stores.events.map((e) => e.data);
      expect(kinds).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'assessment_submitted', reassessment: true }),
          expect.objectContaining({ kind: 'task_rescheduled', key: contact.key, reason: 'contact cadence of risk tier high' }),
          expect.objectContaining({ kind: 'committee_update_sent', update: expect.objectContaining({ trigger: 'new_information' }) }),
          expect.objectContaining({ kind: 'care_manager_assigned', careManagerId: 'cm-1' }),
        ]),
      );
      expect(stores.assignments).toEqual([expect.objectContaining({ riskTier: 'high' })]);
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
      await maybeRecordHistory('reassessment-raises-risk', handle);
    });
  });
});
