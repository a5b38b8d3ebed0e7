import { randomBytes } from 'node:crypto';
import {
  CASE_WORKFLOW_TYPE,
  caseDetailQuery,
  closeCaseUpdate,
  memberDiscussionUpdate,
  proposePlanUpdate,
  recordAttemptUpdate,
  recordConsentUpdate,
  recordContactUpdate,
  submitAssessmentUpdate,
  submitScreeningUpdate,
} from '@careloop/contracts';
import { executeUpdateWithRetry } from '@careloop/temporal';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { assessmentAnswers, carePlan, caseInput, memberConsent, screeningAnswers } from '../support/case-fixtures';

/**
 * Three years of weekly contacts (468) on the real dev server and Postgres:
 * the case continues as new whenever its history reaches the limit, every
 * run stays under 2,000 events, the state carries over, and Postgres holds
 * every contact exactly once.
 */
describe('a long case continues as new (real Temporal, real Postgres)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('long');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('keeps every run short and loses nothing across runs', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const workflowId = `case-ccm-${randomBytes(12).toString('hex')}`;
    const handle = await stack.temporal.workflow.start(CASE_WORKFLOW_TYPE, {
      workflowId,
      taskQueue: stack.taskQueue,
      // The default limit is 1,500; a lower one makes this run continue as new several times.
      args: [{ ...caseInput(today), historyEventLimit: 500 }],
    });
    const act = { actorId: 'cm-1' };
    while ((await handle.query(caseDetailQuery)).attempts.length === 0) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await handle.executeUpdate(recordAttemptUpdate, { args: [{ ...act, attemptNumber: 1, outcome: 'reached' }] });
    await handle.executeUpdate(submitScreeningUpdate, { args: [{ ...act, answers: screeningAnswers }] });
    await handle.executeUpdate(submitAssessmentUpdate, { args: [{ ...act, answers: assessmentAnswers('low') }] });
    await handle.executeUpdate(proposePlanUpdate, { args: [{ ...act, plan: carePlan(today) }] });
    await handle.executeUpdate(recordConsentUpdate, { args: [{ ...act, planVersion: 1, consent: memberConsent }] });
    await handle.executeUpdate(memberDiscussionUpdate, { args: [{ ...act, outcome: 'agrees' }] });

    const contacts = 3 * 156;
    for (let i = 1; i <= contacts; i++) {
      // As the API does: an update that races a continue-as-new is repeated with the same update id.
      await executeUpdateWithRetry(handle, recordContactUpdate, { ...act, channel: 'phone', outcome: 'completed', summary: `week ${i}` }, `contact-${i}`);
    }
    const view = await handle.query(caseDetailQuery);
    expect(view).toMatchObject({ phase: 'recovery_support', riskTier: 'low', activePlanVersion: 1 });
    expect(view.openTasks.map((t) => t.key).sort()).toEqual([`contact-${contacts + 1}`, 'plan-review-1', 'reassessment-1']);
    expect(view.attempts).toHaveLength(1);

    await handle.executeUpdate(closeCaseUpdate, { args: [{ ...act, reason: 'goals_met' }] });
    expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });

    const runs: { runId: string; historyLength: number }[] = [];
    for await (const run of stack.temporal.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
      runs.push({ runId: run.runId, historyLength: run.historyLength });
    }
    expect(runs.length).toBeGreaterThan(3);
    for (const run of runs) {
      expect(run.historyLength).toBeLessThan(2_000);
    }
    const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND kind = 'contact_recorded'`, [workflowId]);
    expect(n).toBe(contacts);
    const [{ gaps }] = await stack.sql(
      `SELECT count(*)::int AS gaps FROM (SELECT seq, lag(seq) OVER (ORDER BY seq) AS prev FROM case_events WHERE case_id = $1) s WHERE prev IS NOT NULL AND seq <> prev + 1`,
      [workflowId],
    );
    expect(gaps).toBe(0);
  }, 240_000);
});
