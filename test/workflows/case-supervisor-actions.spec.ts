import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  SA_NEXT_DUE_AT,
  SA_NEXT_DUE_KIND,
  SA_STALLED_AT,
  caseDetailQuery,
  closeCaseUpdate,
  extendDueDateUpdate,
  nudgeTaskUpdate,
  redeliverUpdate,
  reassignUpdate,
  submitAssessmentUpdate,
} from '@careloop/contracts';
import { DAY_MS } from '@careloop/domain';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, expectRefused } from '../support/case-workflow-harness';
import { maybeRecordHistory } from '../support/replay-histories';
import { assessmentAnswers, caseInput } from '../support/case-fixtures';

/** The workflow side of supervisors' actions (DESIGN §5): validators, effects, and what visibility shows. */
describe('supervisor actions on a case (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, reachAndScreen } = caseWorkflowHarness(() => env, 'supervisor');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('extends a due date, nudges, re-delivers and reassigns over the cap only when told to', async () => {
    await run(async ({ start, stores }) => {
      const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      const handle = await start(caseInput(today));
      await reachAndScreen(handle);
      const view = await until(handle, (v) => v.phase === 'assessment' && v.outboxBacklog === 0);
      const task = view.openTasks.find((t) => t.kind === 'assessment')!;
      // Visibility names the task due first and when the case will count as stalled (30 days without progress).
      const attrs = (await handle.describe()).typedSearchAttributes;
      expect(attrs.get(SA_NEXT_DUE_KIND)).toBe('assessment');
      expect(attrs.get(SA_NEXT_DUE_AT)?.toISOString()).toBe(task.dueAt);
      expect(attrs.get(SA_STALLED_AT)!.getTime() - Date.parse(view.lastProgressAt)).toBe(30 * DAY_MS);

      const sup = { actorId: 'sup-1', reason: 'member in hospital' };
      await expectRefused(handle.executeUpdate(extendDueDateUpdate, { args: [{ ...sup, taskKey: 'contact-9', dueAt: task.dueAt }] }), /no open task contact-9; open tasks: assessment/);
      await expectRefused(handle.executeUpdate(extendDueDateUpdate, { args: [{ ...sup, taskKey: 'assessment', dueAt: task.dueAt }] }), /must be later than the current one/);
      const later = new Date(Date.parse(task.dueAt) + 7 * DAY_MS).toISOString();
      await handle.executeUpdate(extendDueDateUpdate, { args: [{ ...sup, taskKey: 'assessment', dueAt: later }] });
      await handle.executeUpdate(nudgeTaskUpdate, { args: [{ ...sup, taskKey: 'assessment' }] });
      const extended = await until(handle, (v) => v.outboxBacklog === 0);
      expect(extended.openTasks.find((t) => t.kind === 'assessment')?.dueAt).toBe(later);
      expect((await handle.describe()).typedSearchAttributes.get(SA_NEXT_DUE_AT)?.toISOString()).toBe(later);
      expect(stores.delivered.filter((n) => n.template === 'task_nudged')).toEqual([
        expect.objectContaining({ audience: 'care_team', params: expect.objectContaining({ taskKey: 'assessment', dueAt: later }) }),
      ]);

      // A notification the workflow gave up on goes out again; one for another case is refused.
      const lost = stores.delivered.find((n) => n.template === 'outreach_attempt_due')!;
      await expectRefused(handle.executeUpdate(redeliverUpdate, { args: [{ ...sup, notifications: [{ ...lost, caseId: 'case-ccm-other' }] }] }), /belong to this case/);
      const before = stores.delivered.length;
      await handle.executeUpdate(redeliverUpdate, { args: [{ ...sup, notifications: [{ ...lost, key: `${lost.key}:again` }] }] });
      await until(handle, (v) => v.outboxBacklog === 0);
      expect(stores.delivered.slice(before).map((n) => n.key)).toEqual([`${lost.key}:again`]);

      // Only a supervisor's override puts a case above someone's cap, and the reason records it.
      await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: assessmentAnswers('high'), actorId: 'cm-1' }] });
      await expectRefused(handle.executeUpdate(reassignUpdate, { args: [{ ...sup, careManagerId: 'cm-full' }] }), /at the caseload cap/);
      await handle.executeUpdate(reassignUpdate, { args: [{ ...sup, careManagerId: 'cm-full', overrideCap: true }] });
      expect((await handle.query(caseDetailQuery)).careManagerId).toBe('cm-full');
      expect(stores.events.filter((e) => e.data.kind === 'care_manager_reassigned').map((e) => e.data)).toEqual([
        expect.objectContaining({ to: 'cm-full', reason: 'member in hospital (caseload cap overridden)' }),
      ]);
      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'transferred', actorId: 'sup-1' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'transferred' });
      await maybeRecordHistory('supervisor-actions', handle);
    }, ['cm-7']);
  });
});
