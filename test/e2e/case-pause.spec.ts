import { randomBytes } from 'node:crypto';
import type { Response } from 'supertest';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { bearer, USERS } from '../support/auth';
import { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from '../support/case-fixtures';
import { eventually } from '../support/eventually';

type Task = { key: string; kind: string; dueAt: string; suspendedAt: string | null };

/**
 * Pause means paused, through HTTP against the real dev server and Postgres
 * (docs/lifecycle.md, "Pause and resume"): two cases on the same
 * seconds-scale policy; the one paused during its contact cadence is neither
 * overdue nor stalled while its twin is both, and after resume its contact
 * comes due again with the time it had left.
 */
describe('pause suspends the care team clocks (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  // A program of this suite only, so the stuck-case lists (one visibility store for every suite) hold only its cases.
  const programCode = `PZ${randomBytes(3).toString('hex').toUpperCase()}`;
  const policyOverrides = { contactCadenceMs: { low: '8s' }, noProgressAlertMs: '8s' };

  beforeAll(async () => {
    stack = await startE2eStack('pause');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const api = () => stack.as(USERS.sup1);
  const cm = bearer(USERS.cm1);
  const contactOf = (r: Response) => (r.body.openTasks as Task[]).find((t) => t.kind === 'contact')!;
  const ids = (r: Response) => (r.body.items as { id?: string; caseId?: string }[]).map((i) => i.id ?? i.caseId);
  const overdueList = () => api().get(`/cases?overdue=true&programCode=${programCode}&limit=100`).expect(200);
  const stuck = (kind: string) => api().get(`/supervisor/stuck-cases?kind=${kind}&programCode=${programCode}&limit=100`).expect(200);

  /** Low risk, plan consented, the member agreed: contact-1 is due one cadence (8 s) from now. */
  async function inRegularContacts(memberRef: string): Promise<string> {
    await stack.registerMember(memberRef);
    const today = new Date().toISOString().slice(0, 10);
    const id: string = (await api().post('/cases').send({ memberRef, programCode, enrollmentDate: today, policyOverrides }).expect(201)).body.id;
    await eventually(() => api().get(`/cases/${id}`), (r) => r.body.attempts?.length === 1);
    await api().post(`/cases/${id}/attempts/1/outcome`).set(cm).send({ outcome: 'reached' }).expect(200);
    await api().post(`/cases/${id}/screening`).set(cm).send({ answers: screeningAnswers }).expect(200);
    await api().post(`/cases/${id}/assessment`).set(cm).send({ answers: assessmentAnswers('low') }).expect(200);
    await api().post(`/cases/${id}/plan`).set(cm).send({ plan: carePlan(today) }).expect(200);
    await api().post(`/cases/${id}/plan/1/consent`).set(cm).send({ consent: memberConsent }).expect(200);
    await api().post(`/cases/${id}/member-discussion`).set(cm).send({ outcome: 'agrees' }).expect(200);
    return id;
  }

  it('lists the paused case neither overdue nor stalled while its twin is both, and re-arms its contact with the remaining time on resume', async () => {
    const running = await inRegularContacts('M-PAUSE-RUNNING');
    const paused = await inRegularContacts('M-PAUSE-INPATIENT');
    await api().post(`/cases/${paused}/pause`).set(cm).send({ reason: 'inpatient stay' }).expect(200);
    const atPause = await api().get(`/cases/${paused}`).expect(200);
    const suspended = contactOf(atPause);
    expect(suspended.suspendedAt).not.toBeNull();
    expect(atPause.body).toMatchObject({ status: 'paused', nextDueAt: null });
    const remaining = Date.parse(suspended.dueAt) - Date.parse(suspended.suspendedAt!);
    expect(remaining).toBeGreaterThan(0);
    expect(remaining).toBeLessThanOrEqual(8_000);

    // Past the paused case's own contact due time and its no-progress interval (8 s after the pause), with time to spare
    // for the read model and visibility; meanwhile the twin's clocks run out: it is listed overdue and stalled.
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(suspended.suspendedAt!) + 11_000 - Date.now())));
    await eventually(() => overdueList(), (r) => ids(r).includes(running), 45_000);
    await eventually(() => stuck('overdue'), (r) => ids(r).includes(running), 45_000);
    await eventually(() => stuck('no_progress'), (r) => ids(r).includes(running), 45_000);
    // The paused case is in none of those lists.
    expect(ids(await overdueList())).toEqual([running]);
    expect(ids(await stuck('overdue'))).toEqual([running]);
    expect(ids(await stuck('no_progress'))).toEqual([running]);
    const listed = await api().get(`/cases?programCode=${programCode}&status=paused`).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: paused, status: 'paused', nextDueAt: null, overdue: false })]);
    const [row] = await stack.sql(`SELECT status FROM case_tasks WHERE case_id = $1 AND task_key = 'contact-1'`, [paused]);
    expect(row).toEqual({ status: 'suspended' });

    // Resume: the contact is due the time it had left from now, and then it is overdue like any other.
    await api().post(`/cases/${paused}/resume`).set(cm).send({}).expect(200);
    const atResume = await api().get(`/cases/${paused}`).expect(200);
    const resumedAt = Date.parse((atResume.body.recentTimeline as { kind: string; at: string }[]).find((t) => t.kind === 'resumed')!.at);
    expect(contactOf(atResume).suspendedAt).toBeNull();
    expect(Date.parse(contactOf(atResume).dueAt) - resumedAt).toBe(remaining);
    expect(Date.parse(atResume.body.nextDueAt)).toBe(resumedAt + remaining);
    const overdueAgain = await eventually(() => overdueList(), (r) => ids(r).includes(paused), 45_000);
    expect(ids(overdueAgain)).toContain(paused);
    const stuckAgain = await eventually(() => stuck('overdue'), (r) => ids(r).includes(paused), 45_000);
    expect(ids(stuckAgain)).toContain(paused);
    const [after] = await stack.sql(`SELECT status, due_at FROM case_tasks WHERE case_id = $1 AND task_key = 'contact-1'`, [paused]);
    expect(after).toEqual({ status: 'open', due_at: new Date(resumedAt + remaining) });
  }, 120_000);
});
