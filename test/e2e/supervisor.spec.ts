import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Worker, NativeConnection, bundleWorkflowCode } from '@temporalio/worker';
import { CASE_WORKFLOW_TYPE } from '@careloop/contracts';
import { resolveProgramPolicy } from '@careloop/domain';
import { careloopDataConverter, DEVELOPMENT_PAYLOAD_KEY } from '@careloop/temporal';
import type { Response } from 'supertest';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { bearer, USERS } from '../support/auth';
import { testWorkflowBundlePath } from '../support/test-workflow-bundle';
import { assessmentAnswers, screeningAnswers } from '../support/case-fixtures';
import { eventually } from '../support/eventually';

/**
 * Supervisors (DESIGN §5) against the real dev server and Postgres: each
 * kind of stuck case is manufactured for real, listed with its reason, and
 * gone after the matching action — and every action is audited.
 */
describe('stuck cases for supervisors (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  let webhook: Server;
  let webhookFails = false;
  const received: string[] = [];

  beforeAll(async () => {
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (!webhookFails) {
          received.push((JSON.parse(body) as { template: string }).template);
        }
        res.statusCode = webhookFails ? 503 : 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
    stack = await startE2eStack('supervisor', { NOTIFY_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/notify` });
  });

  afterAll(async () => {
    await stack?.close();
    await new Promise((resolve) => webhook?.close(resolve));
  });

  const api = () => stack.as(USERS.sup1);
  const sup = bearer(USERS.sup1);
  const cm = bearer(USERS.cm1);


  type Row = { caseId: string; reasons: { kind: string; detail: string; since: string | null }[]; nextDue: { kind: string } | null };
  const stuck = (query: string) => api().get(`/supervisor/stuck-cases?${query}`).expect(200);
  const listed = (body: { items: Row[] }, id: string) => body.items.find((r) => r.caseId === id);

  async function openCase(memberRef: string, policyOverrides: object): Promise<string> {
    await stack.registerMember(memberRef);
    const created = await api().post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10), policyOverrides }).expect(201);
    const id: string = created.body.id;
    await eventually(() => api().get(`/cases/${id}`), (r) => r.body.attempts?.length === 1);
    await api().post(`/cases/${id}/attempts/1/outcome`).set(cm).send({ outcome: 'reached' }).expect(200);
    await api().post(`/cases/${id}/screening`).set(cm).send({ answers: screeningAnswers }).expect(200);
    return id;
  }

  it('lists an overdue assessment and a stalled case with why and since when, and drops them after extend and progress', async () => {
    const id = await openCase('M-SUP-OVERDUE', { assessmentDueMs: '1s', noProgressAlertMs: '4s' });
    const overdue = await eventually(() => stuck('kind=overdue'), (r) => listed(r.body, id) !== undefined, 45_000);
    const row = listed(overdue.body, id)!;
    expect(row.reasons).toEqual([expect.objectContaining({ kind: 'overdue', detail: expect.stringMatching(/^assessment overdue by /) })]);
    expect(row.nextDue).toMatchObject({ kind: 'assessment' });
    expect((await api().get(`/cases/${id}`).expect(200)).body.stuckReasons).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'overdue', detail: expect.stringMatching(/^assessment overdue by /) })]),
    );
    // Filters narrow the list: another program, or overdue by more than a day, leave it out.
    expect(listed((await stuck('kind=overdue&programCode=OTHER')).body, id)).toBeUndefined();
    expect(listed((await stuck('kind=overdue&overdueBy=1d')).body, id)).toBeUndefined();

    // Nudge: the care team hears of the task again; extend: the case is no longer overdue.
    await api().post(`/supervisor/cases/${id}/nudge`).set(sup).send({ taskKey: 'assessment', reason: 'member called back' }).expect(200);
    await eventually(async () => received, (r) => r.includes('task_nudged'));
    const refused = await api().post(`/supervisor/cases/${id}/extend-due-date`).set(sup).send({ taskKey: 'contact-1', dueAt: new Date(Date.now() + 3_600_000).toISOString(), reason: 'waiting for records' }).expect(409);
    expect(refused.body.detail).toMatch(/no open task contact-1/);
    await api().post(`/supervisor/cases/${id}/extend-due-date`).set(sup).send({ taskKey: 'assessment', dueAt: new Date(Date.now() + 3_600_000).toISOString(), reason: 'waiting for records' }).expect(200);
    await eventually(() => stuck('kind=overdue'), (r) => listed(r.body, id) === undefined);
    expect(listed((await stuck('kind=overdue')).body, id)).toBeUndefined();

    // Nothing recorded for 4 seconds (the policy): no progress; recording something clears it.
    const stalled = await eventually(() => stuck('kind=no_progress'), (r) => listed(r.body, id) !== undefined, 45_000);
    expect(listed(stalled.body, id)!.reasons[0]).toMatchObject({ kind: 'no_progress' });
    await api().post(`/cases/${id}/notes`).set(cm).send({ kind: 'call_record', text: 'Left a message.' }).expect(200);
    await eventually(() => stuck('kind=no_progress'), (r) => listed(r.body, id) === undefined);
    expect(listed((await stuck('kind=no_progress')).body, id)).toBeUndefined();

    const actions = await stack.sql('SELECT action, actor_id, reason, outcome FROM supervisor_actions WHERE case_id = $1 ORDER BY id', [id]);
    expect(actions).toEqual([
      { action: 'nudge', actor_id: 'sup-1', reason: 'member called back', outcome: 'applied' },
      { action: 'extend_due_date', actor_id: 'sup-1', reason: 'waiting for records', outcome: 'case_action_rejected' },
      { action: 'extend_due_date', actor_id: 'sup-1', reason: 'waiting for records', outcome: 'applied' },
    ]);
  });

  it('lists an unassigned high-risk case, refuses a reassignment over the cap, and accepts it with an override', async () => {
    const id = await openCase('M-SUP-UNASSIGNED', {});
    await api().post(`/cases/${id}/assessment`).set(cm).send({ answers: assessmentAnswers('high') }).expect(200);
    const found = await eventually(() => stuck('kind=unassigned&riskTier=high'), (r) => listed(r.body, id) !== undefined, 45_000);
    expect(listed(found.body, id)!.reasons).toEqual([expect.objectContaining({ kind: 'unassigned' })]);
    // The case itself says so too, with the same kind and reason as the list.
    const caseView = await api().get(`/cases/${id}`).expect(200);
    expect(caseView.body).toMatchObject({ riskTier: 'high', careManagerId: null, flags: ['unassigned'], stuckReasons: listed(found.body, id)!.reasons });
    // A care manager at the cap: one slot, already taken.
    await stack.sql(`INSERT INTO teams (id, name) VALUES ('north', 'North') ON CONFLICT (id) DO NOTHING`);
    await stack.sql(`INSERT INTO staff (id, display_name, role, team, languages, active, caseload_cap) VALUES ('cm-full', 'Full', 'care_manager', 'north', '{es}', true, 1)`);
    await stack.sql(`INSERT INTO case_assignments (case_id, episode_id, care_manager_id, risk_tier, language_match, assigned_at) VALUES ('case-other', 'run-x', 'cm-full', 'high', true, now())`);
    const loads = await api().get('/supervisor/caseloads').expect(200);
    expect(loads.body.items).toEqual([expect.objectContaining({ careManagerId: 'cm-full', open: 1, cap: 1, available: 0, overCap: false, byRiskTier: { high: 0, medium: 0, low: 0, none: 1 } })]);

    const overCap = await api().post(`/supervisor/cases/${id}/reassign`).set(sup).send({ careManagerId: 'cm-full', reason: 'speaks Spanish' }).expect(409);
    expect(overCap.body.detail).toMatch(/caseload cap/);
    await api().post(`/supervisor/cases/${id}/reassign`).set(sup).send({ careManagerId: 'cm-full', reason: 'speaks Spanish; covering a leave', overrideCap: true }).expect(200);
    await eventually(() => stuck('kind=unassigned'), (r) => listed(r.body, id) === undefined);
    expect(listed((await stuck('kind=unassigned')).body, id)).toBeUndefined();
    const assigned = await eventually(() => api().get(`/cases/${id}`).expect(200), (r) => r.body.flags.length === 0);
    expect(assigned.body).toMatchObject({ careManagerId: 'cm-full', flags: [], stuckReasons: [] });
    const after = await eventually(() => api().get('/supervisor/caseloads'), (r) => r.body.items[0]?.open === 2);
    expect(after.body.items[0]).toMatchObject({ careManagerId: 'cm-full', open: 2, overCap: true });
    expect(await stack.sql('SELECT action, outcome, details FROM supervisor_actions WHERE case_id = $1 ORDER BY id', [id])).toEqual([
      { action: 'reassign', outcome: 'case_action_rejected', details: { careManagerId: 'cm-full', overrideCap: false } },
      { action: 'reassign', outcome: 'applied', details: { careManagerId: 'cm-full', overrideCap: true } },
    ]);
  });

  it('lists a case whose notification channel fails, with attempts and the last error, until retry-now delivers', async () => {
    webhookFails = true;
    const id = await openCase('M-SUP-CHANNEL', {});
    const found = await eventually(() => stuck('kind=failing_activity'), (r) => listed(r.body, id) !== undefined, 45_000);
    expect(listed(found.body, id)!.reasons).toEqual([expect.objectContaining({ kind: 'failing_activity', detail: expect.stringMatching(/webhook answered 503/) })]);
    const diagnosis = await eventually(
      () => api().get(`/supervisor/cases/${id}/diagnosis`).expect(200),
      (r) => r.body.pendingActivities.some((a: { activityType: string }) => a.activityType === 'deliverNotification'),
    );
    expect(diagnosis.body.pendingActivities).toEqual(
      expect.arrayContaining([expect.objectContaining({ activityType: 'deliverNotification', lastFailure: expect.stringMatching(/503/) })]),
    );
    expect(diagnosis.body.failedNotifications[0]).toMatchObject({ attempts: expect.any(Number), lastError: 'webhook: webhook answered 503' });
    const summary = await api().get('/supervisor/stuck-cases/summary').expect(200);
    expect(summary.body.counts.failing_activity).toBeGreaterThanOrEqual(1);

    // The channel is back; retry now instead of waiting for the next backoff.
    webhookFails = false;
    const retried = await api().post(`/supervisor/cases/${id}/retry`).set(sup).send({ reason: 'webhook fixed' }).expect(200);
    expect(retried.body.activitiesReset).toBeGreaterThanOrEqual(1);
    await eventually(() => stuck('kind=failing_activity'), (r) => listed(r.body, id) === undefined, 20_000);
    expect(listed((await stuck('kind=failing_activity')).body, id)).toBeUndefined();
  });

  it('lists a case whose workflow task keeps failing (a broken deployment) until a fixed worker runs it', async () => {
    const taskQueue = `broken-${randomBytes(3).toString('hex')}`;
    const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    const dataConverter = careloopDataConverter([DEVELOPMENT_PAYLOAD_KEY]);
    const broken = await Worker.create({
      connection,
      taskQueue,
      dataConverter,
      workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('../support/broken-workflows'), logger: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never }),
    });
    const id = `case-ccm-${randomBytes(12).toString('hex')}`;
    const input = { memberRef: 'M-SUP-BROKEN', programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10), policy: resolveProgramPolicy('CCM', undefined) };
    await stack.temporal.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: id, taskQueue, args: [input] });
    const found = await broken.runUntil(eventually(() => stuck('kind=failing_workflow_task'), (r) => listed(r.body, id) !== undefined, 60_000));
    expect(listed(found.body, id)!.reasons).toEqual([expect.objectContaining({ kind: 'failing_workflow_task', detail: expect.stringMatching(/category=WorkflowTaskFailed/) })]);

    // The fix is deployed: the same workflow type, working code, on that queue.
    const fixed = await Worker.create({ connection, taskQueue, dataConverter, workflowBundle: { codePath: testWorkflowBundlePath() }, activities: {} });
    await fixed.runUntil(eventually(() => stuck('kind=failing_workflow_task'), (r) => listed(r.body, id) === undefined, 60_000));
    expect(listed((await stuck('kind=failing_workflow_task')).body, id)).toBeUndefined();
    await stack.temporal.workflow.getHandle(id).terminate('test finished');
    await connection.close();
  });

  it('queues again a notification the workflow gave up on, and it is delivered', async () => {
    const id = await openCase('M-SUP-GAVE-UP', {});
    await eventually(() => stack.sql(`SELECT status FROM notifications WHERE case_id = $1 AND template = 'outreach_attempt_due'`, [id]), (r) => r[0]?.status === 'delivered');
    // As after the last of its retries: the outbox row says failed, and no activity is retrying it.
    await stack.sql(`UPDATE notifications SET status = 'failed', last_error = 'webhook: webhook answered 503', first_failed_at = now() WHERE case_id = $1 AND template = 'outreach_attempt_due'`, [id]);
    expect(listed((await eventually(() => stuck('kind=failing_activity'), (r) => listed(r.body, id) !== undefined)).body, id)).toBeDefined();
    await eventually(() => api().get(`/supervisor/cases/${id}/diagnosis`).expect(200), (r) => r.body.pendingActivities.length === 0);
    const before = received.filter((t) => t === 'outreach_attempt_due').length;

    const retried = await api().post(`/supervisor/cases/${id}/retry`).set(sup).send({ reason: 'channel fixed; resend' }).expect(200);
    expect(retried.body).toMatchObject({ activitiesReset: 0, notificationsRequeued: 1 });
    await eventually(() => stuck('kind=failing_activity'), (r) => listed(r.body, id) === undefined, 20_000);
    expect(listed((await stuck('kind=failing_activity')).body, id)).toBeUndefined();
    expect(received.filter((t) => t === 'outreach_attempt_due').length).toBe(before + 1);
    const kinds = (r: Response) => r.body.items.map((e: { kind: string }) => e.kind) as string[];
    const timeline = await eventually(() => api().get(`/cases/${id}/timeline`).expect(200), (r) => kinds(r).includes('notifications_redelivered'));
    expect(kinds(timeline)).toContain('notifications_redelivered');
  });

  it('rejects bad filters and action bodies with 400 naming the field', async () => {
    const bad = await api().get('/supervisor/stuck-cases?kind=slow&overdueBy=soon&limit=0&riskTier=extreme').expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'limit', 'overdueBy', 'riskTier']);
  });

  it('pages through the list with the cursor, each case once', async () => {
    const ids = [await openCase('M-SUP-PAGE-1', { assessmentDueMs: '1s' }), await openCase('M-SUP-PAGE-2', { assessmentDueMs: '1s' })];
    await eventually(() => stuck('kind=overdue'), (r) => ids.every((id) => listed(r.body, id) !== undefined), 30_000);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const body = (await stuck(`kind=overdue&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body as { items: Row[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(1);
      seen.push(...body.items.map((r) => r.caseId));
      cursor = body.nextCursor;
      if (cursor === null) {
        break;
      }
    }
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(new Set(seen).size).toBe(seen.length);
    await api().get('/supervisor/stuck-cases?cursor=not-a-real-cursor').expect(400);
    const noReason = await api().post('/supervisor/cases/case-ccm-0123456789abcdef01234567/nudge').set(sup).send({ taskKey: 'contact-1' }).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    await api().post('/supervisor/cases/case-ccm-0123456789abcdef01234567/nudge').set(sup).send({ taskKey: 'contact-1', reason: 'please call' }).expect(404);
  });
});
