import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  SA_STEP,
  caseDetailQuery,
  closeCaseUpdate,
  memberDiscussionUpdate,
  proposePlanUpdate,
  recordConsentUpdate,
  recordInterventionUpdate,
  type CaseDetailView,
} from '@careloop/contracts';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, isoDateDaysBefore } from '../support/case-workflow-harness';
import { maybeRecordHistory } from '../support/replay-histories';
import { carePlan, caseInput, memberConsent } from '../support/case-fixtures';

const discussions = (view: CaseDetailView) => view.openTasks.filter((t) => t.kind === 'member_discussion');

/**
 * Seed 003 step 2 as a state (patch `member-discussion-step`): a plan waiting
 * for the member's discussion shows the case in `member_discussion`;
 * concerns send it back to step 1, a plan made active again returns to the
 * member with one discussion due, agreement moves on to step 3.
 */
describe('recovery support step 2, the member discussion (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, intoRecoverySupport } = caseWorkflowHarness(() => env, 'member-discussion');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('awaits the member in step 2; concerns go back to step 1, the revised plan returns to the member once, agreement moves to step 3', async () => {
    await run(async ({ start, stores }) => {
      const now = await env.currentTimeMs();
      const today = new Date(now).toISOString().slice(0, 10);
      const handle = await start(caseInput(isoDateDaysBefore(now, 0)));
      await intoRecoverySupport(handle, today);
      const awaiting = await until(handle, (v) => v.step === 'member_discussion');
      expect(discussions(awaiting)).toHaveLength(1);
      expect((await handle.describe()).typedSearchAttributes.get(SA_STEP)).toBe('member_discussion');

      // Concerns: back to step 1 with a care plan revision due and nothing awaiting the member.
      const concerns = await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'concerns', actorId: 'cm-1' }] });
      expect(concerns.step).toBe('recovery_plan');
      const replanning = await handle.query(caseDetailQuery);
      expect(discussions(replanning)).toHaveLength(0);
      expect(replanning.openTasks.map((t) => t.kind)).toContain('care_plan');

      // The revised plan, consented, goes back to the member; consented again before the discussion, it replaces the one due.
      await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(today, 60), actorId: 'cm-1' }] });
      expect((await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 2, consent: memberConsent, actorId: 'cm-1' }] })).step).toBe('member_discussion');
      await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(today, 90), actorId: 'cm-1' }] });
      expect((await handle.executeUpdate(recordConsentUpdate, { args: [{ planVersion: 3, consent: memberConsent, actorId: 'cm-1' }] })).step).toBe('member_discussion');
      expect(discussions(await handle.query(caseDetailQuery))).toHaveLength(1);

      // An intervention meanwhile is step 4; the discussion still decides, from there.
      expect((await handle.executeUpdate(recordInterventionUpdate, { args: [{ kind: 'referral', description: 'physiotherapy', actorId: 'cm-1' }] })).step).toBe('intervention');
      const agreed = await handle.executeUpdate(memberDiscussionUpdate, { args: [{ outcome: 'agrees', actorId: 'cm-1' }] });
      expect(agreed.step).toBe('support_and_assistance');
      expect((await handle.query(caseDetailQuery)).openTasks.map((t) => t.kind)).toContain('contact');

      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
      const steps = stores.events.flatMap((e) => (e.data.kind === 'step_changed' ? [`${e.data.from ?? 'none'}->${e.data.to}`] : []));
      expect(steps).toEqual([
        'none->recovery_plan',
        'recovery_plan->member_discussion',
        'member_discussion->recovery_plan',
        'recovery_plan->member_discussion',
        'member_discussion->intervention',
        'intervention->support_and_assistance',
      ]);
      // The replaced discussion was cancelled, not left open beside the new one.
      const closed = stores.events.flatMap((e) => (e.data.kind === 'task_closed' && e.data.key === 'member-discussion' ? [e.data.resolution] : []));
      expect(closed).toEqual(['done', 'cancelled', 'done']);
      await maybeRecordHistory('member-discussion-step', handle);
    });
  });
});
