import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandleWithFirstExecutionRunId } from '@temporalio/client';
import { CASE_CLOCKS, DAY_MS, DEFAULT_REMINDER_LEAD_MS, type CaseClockSubject } from '@careloop/domain';
import {
  decideStopParticipationUpdate,
  escalationWorkItemId,
  memberDiscussionUpdate,
  pauseUpdate,
  progressEventUpdate,
  proposePlanUpdate,
  recordAttemptUpdate,
  recordConsentUpdate,
  resumeUpdate,
  stopParticipationRequestUpdate,
  submitAssessmentUpdate,
  submitScreeningUpdate,
  type CaseEvent,
} from '@careloop/contracts';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, type CaseStores } from '../support/case-workflow-harness';
import { maybeRecordHistory } from '../support/replay-histories';
import { assessmentAnswers, carePlan, caseInput, memberConsent, screeningAnswers } from '../support/case-fixtures';

type ClockEvent = CaseEvent & { data: { kind: 'task_reminded' | 'task_missed'; key: string; clock: string; dueAt: string } };

const clockEvents = (stores: CaseStores, kind: 'task_reminded' | 'task_missed', key: string) =>
  stores.events.filter((e): e is ClockEvent => e.data.kind === kind && (e.data as { key: string }).key === key);

/** Workflow time of a timer's task: the time-skipping server fires at the instant; allow a few seconds of real time. */
const near = (at: string, expectedMs: number) => Math.abs(Date.parse(at) - expectedMs) < 5_000;

/**
 * The clock of `key` fired in full: one reminder at the policy lead time before its due time (to the clock's
 * owner), and one miss at the due time with the supervisor's escalation notice naming the escalation work item.
 */
function expectClockFired(stores: CaseStores, caseEpisode: { caseId: string; episodeId: string }, key: string, subject: CaseClockSubject, openedAt: string) {
  const info = CASE_CLOCKS[subject];
  const [reminded, ...moreReminders] = clockEvents(stores, 'task_reminded', key);
  const [missed, ...moreMisses] = clockEvents(stores, 'task_missed', key);
  expect({ key, reminded: !!reminded, missed: !!missed, moreReminders: moreReminders.length, moreMisses: moreMisses.length }).toEqual({
    key,
    reminded: true,
    missed: true,
    moreReminders: 0,
    moreMisses: 0,
  });
  expect(reminded!.data.clock).toBe(info.id);
  const dueMs = Date.parse(reminded!.data.dueAt);
  const lead = Math.min(DEFAULT_REMINDER_LEAD_MS[subject], Math.floor((dueMs - Date.parse(openedAt)) / 2));
  expect(near(reminded!.at, dueMs - lead)).toBe(true);
  expect(missed!.data).toMatchObject({ clock: info.id, dueAt: reminded!.data.dueAt });
  expect(near(missed!.at, dueMs)).toBe(true);

  const reminder = stores.delivered.filter((n) => n.template === 'task_reminder' && n.params.taskKey === key);
  expect(reminder).toEqual([expect.objectContaining({ audience: info.owner, params: expect.objectContaining({ clock: info.id, subject, dueAt: reminded!.data.dueAt }) })]);
  const escalation = stores.delivered.filter((n) => n.template === 'task_missed' && n.params.taskKey === key);
  expect(escalation).toEqual([
    expect.objectContaining({
      audience: 'supervisor',
      params: expect.objectContaining({ clock: info.id, subject, workItemId: escalationWorkItemId(caseEpisode.caseId, caseEpisode.episodeId, key) }),
    }),
  ]);
  // Clock notices carry ids and times only, never the member's reference.
  expect(JSON.stringify([...reminder, ...escalation])).not.toContain('M-TEST-1');
}

/** Clocks C1–C12 (docs/lifecycle.md "Clocks"): each reminds ahead of its due time, and at it is missed and escalated. */
describe('case clocks C1–C12 (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, skip } = caseWorkflowHarness(() => env, 'clocks');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  // The case's episode is the run that opened it.
  const episodeOf = async (handle: WorkflowHandleWithFirstExecutionRunId) => ({ caseId: handle.workflowId, episodeId: handle.firstExecutionRunId });
  const openedAtOf = (stores: CaseStores, key: string) =>
    stores.events.find((e) => e.data.kind === 'task_opened' && e.data.key === key)?.at ?? (() => { throw new Error(`task ${key} never opened`); })();
  const today = async () => new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
  /** Reached, screened, assessed at `tier`, plan consented and agreed: regular contacts on the tier's cadence. */
  const intoRegularContacts = async (handle: WorkflowHandleWithFirstExecutionRunId, tier: 'low' | 'high') => {
    await until(handle, (v) => v.attempts.length === 1);
    await handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: 1, outcome: 'reached', actorId: 'cm-1' }] });
    await handle.executeUpdate(submitScreeningUpdate, { args: [{ answers: screeningAnswers, actorId: 'cm-1' }] });
    await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers(tier), actorId: 'cm-1' }] });
    await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(await today()), actorId: 'cm-1' }] });
    await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 1, consent: memberConsent, actorId: 'cm-1' }] });
    await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'agrees', actorId: 'cm-1' }] });
  };

  it('C1 each outreach attempt and C2 the 90-day screening deadline of a member never reached (parked case)', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(await today(), { screening: { onUnableToReach: 'park' } }));
      const ids = await episodeOf(handle);
      await until(handle, (v) => v.attempts.length === 1);
      // Attempt 1's window is 5 days: reminded on day 4, missed (timed out) on day 5.
      await skip(handle, 6 * DAY_MS);
      expectClockFired(stores, ids, 'attempt-1', 'outreach_attempt', openedAtOf(stores, 'attempt-1'));
      expect(stores.events.find((e) => e.data.kind === 'task_closed' && e.data.key === 'attempt-1')?.data).toMatchObject({ resolution: 'timed_out' });
      // Attempts 2 and 3 time out too; the case is parked for a supervisor; the deadline clock keeps running.
      await skip(handle, 40 * DAY_MS);
      const parked = await until(handle, (v) => v.attempts.length === 3 && v.outboxBacklog === 0);
      expect(parked.phase).toBe('screening');
      expect(stores.delivered.filter((n) => n.template === 'unable_to_reach_parked')).toHaveLength(1);
      expect(clockEvents(stores, 'task_missed', 'screening-deadline')).toEqual([]);
      await skip(handle, 50 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expectClockFired(stores, ids, 'screening-deadline', 'screening_deadline', stores.events[0]!.at);
      expect(clockEvents(stores, 'task_missed', 'screening-deadline')[0]!.data).toMatchObject({ clock: 'C2', taskKind: null });
      await maybeRecordHistory('case-clocks-screening-deadline', handle);
    });
  });

  it('C3 screening, C4 assessment, C5 care plan, C6 consent, C7 member discussion and C8 the contact cadence, each left to pass', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(await today()));
      const ids = await episodeOf(handle);
      await until(handle, (v) => v.attempts.length === 1);
      await handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: 1, outcome: 'reached', actorId: 'cm-1' }] });
      // C3: the screening is due at the 90-day deadline; nobody submits it.
      await skip(handle, 91 * DAY_MS);
      const overdue = await until(handle, (v) => v.outboxBacklog === 0);
      expectClockFired(stores, ids, 'screening', 'screening', openedAtOf(stores, 'screening'));
      // Missed work stays open and overdue: the supervisors' stuck list sees the case as overdue.
      expect(overdue.openTasks.map((t) => t.key)).toEqual(['screening']);
      expect(Date.parse(overdue.nextDueAt!)).toBeLessThan(await env.currentTimeMs());

      await handle.executeUpdate(submitScreeningUpdate, { args: [{ answers: screeningAnswers, actorId: 'cm-1' }] });
      await skip(handle, 31 * DAY_MS);
      expectClockFired(stores, ids, 'assessment', 'assessment', openedAtOf(stores, 'assessment'));

      await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers('low'), actorId: 'cm-1' }] });
      await skip(handle, 31 * DAY_MS);
      expectClockFired(stores, ids, 'care-plan', 'care_plan', openedAtOf(stores, 'care-plan'));

      await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(await today()), actorId: 'cm-1' }] });
      await skip(handle, 31 * DAY_MS);
      expectClockFired(stores, ids, 'plan-consent', 'plan_consent', openedAtOf(stores, 'plan-consent'));

      await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 1, consent: memberConsent, actorId: 'cm-1' }] });
      await skip(handle, 31 * DAY_MS);
      expectClockFired(stores, ids, 'member-discussion', 'member_discussion', openedAtOf(stores, 'member-discussion'));

      await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'agrees', actorId: 'cm-1' }] });
      // Low risk: a contact every 60 days, reminded 2 days ahead.
      await skip(handle, 61 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expectClockFired(stores, ids, 'contact-1', 'contact', openedAtOf(stores, 'contact-1'));
      await maybeRecordHistory('case-clocks-missed', handle);
    });
  });

  it('C9 supplemental information, C10 plan review, C11 reassessment and C12 the stop-participation decision', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(await today()));
      const ids = await episodeOf(handle);
      await intoRegularContacts(handle, 'low');

      // C12: a provider asks that the member stop participating; the supervisor has 5 days, reminded 12 hours ahead.
      await handle.executeUpdate(stopParticipationRequestUpdate, { args: [{ actorId: 'prov-9', providerId: 'prov-9', reason: 'own coordinator' }] });
      const stopKey = (await until(handle, (v) => v.openTasks.some((t) => t.kind === 'stop_participation_review'))).openTasks.find((t) => t.kind === 'stop_participation_review')!.key;
      // C9: progress behind the expected course asks the treating physician; the answer is due in 14 days.
      await handle.executeUpdate(progressEventUpdate, { args: [{ actorId: 'cm-1', kind: 'progress', detail: 'steady' }] });
      await handle.executeUpdate(progressEventUpdate, { args: [{ actorId: 'cm-1', kind: 'behind_expected_course', detail: 'slower' }] });
      await skip(handle, 6 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expectClockFired(stores, ids, stopKey, 'stop_participation_review', openedAtOf(stores, stopKey));
      await handle.executeUpdate(decideStopParticipationUpdate, { args: [{ actorId: 'sup-1', requestId: 'pr-1', decision: 'reject', reason: 'member wants to stay' }] });
      await skip(handle, 10 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expectClockFired(stores, ids, 'supplemental-info', 'supplemental_info', openedAtOf(stores, 'supplemental-info'));

      // C10: the plan review is due 90 days after consent (reminded 14 days ahead); C11 a year after the assessment (30 days ahead).
      await skip(handle, 80 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expectClockFired(stores, ids, 'plan-review-1', 'plan_review', openedAtOf(stores, 'plan-review-1'));
      await skip(handle, 280 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expectClockFired(stores, ids, 'reassessment-1', 'reassessment', openedAtOf(stores, 'reassessment-1'));
      // The reviews' old "due" notices are replaced by the clocks for cases started with them.
      expect(stores.delivered.filter((n) => n.template === 'plan_review_due' || n.template === 'reassessment_due')).toEqual([]);
    });
  });

  it('a pause suspends the contact clock (no reminder, no miss while paused) and resume re-arms it with its remaining time', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(await today()));
      await intoRegularContacts(handle, 'high');
      // High risk: weekly contact. Paused on day 1 for 20 days: nothing fires for the contact.
      await skip(handle, 1 * DAY_MS);
      await handle.executeUpdate(pauseUpdate, { args: [{ actorId: 'cm-1', reason: 'inpatient stay' }] });
      await skip(handle, 20 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      expect([...clockEvents(stores, 'task_reminded', 'contact-1'), ...clockEvents(stores, 'task_missed', 'contact-1')]).toEqual([]);
      await handle.executeUpdate(resumeUpdate, { args: [{ actorId: 'cm-1' }] });
      // Six days were left: reminded on day 4 after resume (2 days ahead), missed on day 6.
      const resumedAt = await env.currentTimeMs();
      await skip(handle, 7 * DAY_MS);
      await until(handle, (v) => v.outboxBacklog === 0);
      const [reminded] = clockEvents(stores, 'task_reminded', 'contact-1');
      const [missed] = clockEvents(stores, 'task_missed', 'contact-1');
      expect(near(reminded!.at, resumedAt + 4 * DAY_MS)).toBe(true);
      expect(near(missed!.at, resumedAt + 6 * DAY_MS)).toBe(true);
      expect(stores.delivered.filter((n) => n.template === 'task_missed' && n.params.taskKey === 'contact-1')).toHaveLength(1);
    });
  });
});
