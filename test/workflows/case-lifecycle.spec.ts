import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { DIRECT_CLOSURE_REASONS, DAY_MS } from '@careloop/domain';
import {
  SA_CARE_MANAGER,
  SA_FLAGS,
  SA_NEXT_DUE_AT,
  SA_PHASE,
  SA_RISK_TIER,
  SA_STEP,
  caseDetailQuery,
  changePcpUpdate,
  closeCaseUpdate,
  externalEventSignal,
  memberDiscussionUpdate,
  pauseUpdate,
  progressEventUpdate,
  providerReportUpdate,
  proposePlanUpdate,
  recordAttemptUpdate,
  recordConsentUpdate,
  recordContactUpdate,
  reassignUpdate,
  recordInterventionUpdate,
  resumeUpdate,
  submitAssessmentUpdate,
  submitScreeningUpdate,
  supplementalInfoUpdate,
  type CaseActionResult,
  type CaseWorkflowInput,
} from '@careloop/contracts';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, expectRefused, isoDateDaysBefore } from '../support/case-workflow-harness';
import { maybeRecordHistory } from '../support/replay-histories';
import { assessmentAnswers, carePlan, caseInput, memberConsent, screeningAnswers } from '../support/case-fixtures';

describe('case workflow lifecycle (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, skip, reachAndScreen, intoRecoverySupport } = caseWorkflowHarness(() => env, 'lifecycle');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it.each([1, 2, 3])('reaches the member on attempt %i, screens, and moves to assessment', async (attempts) => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 1)));
      await reachAndScreen(handle, attempts);
      const view = await until(handle, (v) => v.phase === 'assessment');
      expect(view.attempts.map((a) => a.outcome)).toEqual([...Array(attempts - 1).fill('no_answer'), 'reached']);
      expect(view.attempts.map((a) => a.channel)).toEqual(['phone', 'phone', 'letter'].slice(0, attempts));
      expect(view.openTasks.map((t) => t.kind)).toEqual(['assessment']);
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'transferred', actorId: 'sup-1' }] });
      await handle.result();
      // Each attempt started a task notification for the care team.
      expect(stores.delivered.filter((n) => n.template === 'outreach_attempt_due')).toHaveLength(attempts);
    });
  });

  it('closes unable_to_reach after three attempts nobody answered, each documented', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)));
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'unable_to_reach' });
      const attempts = stores.events.filter((e) => e.data.kind === 'attempt_recorded').map((e) => e.data);
      expect(attempts).toEqual([1, 2, 3].map((number) => expect.objectContaining({ number, outcome: 'timed_out' })));
      await maybeRecordHistory('screening-unable-to-reach', handle);
    });
  });

  it('closes at the screening deadline, 90 days from the enrollment date (not the start date)', async () => {
    await run(async ({ start }) => {
      const startedAt = await env.currentTimeMs();
      const enrollmentDate = isoDateDaysBefore(startedAt, 30);
      const deadline = Date.parse(`${enrollmentDate}T00:00:00Z`) + 90 * DAY_MS;
      // Attempts spaced 40 days apart: the deadline (day 60 of this case) comes before attempt 3.
      const handle = await start(caseInput(enrollmentDate, { screening: { attemptSpacingMs: ['40d'] } }));
      await skip(handle, deadline - startedAt - DAY_MS);
      const before = await handle.query(caseDetailQuery);
      expect(before.phase).toBe('screening');
      expect(before.screeningDueAt).toBe(new Date(deadline).toISOString());
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'unable_to_reach' });
      const { closeTime, typedSearchAttributes } = await handle.describe();
      expect(Math.abs(closeTime!.getTime() - deadline)).toBeLessThan(60_000);
      expect(typedSearchAttributes.get(SA_PHASE)).toBe('closed');
      expect(typedSearchAttributes.get(SA_NEXT_DUE_AT)).toBeUndefined();
      await maybeRecordHistory('screening-deadline-from-enrollment', handle);
    });
  });

  it('closes as member_declined when the member declines at outreach', async () => {
    await run(async ({ start }) => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)));
      await until(handle, (v) => v.attempts.length === 1);
      await handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: 1, outcome: 'declined', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'member_declined' });
    });
  });

  it('gates the care plan on consent and enters recovery support at step 1, then awaits the member at step 2', async () => {
    await run(async ({ start, stores }) => {
      const now = await env.currentTimeMs();
      const today = new Date(now).toISOString().slice(0, 10);
      const handle = await start(caseInput(isoDateDaysBefore(now, 0)));
      await reachAndScreen(handle);
      const assessed = await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers('high'), actorId: 'cm-1' }] });
      expect(assessed.risk.tier).toBe('high');
      expect(assessed.risk.reasons.length).toBeGreaterThan(0);
      expect(assessed.phase).toBe('care_planning');

      // No consent without a plan; no invalid plan; consent only for the latest version.
      await expectRefused(handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 1, consent: memberConsent, actorId: 'cm-1' }] }), /no proposed care plan/);
      const badPlan = { ...carePlan(today), goals: [{ id: 'g1', problemIds: ['nope'], description: 'x', targetDate: isoDateDaysBefore(now, 365) }] };
      await expectRefused(handle.executeUpdate(proposePlanUpdate, { args: [{ plan: badPlan, actorId: 'cm-1' }] }), /care plan is not valid: goals\[0\]/);
      const proposed = await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(today), actorId: 'cm-1' }] });
      expect(proposed.planVersion).toBe(1);
      expect((await handle.query(caseDetailQuery)).activePlanVersion).toBeNull();
      await expectRefused(handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 2, consent: memberConsent, actorId: 'cm-1' }] }), /latest plan version 1/);
      await expectRefused(handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 1, consent: { ...memberConsent, consentGiven: false }, actorId: 'cm-1' }] }), /consent is not valid/);

      const consented = await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 1, consent: memberConsent, actorId: 'cm-1' }] });
      expect(consented).toMatchObject({ phase: 'recovery_support', step: 'member_discussion' });

      // A revision is a new version; the active one stays until consent.
      const revised = await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(today, 120), actorId: 'cm-1' }] });
      expect(revised.planVersion).toBe(2);
      const view = await handle.query(caseDetailQuery);
      expect(view).toMatchObject({ activePlanVersion: 1, latestPlanVersion: 2, riskTier: 'high' });
      const attrs = (await handle.describe()).typedSearchAttributes;
      expect(attrs.get(SA_RISK_TIER)).toBe('high');
      expect(attrs.get(SA_STEP)).toBe('member_discussion');

      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
      // Rejected updates never reached history or the store: one plan_consented, two plan_proposed.
      expect(stores.events.filter((e) => e.data.kind === 'plan_proposed')).toHaveLength(2);
      expect(stores.events.filter((e) => e.data.kind === 'plan_consented')).toHaveLength(1);
      // Step 1 (the active plan), then step 2 while the member's discussion is due; closure leaves the steps.
      const steps = stores.events.flatMap((e) => (e.data.kind === 'step_changed' ? [[e.data.from, e.data.to]] : []));
      expect(steps).toEqual([
        [null, 'recovery_plan'],
        ['recovery_plan', 'member_discussion'],
      ]);
      // Every event was stored once, in order.
      expect(stores.events.map((e) => e.seq)).toEqual(stores.events.map((_, i) => i + 1));
      await maybeRecordHistory('plan-consent-to-recovery-support', handle);
    });
  });

  it('names a care manager for high risk, flags unassigned when nobody has capacity, and gives low risk the team', async () => {
    const assess = async (start: (i: CaseWorkflowInput) => Promise<WorkflowHandle>, level: 'high' | 'low') => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)));
      await reachAndScreen(handle);
      await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers(level), actorId: 'cm-1' }] });
      return handle;
    };
    await run(async ({ start, stores }) => {
      const handle = await assess(start, 'high');
      const view = await until(handle, (v) => v.careManagerId !== null);
      expect(view).toMatchObject({ careManagerId: 'cm-7', pointOfContact: 'cm-7' });
      expect(stores.assignments).toEqual([expect.objectContaining({ riskTier: 'high', preferredLanguage: 'es', caseloadCap: 100 })]);
      expect((await handle.describe()).typedSearchAttributes.get(SA_CARE_MANAGER)).toBe('cm-7');
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'transferred', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'transferred' });
    }, ['cm-7']);
    await run(async ({ start, stores }) => {
      const handle = await assess(start, 'high');
      const view = await until(handle, (v) => v.recentTimeline.some((t) => t.kind === 'assignment_unavailable'));
      expect(view).toMatchObject({ careManagerId: null, pointOfContact: 'care-team:CCM' });
      await until(handle, (v) => v.outboxBacklog === 0);
      expect(stores.delivered.map((n) => n.template)).toContain('no_care_manager_capacity');
      expect((await handle.describe()).typedSearchAttributes.get(SA_FLAGS)).toEqual(['unassigned']);
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'transferred', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'transferred' });
    }, []);
    await run(async ({ start, stores }) => {
      const handle = await assess(start, 'low');
      const view = await until(handle, (v) => v.phase === 'care_planning');
      expect(view).toMatchObject({ riskTier: 'low', careManagerId: null, pointOfContact: 'care-team:CCM' });
      expect(stores.assignments).toEqual([]);
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'transferred', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'transferred' });
    });
  });

  it('runs recovery support: concerns re-plan, agreement starts contacts on the cadence, the committee hears every 28 days', async () => {
    await run(async ({ start, stores }) => {
      const now = await env.currentTimeMs();
      const today = new Date(now).toISOString().slice(0, 10);
      const handle = await start(caseInput(isoDateDaysBefore(now, 0)));
      await intoRecoverySupport(handle, today);
      expect((await handle.query(caseDetailQuery)).openTasks.map((t) => t.key)).toEqual(['member-discussion', 'plan-review-1', 'reassessment-1']);
      await expectRefused(
        handle.executeUpdate(recordContactUpdate, { args: [{ channel: 'phone', outcome: 'completed', actorId: 'cm-1' }] }),
        /must first agree/,
      );

      // Step 2 → concerns: back to step 1, a revision is due; the revised, consented plan goes back to the member.
      const concerns = await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'concerns', actorId: 'cm-1' }] });
      expect(concerns.step).toBe('recovery_plan');
      await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(today, 60), actorId: 'cm-1' }] });
      const reconsented = await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 2, consent: memberConsent, actorId: 'cm-1' }] });
      expect(reconsented.step).toBe('member_discussion');
      expect((await handle.query(caseDetailQuery)).openTasks.filter((t) => t.kind === 'member_discussion')).toHaveLength(1);
      const agreed = await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'agrees', actorId: 'cm-1' }] });
      expect(agreed.step).toBe('support_and_assistance');

      // Step 3: contacts on the low tier's cadence (60 days), each scheduling the next.
      const firstDue = (await handle.query(caseDetailQuery)).openTasks.find((t) => t.kind === 'contact')!;
      expect(Date.parse(firstDue.dueAt) - Date.parse(firstDue.openedAt)).toBe(60 * DAY_MS);
      await handle.executeUpdate(recordContactUpdate, { args: [{ channel: 'phone', outcome: 'completed', actorId: 'cm-1' }] });
      const next = (await handle.query(caseDetailQuery)).openTasks.filter((t) => t.kind === 'contact');
      expect(next.map((t) => t.key)).toEqual(['contact-2']);

      // Step 9: six months of committee updates, never more than 28 days apart, de-identified.
      for (let month = 0; month < 6; month++) {
        await skip(handle, '28 days');
      }
      await until(handle, (v) => v.outboxBacklog === 0);
      const updates = stores.events.filter((e) => e.data.kind === 'committee_update_sent');
      expect(updates.length).toBeGreaterThanOrEqual(6);
      const times = updates.map((e) => Date.parse(e.at));
      // Sent when due (a workflow task's latency at most after the timer), on a cadence that does not drift.
      for (let i = 1; i < times.length; i++) {
        expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(28 * DAY_MS + 60_000);
      }
      expect(times.at(-1)! - times[0]!).toBeLessThanOrEqual((times.length - 1) * 28 * DAY_MS + 60_000);
      const text = JSON.stringify(updates.map((e) => e.data));
      expect(text).not.toContain('M-TEST-1');
      expect(text).not.toContain('heart failure');
      expect(stores.delivered.filter((n) => n.audience === 'committee').length).toBe(updates.length);
      expect((await handle.query(caseDetailQuery)).step).toBe('regular_updates');

      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
      await maybeRecordHistory('recovery-support-six-months', handle);
    });
  });

  it('walks steps 4-8: intervention, provider report, monitoring with provider notices, supplemental information with escalation', async () => {
    await run(async ({ start, stores }) => {
      const now = await env.currentTimeMs();
      const today = new Date(now).toISOString().slice(0, 10);
      const handle = await start(caseInput(isoDateDaysBefore(now, 0)));
      await intoRecoverySupport(handle, today);
      await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'agrees', actorId: 'cm-1' }] });
      const act = <I extends { actorId: string }>(update: UpdateDefinition<CaseActionResult, [I]>, input: Omit<I, 'actorId'>) =>
        handle.executeUpdate(update, { args: [{ ...input, actorId: 'cm-1' } as I] });

      expect((await act(recordInterventionUpdate, { kind: 'referral', description: 'cardiology referral' })).step).toBe('intervention');
      expect((await act(providerReportUpdate, { providerId: 'prov-9', summary: 'echo results', discussedWithMember: true })).step).toBe('reporting');
      expect((await act(progressEventUpdate, { kind: 'symptom_increase', detail: 'more breathless' })).step).toBe('monitoring');
      await act(progressEventUpdate, { kind: 'adherence_variation', detail: 'missed doses' });
      expect((await act(progressEventUpdate, { kind: 'behind_expected_course', detail: 'slower than expected' })).step).toBe('additional_information');
      const requested = await handle.query(caseDetailQuery);
      const task = requested.openTasks.find((t) => t.kind === 'supplemental_info')!;
      expect(Date.parse(task.dueAt) - Date.parse(task.openedAt)).toBe(14 * DAY_MS);

      // Unanswered: escalated to the supervisor 7 days after the due date, once.
      await skip(handle, '22 days');
      await until(handle, (v) => v.outboxBacklog === 0);
      expect(stores.events.filter((e) => e.data.kind === 'supplemental_info_escalated')).toHaveLength(1);
      const templates = stores.delivered.map((n) => `${n.audience}:${n.template}`);
      expect(templates).toEqual(
        expect.arrayContaining([
          'provider:provider_report_forwarded',
          'provider:symptom_increase',
          'provider:adherence_variation',
          'provider:supplemental_info_requested',
          'supervisor:supplemental_info_overdue',
        ]),
      );
      // The provider report was new information in the file: the committee heard about it at once.
      const committee = stores.events.filter((e) => e.data.kind === 'committee_update_sent').map((e) => e.data);
      expect(committee).toEqual(expect.arrayContaining([expect.objectContaining({ update: expect.objectContaining({ trigger: 'new_information' }) })]));

      expect((await act(supplementalInfoUpdate, { summary: 'labs attached' })).step).toBe('adjustments');
      await expectRefused(act(supplementalInfoUpdate, { summary: 'again' }), /no supplemental information has been requested/);
      expect((await handle.query(caseDetailQuery)).openTasks.map((t) => t.kind).sort()).toEqual(['contact', 'plan_review', 'reassessment']);
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
    });
  });

  it('reassigns within capacity, refuses over the cap, and hands the plan to a new PCP', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)));
      await until(handle, (v) => v.attempts.length === 1);
      await expectRefused(
        handle.executeUpdate(reassignUpdate, { args: [{ careManagerId: 'cm-full', reason: 'language', actorId: 'sup-1' }] }),
        /cm-full is at the caseload cap/,
      );
      const moved = await handle.executeUpdate(reassignUpdate, { args: [{ careManagerId: 'cm-2', reason: 'language', actorId: 'sup-1' }] });
      expect(moved.phase).toBe('screening');
      await expectRefused(handle.executeUpdate(reassignUpdate, { args: [{ careManagerId: 'cm-2', reason: 'again', actorId: 'sup-1' }] }), /already assigned/);
      await handle.executeUpdate(changePcpUpdate, { args: [{ pcpId: 'pcp-44', actorId: 'cm-2' }] });
      const view = await handle.query(caseDetailQuery);
      expect(view).toMatchObject({ careManagerId: 'cm-2', pointOfContact: 'cm-2', pcpId: 'pcp-44' });
      await until(handle, (v) => v.outboxBacklog === 0);
      expect(stores.delivered.map((n) => `${n.audience}:${n.template}`)).toEqual(
        expect.arrayContaining(['care_team:case_assigned', 'provider:pcp_care_plan_handover']),
      );
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'member_opted_out', actorId: 'cm-2' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'member_opted_out' });
    }, ['cm-2']);
  });

  it('starts no outreach while paused, and resumes it', async () => {
    await run(async ({ start }) => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)));
      await until(handle, (v) => v.attempts.length === 1);
      await handle.executeUpdate(pauseUpdate, { args: [{ reason: 'inpatient stay', actorId: 'cm-1' }] });
      await handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: 1, outcome: 'no_answer', actorId: 'cm-1' }] });
      await skip(handle, 30 * DAY_MS);
      const paused = await handle.query(caseDetailQuery);
      expect(paused.status).toBe('paused');
      expect(paused.attempts).toHaveLength(1);
      await expectRefused(handle.executeUpdate(pauseUpdate, { args: [{ reason: 'again', actorId: 'cm-1' }] }), /already paused/);
      await handle.executeUpdate(resumeUpdate, { args: [{ actorId: 'cm-1' }] });
      await skip(handle, '1 minute'); // attempt 2 was due long ago; it starts on resume
      const resumed = await until(handle, (v) => v.attempts.length === 2);
      expect(resumed.status).toBe('active');
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'disenrolled', actorId: 'cm-1' }] });
      await handle.result();
    });
  });

  it('records events signalled from outside on the timeline, once per key', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)));
      await until(handle, (v) => v.attempts.length === 1);
      const event = { key: 'discharge-77:pcp-informed', source: 'discharge-planning', kind: 'pcp_informed', summary: 'PCP informed of the discharge', occurredAt: new Date().toISOString(), reference: 'discharge-77' };
      await handle.signal(externalEventSignal, event);
      await handle.signal(externalEventSignal, event); // a retried send
      const view = await until(handle, (v) => v.recentTimeline.some((t) => t.kind === 'external_event_recorded') && v.outboxBacklog === 0);
      expect(view.recentTimeline.filter((t) => t.kind === 'external_event_recorded')).toEqual([
        expect.objectContaining({ actorId: 'discharge-planning', summary: 'discharge-planning: PCP informed of the discharge' }),
      ]);
      expect(stores.events.filter((e) => e.data.kind === 'external_event_recorded').map((e) => e.data)).toEqual([
        { kind: 'external_event_recorded', key: event.key, source: 'discharge-planning', eventKind: 'pcp_informed', occurredAt: event.occurredAt, reference: 'discharge-77' },
      ]);
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'transferred', actorId: 'cm-1' }] });
      await handle.result();
    });
  });

  // member_declined and unable_to_reach come from outreach outcomes, tested above; provider_request only from an
  // approved stop-participation request (case-provider-requests.spec.ts), never from a direct close.
  it.each(DIRECT_CLOSURE_REASONS.filter((r) => r !== 'member_declined' && r !== 'unable_to_reach'))('closes on request with the reason %s, recording who and why', async (reason) => {
    await run(async ({ start, stores }) => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)));
      await until(handle, (v) => v.attempts.length === 1);
      const closed = await handle.executeUpdate(closeCaseUpdate, { args: [{ reason, detail: 'per supervisor review', actorId: 'sup-1' }] });
      expect(closed).toMatchObject({ phase: 'closed', step: null });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: reason });
      expect(stores.events.filter((e) => e.data.kind === 'case_closed')).toEqual([
        expect.objectContaining({ actorId: 'sup-1', data: { kind: 'case_closed', reason, detail: 'per supervisor review' } }),
      ]);
      // The open outreach task is cancelled with the case.
      expect(stores.events.filter((e) => e.data.kind === 'task_closed').map((e) => e.data)).toEqual([expect.objectContaining({ key: 'attempt-1', resolution: 'cancelled' })]);
    });
  });

  it('rejects actions that do not fit the phase, and everything once closed', async () => {
    await run(async ({ start }) => {
      const handle = await start(caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)));
      await until(handle, (v) => v.attempts.length === 1);
      await expectRefused(handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers('low'), actorId: 'cm-1' }] }), /cannot submit an assessment in phase screening/);
      await expectRefused(handle.executeUpdate(submitScreeningUpdate, { args: [{ answers: screeningAnswers, actorId: 'cm-1' }] }), /reached first/);
      await expectRefused(handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: 2, outcome: 'reached', actorId: 'cm-1' }] }), /attempt 2 has not been started/);
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'deceased', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'deceased' });
    });
  });

  it('continues as new with its whole state, and keeps working in the new run', async () => {
    await run(async ({ start, stores }) => {
      const now = await env.currentTimeMs();
      const input = { ...caseInput(isoDateDaysBefore(now, 0)), historyEventLimit: 30 };
      const handle = await start(input);
      const firstRunId = handle.firstExecutionRunId;
      await reachAndScreen(handle, 2);
      await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers('low'), actorId: 'cm-1' }] });
      const later = await until(handle, (v) => v.phase === 'care_planning');
      const { runId } = await handle.describe();
      expect(runId).not.toBe(firstRunId);
      expect(later.attempts.map((a) => a.outcome)).toEqual(['no_answer', 'reached']);
      expect(later.riskTier).toBe('low');
      expect(later.recentTimeline.map((t) => t.kind)).toContain('screening_submitted');
      // The new run goes on: a plan, consent, recovery support.
      const today = new Date(now).toISOString().slice(0, 10);
      await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(today), actorId: 'cm-1' }] });
      await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 1, consent: memberConsent, actorId: 'cm-1' }] });
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
      // Across runs every event was stored exactly once, in order.
      expect(stores.events.map((e) => e.seq)).toEqual(stores.events.map((_, i) => i + 1));
    });
  });
});
