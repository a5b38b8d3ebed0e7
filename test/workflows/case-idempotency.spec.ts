import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  addNoteUpdate,
  caseDetailQuery,
  closeCaseUpdate,
  recordAttemptUpdate,
  submitScreeningUpdate,
} from '@careloop/contracts';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, isoDateDaysBefore } from '../support/case-workflow-harness';
import { maybeRecordHistory } from '../support/replay-histories';
import { caseInput, screeningAnswers } from '../support/case-fixtures';

/**
 * The API sends `<update>:<Idempotency-Key>` as the update id. The server
 * deduplicates update ids within one run only; the case keeps the answers of
 * recent updates in its state and carries them across continue-as-new, so a
 * repeat that reaches a later run is answered, not applied again.
 */
describe('repeated updates across continue-as-new (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until } = caseWorkflowHarness(() => env, 'idempotency');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('answers a repeated update id in the next run with the first answer and changes nothing', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start({ ...caseInput(isoDateDaysBefore(await env.currentTimeMs(), 0)), historyEventLimit: 40 });
      await until(handle, (v) => v.attempts.length === 1);
      const actor = { actorId: 'cm-1' };
      const reached = await handle.executeUpdate(recordAttemptUpdate, { args: [{ ...actor, attemptNumber: 1, outcome: 'reached' }], updateId: 'recordAttempt:k-1' });
      const screened = await handle.executeUpdate(submitScreeningUpdate, { args: [{ ...actor, answers: screeningAnswers }], updateId: 'submitScreening:k-2' });
      const firstRun = (await handle.describe()).runId;
      for (let n = 1; n <= 30 && (await handle.describe()).runId === firstRun; n++) {
        await handle.executeUpdate(addNoteUpdate, { args: [{ ...actor, kind: 'note', text: `note ${n}` }], updateId: `addNote:n-${n}` });
        await until(handle, (v) => v.outboxBacklog === 0);
      }
      expect((await handle.describe()).runId).not.toBe(firstRun);
      const before = await handle.query(caseDetailQuery);

      // The same ids in the new run: the first answers (the validators would refuse both now: attempt recorded, phase moved on).
      expect(await handle.executeUpdate(recordAttemptUpdate, { args: [{ ...actor, attemptNumber: 1, outcome: 'reached' }], updateId: 'recordAttempt:k-1' })).toEqual(reached);
      expect(await handle.executeUpdate(submitScreeningUpdate, { args: [{ ...actor, answers: screeningAnswers }], updateId: 'submitScreening:k-2' })).toEqual(screened);
      const after = await until(handle, (v) => v.outboxBacklog === 0);
      expect(after.recentTimeline).toEqual(before.recentTimeline);
      expect(after).toMatchObject({ phase: 'assessment', attempts: before.attempts });
      expect(stores.events.filter((e) => e.data.kind === 'screening_submitted' || e.data.kind === 'attempt_recorded')).toHaveLength(2);

      await handle.executeUpdate(closeCaseUpdate, { args: [{ ...actor, reason: 'member_opted_out' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'member_opted_out' });
      await maybeRecordHistory('update-answered-after-continue-as-new', handle);
    });
  });
});
