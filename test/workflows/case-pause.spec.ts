import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DAY_MS } from '@careloop/domain';
import {
  SA_NEXT_DUE_AT,
  SA_NEXT_DUE_KIND,
  SA_STALLED_AT,
  caseDetailQuery,
  closeCaseUpdate,
  memberDiscussionUpdate,
  pauseUpdate,
  recordAttemptUpdate,
  recordContactUpdate,
  resumeUpdate,
  type CaseDetailView,
  type CaseEvent,
} from '@careloop/contracts';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, isoDateDaysBefore } from '../support/case-workflow-harness';
import { maybeRecordHistory } from '../support/replay-histories';
import { caseInput } from '../support/case-fixtures';

const MINUTE_MS = 60_000;
const task = (view: CaseDetailView, kind: string) => view.openTasks.find((t) => t.kind === kind)!;
const remainingMs = (t: { dueAt: string; suspendedAt: string | null }) => Date.parse(t.dueAt) - Date.parse(t.suspendedAt!);
const atOf = (events: CaseEvent[], kind: CaseEvent['data']['kind']) => events.filter((e) => e.data.kind === kind).map((e) => Date.parse(e.at));

/**
 * Pause means paused (docs/lifecycle.md, "Pause and resume"): the care team's
 * clocks (contacts, plan review, reassessment, no progress) stop and resume
 * with their remaining time; the regulatory ones (committee update every 28
 * days, the 90-day screening deadline) keep running — in real durations, on
 * the time-skipping server.
 */
describe('pause and resume (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, skip, intoRecoverySupport } = caseWorkflowHarness(() => env, 'pause');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('suspends contacts, plan review, reassessment and no-progress while paused and re-arms them with their remaining time; the 28-day committee update keeps running', async () => {
    await run(async ({ start, stores }) => {
      const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      const handle = await start(caseInput(today));
      await intoRecoverySupport(handle, today);
      await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'agrees', actorId: 'cm-1' }] });
      const entered = await handle.query(caseDetailQuery);
      expect(entered.openTasks.map((t) => [t.key, t.suspendedAt])).toEqual([
        ['plan-review-1', null],
        ['reassessment-1', null],
        ['contact-1', null],
      ]);

      // Day 10: an inpatient stay. Contact (60-day cadence), plan review (90) and reassessment (365) stop with 50, 80 and 355 days left.
      await skip(handle, 10 * DAY_MS);
      await handle.executeUpdate(pauseUpdate, { args: [{ reason: 'inpatient stay', actorId: 'cm-1' }] });
      const paused = await handle.query(caseDetailQuery);
      const pausedAt = Date.parse(paused.recentTimeline.find((t) => t.kind === 'paused')!.at);
      for (const kind of ['contact', 'plan_review', 'reassessment']) {
        expect(Date.parse(task(paused, kind).suspendedAt!)).toBe(pausedAt);
      }
      expect(Math.round(remainingMs(task(paused, 'contact')) / DAY_MS)).toBe(50);
      expect(Math.round(remainingMs(task(paused, 'plan_review')) / DAY_MS)).toBe(80);
      expect(Math.round(remainingMs(task(paused, 'reassessment')) / DAY_MS)).toBe(355);
      expect(paused.nextDueAt).toBeNull();
      await until(handle, (v) => v.outboxBacklog === 0);
      let attrs = (await handle.describe()).typedSearchAttributes;
      expect([attrs.get(SA_NEXT_DUE_AT), attrs.get(SA_NEXT_DUE_KIND), attrs.get(SA_STALLED_AT)]).toEqual([undefined, undefined, undefined]);

      // Day 40, still in hospital: a call with the member is recorded; the next contact starts suspended, with its full cadence left.
      await skip(handle, 30 * DAY_MS);
      await handle.executeUpdate(recordContactUpdate, { args: [{ channel: 'phone', outcome: 'completed', actorId: 'cm-1' }] });
      const called = await handle.query(caseDetailQuery);
      expect(task(called, 'contact').key).toBe('contact-2');
      expect(remainingMs(task(called, 'contact'))).toBe(60 * DAY_MS);

      // Day 110: past the plan review's original due date (day 90) and far past the no-progress interval (30 days) — nothing is due,
      // no review reminder was sent; the committee heard of the case every 28 days all the same.
      await skip(handle, 70 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      const stillPaused = await handle.query(caseDetailQuery);
      expect(stillPaused).toMatchObject({ status: 'paused', nextDueAt: null });
      expect(stores.delivered.filter((n) => n.template === 'plan_review_due')).toEqual([]);
      attrs = (await handle.describe()).typedSearchAttributes;
      expect([attrs.get(SA_NEXT_DUE_AT), attrs.get(SA_STALLED_AT)]).toEqual([undefined, undefined]);
      const consentedAt = Date.parse(stores.events.find((e) => e.data.kind === 'plan_consented')!.at);
      // (To the minute: a timer fires a few milliseconds after its due time; the next one is counted from the due time.)
      const committee = atOf(stores.events, 'committee_update_sent').filter((at) => at > pausedAt).map((at) => Math.round((at - consentedAt) / MINUTE_MS));
      expect(committee).toEqual([28, 56, 84].map((days) => (days * DAY_MS) / MINUTE_MS));
      // The read model gets each suspension once.
      expect(stores.events.filter((e) => e.data.kind === 'task_suspended').map((e) => (e.data as { key: string }).key)).toEqual([
        'plan-review-1',
        'reassessment-1',
        'contact-1',
        'contact-2',
      ]);

      // Resume: each task is due its remaining time from now.
      await handle.executeUpdate(resumeUpdate, { args: [{ actorId: 'cm-1' }] });
      const resumed = await handle.query(caseDetailQuery);
      const resumedAt = Date.parse(resumed.recentTimeline.find((t) => t.kind === 'resumed')!.at);
      expect(resumed.openTasks.map((t) => [t.key, t.suspendedAt, Date.parse(t.dueAt) - resumedAt])).toEqual([
        ['plan-review-1', null, remainingMs(task(paused, 'plan_review'))],
        ['reassessment-1', null, remainingMs(task(paused, 'reassessment'))],
        ['contact-2', null, 60 * DAY_MS],
      ]);
      expect(Date.parse(resumed.nextDueAt!) - resumedAt).toBe(60 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      attrs = (await handle.describe()).typedSearchAttributes;
      expect(attrs.get(SA_NEXT_DUE_KIND)).toBe('contact');
      expect(attrs.get(SA_STALLED_AT)!.getTime() - resumedAt).toBe(30 * DAY_MS);
      expect(stores.events.filter((e) => e.data.kind === 'task_resumed').map((e) => (e.data as { key: string }).key)).toEqual(['plan-review-1', 'reassessment-1', 'contact-2']);

      // The plan review's clock (C10) follows its new due time (80 days after resume), not the original one:
      // reminded 14 days ahead, missed and escalated at it.
      const planReviewNotices = (template: string) => stores.delivered.filter((n) => n.template === template && n.params.taskKey === 'plan-review-1');
      await skip(handle, 80 * DAY_MS - 5 * MINUTE_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expect(planReviewNotices('task_reminder')).toEqual([expect.objectContaining({ params: expect.objectContaining({ dueAt: task(resumed, 'plan_review').dueAt }) })]);
      expect(planReviewNotices('task_missed')).toEqual([]);
      await skip(handle, 10 * MINUTE_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expect(planReviewNotices('task_missed')).toEqual([
        expect.objectContaining({ audience: 'supervisor', params: expect.objectContaining({ clock: 'C10', dueAt: task(resumed, 'plan_review').dueAt }) }),
      ]);

      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
      await maybeRecordHistory('pause-suspends-care-team-clocks', handle);
    });
  });

  it('keeps the 90-day screening deadline running while paused: the case closes unable_to_reach at the deadline', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)));
      const opened = await until(handle, (v) => v.attempts.length === 1);
      await handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: 1, outcome: 'no_answer', actorId: 'cm-1' }] });
      await handle.executeUpdate(pauseUpdate, { args: [{ reason: 'inpatient stay', actorId: 'cm-1' }] });
      await skip(handle, 89 * DAY_MS);
      expect((await handle.query(caseDetailQuery)).status).toBe('paused');
      await skip(handle, 2 * DAY_MS);
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'unable_to_reach' });
      const [closedAt] = atOf(stores.events, 'case_closed');
      // Enrollment date (midnight UTC) + 90 days, not counted from the pause and not extended by it.
      expect(closedAt! - Date.parse(opened.screeningDueAt)).toBeGreaterThanOrEqual(0);
      expect(closedAt! - Date.parse(opened.screeningDueAt)).toBeLessThan(MINUTE_MS);
      expect(Date.parse(opened.screeningDueAt) - Date.parse(`${opened.screeningDueAt.slice(0, 10)}T00:00:00.000Z`)).toBe(0);
      expect(stores.events.filter((e) => e.data.kind === 'attempt_started')).toHaveLength(1);
    });
  });
});
