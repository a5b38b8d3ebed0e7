import { randomBytes } from 'node:crypto';
import { CASE_WORKFLOW_TYPE } from '@careloop/contracts';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { bearer, USERS } from '../support/auth';
import { assessmentAnswers, carePlan, caseInput, memberConsent, screeningAnswers } from '../support/case-fixtures';
import { eventually } from '../support/eventually';

/**
 * An Idempotency-Key applies once even when the case continued as new in
 * between (Temporal deduplicates update ids within one run only), through HTTP
 * against the real dev server and Postgres, on a case whose history limit is
 * low enough to continue as new within a few actions.
 */
describe('Idempotency-Key across continue-as-new (real Temporal, real Postgres)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('idem_can');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const api = () => stack.as(USERS.cm1);
  const cm = bearer(USERS.cm1);

  it('answers a repeated request after continue-as-new with the first answer, and applies it once', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const id = `case-ccm-${randomBytes(12).toString('hex')}`;
    // Started as the API would, but with a low history limit (POST /cases keeps the default 1,500 events).
    await stack.temporal.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: id, taskQueue: stack.taskQueue, args: [{ ...caseInput(today), historyEventLimit: 120 }] });
    const runOf = async () => (await stack.temporal.workflow.getHandle(id).describe()).runId;
    const firstRun = await runOf();
    const post = (path: string, key: string, body: object) => api().post(`/cases/${id}/${path}`).set(cm).set('idempotency-key', key).send(body);

    await eventually(() => api().get(`/cases/${id}`), (r) => r.body.attempts?.length === 1);
    await post('attempts/1/outcome', 'k-attempt', { outcome: 'reached' }).expect(200);
    await post('screening', 'k-screening', { answers: screeningAnswers }).expect(200);
    await post('assessment', 'k-assessment', { answers: assessmentAnswers('low') }).expect(200);
    await post('plan', 'k-plan', { plan: carePlan(today) }).expect(200);
    const consent = await post('plan/1/consent', 'k-consent', { consent: memberConsent }).expect(200);
    await post('member-discussion', 'k-discussion', { outcome: 'agrees' }).expect(200);
    const contact = await post('contacts', 'k-contact', { channel: 'phone', outcome: 'completed' }).expect(200);
    // Within the run, Temporal itself answers a repeat with the first result.
    expect((await post('contacts', 'k-contact', { channel: 'phone', outcome: 'completed' }).expect(200)).body).toEqual(contact.body);

    // Notes until the case has continued as new at least once.
    for (let n = 1; n <= 60 && (await runOf()) === firstRun; n++) {
      await post('notes', `k-note-${n}`, { kind: 'call_record', text: `Call ${n}.` }).expect(200);
    }
    expect(await runOf()).not.toBe(firstRun);

    // The same requests again, in the new run: the first answers, nothing applied twice.
    const again = await post('contacts', 'k-contact', { channel: 'phone', outcome: 'completed' }).expect(200);
    expect(again.body).toEqual(contact.body);
    const consentAgain = await post('plan/1/consent', 'k-consent', { consent: memberConsent }).expect(200);
    expect(consentAgain.body).toEqual(consent.body);
    // A new key is a new request.
    await post('contacts', 'k-contact-2', { channel: 'phone', outcome: 'missed' }).expect(200);

    const view = await api().get(`/cases/${id}`).expect(200);
    expect((view.body.openTasks as { kind: string; key: string }[]).filter((t) => t.kind === 'contact').map((t) => t.key)).toEqual(['contact-3']);
    const stored = await eventually(
      () => stack.sql(`SELECT kind, count(*)::int AS n FROM case_events WHERE case_id = $1 AND kind IN ('contact_recorded', 'plan_consented') GROUP BY kind ORDER BY kind`, [id]),
      (rows) => rows.find((r) => r.kind === 'contact_recorded')?.n === 2,
    );
    expect(stored).toEqual([
      { kind: 'contact_recorded', n: 2 },
      { kind: 'plan_consented', n: 1 },
    ]);
    await stack.temporal.workflow.getHandle(id).terminate('test finished');
  }, 120_000);
});
