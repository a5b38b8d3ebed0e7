import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { closeCaseUpdate, recordGoalProgressUpdate, type CaseEvent } from '@careloop/contracts';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, expectRefused, isoDateDaysBefore } from '../support/case-workflow-harness';
import { caseInput } from '../support/case-fixtures';

const committeeGoals = (events: readonly CaseEvent[]) =>
  events.flatMap((e) => (e.data.kind === 'committee_update_sent' ? [{ trigger: e.data.update.trigger, goals: e.data.update.goals }] : []));

/** The care team's judgement of a goal (met, behind, open again) reaches the committee's counts (seed 003 step 9). */
describe('goal progress (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, skip, intoRecoverySupport } = caseWorkflowHarness(() => env, 'goal-progress');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('records a goal as met or behind, refuses unknown goals and no-change, and the 28-day committee update counts it', async () => {
    await run(async ({ start, stores }) => {
      const now = await env.currentTimeMs();
      const today = new Date(now).toISOString().slice(0, 10);
      const handle = await start(caseInput(isoDateDaysBefore(now, 0)));
      await intoRecoverySupport(handle, today);

      await expectRefused(handle.executeUpdate(recordGoalProgressUpdate, { args: [{ goalId: 'g9', status: 'met', actorId: 'cm-1' }] }), /has no goal g9; its goals: g1/);
      await expectRefused(handle.executeUpdate(recordGoalProgressUpdate, { args: [{ goalId: 'g1', status: 'open', actorId: 'cm-1' }] }), /already open/);
      const behind = await handle.executeUpdate(recordGoalProgressUpdate, { args: [{ goalId: 'g1', status: 'behind', note: 'two admissions', actorId: 'cm-1' }] });
      expect(behind).toMatchObject({ phase: 'recovery_support' });
      await skip(handle, '28 days');
      await until(handle, (v) => v.recentTimeline.some((t) => t.kind === 'committee_update_sent'));
      await handle.executeUpdate(recordGoalProgressUpdate, { args: [{ goalId: 'g1', status: 'met', actorId: 'cm-1' }] });
      await skip(handle, '28 days');
      await until(handle, (v) => v.recentTimeline.filter((t) => t.kind === 'committee_update_sent').length === 2 && v.outboxBacklog === 0);

      expect(committeeGoals(stores.events)).toEqual([
        { trigger: 'scheduled', goals: { total: 1, met: 0, behind: 1 } },
        { trigger: 'scheduled', goals: { total: 1, met: 1, behind: 0 } },
      ]);
      const recorded = stores.events.flatMap((e) => (e.data.kind === 'goal_progress_recorded' ? [e.data] : []));
      expect(recorded).toEqual([
        { kind: 'goal_progress_recorded', planVersion: 1, goalId: 'g1', status: 'behind', note: 'two admissions' },
        { kind: 'goal_progress_recorded', planVersion: 1, goalId: 'g1', status: 'met', note: null },
      ]);
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
    });
  });
});
