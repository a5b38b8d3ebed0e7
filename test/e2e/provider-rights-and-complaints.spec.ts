import { reviewWorkflowId } from '@careloop/contracts';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { bearer, USERS } from '../support/auth';
import { eventually } from '../support/eventually';
import { sample } from '../support/samples';
import { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from '../support/case-fixtures';

/**
 * Provider rights (seed 000) and complaints through HTTP against a real
 * Temporal dev server and Postgres, with the sample bodies of docs/samples.
 */
describe('provider rights and complaints (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  let caseId: string;

  beforeAll(async () => {
    stack = await startE2eStack('provider');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const api = () => stack.as(USERS.cm1);
  const cm = bearer(USERS.cm1);
  const sup = bearer(USERS.sup1);
  const prov = bearer(USERS.provider9);

  /** A low-risk case with the PCP prov-9 and plan version 1 consented: recovery support. */
  async function caseInRecoverySupport(memberRef: string): Promise<string> {
    await stack.registerMember(memberRef);
    const today = new Date().toISOString().slice(0, 10);
    const id: string = (await api().post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: today }).expect(201)).body.id;
    await eventually(() => api().get(`/cases/${id}`), (r) => r.body.attempts?.length === 1);
    await api().post(`/cases/${id}/pcp`).set(cm).send({ pcpId: 'prov-9' }).expect(200);
    await api().post(`/cases/${id}/attempts/1/outcome`).set(cm).send({ outcome: 'reached' }).expect(200);
    await api().post(`/cases/${id}/screening`).set(cm).send({ answers: screeningAnswers }).expect(200);
    await api().post(`/cases/${id}/assessment`).set(cm).send({ answers: assessmentAnswers('low') }).expect(200);
    await api().post(`/cases/${id}/plan`).set(cm).send({ plan: carePlan(today) }).expect(200);
    await api().post(`/cases/${id}/plan/1/consent`).set(cm).send({ consent: memberConsent }).expect(200);
    return id;
  }

  it('shows the provider who manages the case and the plan summary, and notifies them of the consented plan', async () => {
    caseId = await caseInRecoverySupport('M-PROV-1');
    // The PCP (prov-9) reads the provider-facing view of their patient, and the program's information it points to.
    const view = await api().get(`/cases/${caseId}/provider-view`).set(prov).expect(200);
    expect(view.body.programInformation).toBe('/programs/CCM/information');
    const info = await api().get(view.body.programInformation).set(prov).expect(200);
    expect(info.body).toMatchObject({ programCode: 'CCM', scopeOfServices: expect.stringContaining('care plan'), complaints: expect.stringContaining('/complaints') });
    // A directory provider unrelated to the case does not learn it exists; a token naming no directory entry is refused outright.
    await api().get(`/cases/${caseId}/provider-view`).set(bearer({ sub: 'prov-bh-3', role: 'provider' })).expect(404);
    const outsider = await api().get(`/cases/${caseId}/provider-view`).set(bearer({ sub: 'prov-other', role: 'provider' })).expect(403);
    expect(outsider.body.code).toBe('provider_not_in_directory');
    expect(view.body).toMatchObject({
      caseId,
      phase: 'recovery_support',
      careManagerId: null,
      pointOfContact: 'care-team:CCM',
      pcpId: 'prov-9',
      howToRequestChange: { method: 'POST', path: `/cases/${caseId}/care-manager-change-requests`, decidedBy: 'supervisor' },
    });
    expect(JSON.stringify(view.body)).not.toMatch(/M-PROV-1|riskReasons|answers/);

    const summary = await eventually(() => api().get(`/cases/${caseId}/plan-summary`), (r) => r.status === 200);
    expect(summary.body).toMatchObject({ version: 1, goals: [{ id: 'g1' }], interventions: [{ id: 'i1', owner: 'care_manager' }], referrals: [{ id: 'r1', specialty: 'cardiology' }] });
    expect(summary.body.referrals[0]).not.toHaveProperty('reason');
    expect(JSON.stringify(summary.body)).not.toContain('readmissions');
    const notice = await eventually(
      () => stack.sql(`SELECT audience, params FROM notifications WHERE case_id = $1 AND template = 'care_plan_summary_available'`, [caseId]),
      (r) => r.length === 1,
    );
    expect(notice).toEqual([{ audience: 'provider', params: expect.objectContaining({ providerId: 'prov-9', planVersion: 1 }) }]);
  });

  it('forwards a care-manager change request; a stop request is rejected (case open), then approved (closed provider_request), audited', async () => {
    const change = await api().post(`/cases/${caseId}/care-manager-change-requests`).set(prov).send(sample('provider-care-manager-change-request')).expect(200);
    expect(change.body.requestId).toBe('pr-1');
    const stop = await api().post(`/cases/${caseId}/stop-participation-requests`).set(prov).send(sample('provider-stop-participation-request')).expect(200);
    expect(stop.body.requestId).toBe('pr-2');
    // provider_request never comes from a direct close, by the care team or a supervisor: only from the approved request.
    for (const [path, body, field] of [
      [`/cases/${caseId}/close`, { reason: 'provider_request' }, 'reason'],
      [`/supervisor/cases/${caseId}/close`, { closureReason: 'provider_request', reason: 'provider asked by phone' }, 'closureReason'],
    ] as const) {
      const refused = await api().post(path).set(sup).set('idempotency-key', `direct-close-${field}`).send(body).expect(400);
      expect(refused.body).toMatchObject({ code: 'validation_failed', errors: [{ field, reason: expect.stringMatching(/only through an approved stop-participation request/) }] });
    }
    expect((await api().get(`/cases/${caseId}`).expect(200)).body).toMatchObject({ phase: 'recovery_support', closureReason: null });
    const listed = await api().get(`/cases/${caseId}/provider-view`).expect(200);
    expect(listed.body.providerRequests.map((r: { requestId: string; status: string }) => [r.requestId, r.status])).toEqual([
      ['pr-1', 'forwarded'],
      ['pr-2', 'pending'],
    ]);

    await api().post(`/supervisor/cases/${caseId}/stop-participation-requests/pr-2/decision`).set(sup).send(sample('supervisor-stop-participation-reject')).expect(200);
    expect((await api().get(`/cases/${caseId}`).expect(200)).body.phase).toBe('recovery_support');
    const twice = await api().post(`/supervisor/cases/${caseId}/stop-participation-requests/pr-2/decision`).set(sup).send(sample('supervisor-stop-participation-approve')).expect(409);
    expect(twice.body.detail).toMatch(/already rejected/);

    const again = await api().post(`/cases/${caseId}/stop-participation-requests`).set(prov).send(sample('provider-stop-participation-request')).expect(200);
    await api().post(`/supervisor/cases/${caseId}/stop-participation-requests/${again.body.requestId}/decision`).set(sup).send(sample('supervisor-stop-participation-approve')).expect(200);
    const closed = await eventually(() => api().get(`/cases/${caseId}`), (r) => r.body.record?.closureReason === 'provider_request');
    expect(closed.body.record).toMatchObject({ phase: 'closed', closureReason: 'provider_request' });
    const audit = await stack.sql(`SELECT action, actor_id, outcome, details FROM supervisor_actions WHERE case_id = $1 ORDER BY at, id`, [caseId]);
    expect(audit.map((a) => [a.action, a.actor_id, a.outcome, (a.details as { decision: string }).decision])).toEqual([
      ['stop_participation_decision', 'sup-1', 'applied', 'reject'],
      ['stop_participation_decision', 'sup-1', 'case_action_rejected', 'approve'],
      ['stop_participation_decision', 'sup-1', 'applied', 'approve'],
    ]);
    const badRid = await api().post(`/supervisor/cases/${caseId}/stop-participation-requests/x/decision`).set(sup).send({ decision: 'maybe' }).expect(400);
    expect(badRid.body.errors).toEqual([expect.objectContaining({ field: 'rid' })]);
  });

  it('records a complaint about a case, acknowledges and resolves it, and shows it on the case timeline', async () => {
    const target = await caseInRecoverySupport('M-PROV-2');
    const lodged = await api().post('/complaints').set('idempotency-key', 'cmp-1').send({ ...sample('complaint-lodge'), caseId: target }).expect(201);
    const id: string = lodged.body.complaintId;
    expect(lodged.body).toMatchObject({ status: 'received', channel: 'verbal', complainantKind: 'provider', subject: 'case', caseId: target });
    expect(Date.parse(lodged.body.acknowledgeBy) - Date.parse(lodged.body.receivedAt)).toBe(5 * 86_400_000);
    expect(JSON.stringify(lodged.body)).not.toContain('did not return calls');
    expect((await api().post('/complaints').set('idempotency-key', 'cmp-1').send({ ...sample('complaint-lodge'), caseId: target }).expect(200)).body.complaintId).toBe(id);

    await api().post(`/complaints/${id}/acknowledge`).set(bearer({ sub: 'staff-1', role: 'care_manager', team: 'north' })).send({}).expect(200, { status: 'acknowledged' });
    expect((await api().post(`/complaints/${id}/acknowledge`).send({}).expect(409)).body.code).toBe('case_action_rejected');
    await api().post(`/complaints/${id}/resolve`).set(bearer({ sub: 'staff-1', role: 'care_manager', team: 'north' })).send(sample('complaint-resolve')).expect(200, { status: 'resolved' });
    const resolved = await api().get(`/complaints/${id}`).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', outcome: 'upheld', acknowledgedBy: 'staff-1' });

    const row = await eventually(() => stack.sql('SELECT status, summary, resolution FROM complaints WHERE id = $1', [id]), (r) => r[0]?.status === 'resolved');
    expect(row[0]).toMatchObject({ status: 'resolved', summary: sample('complaint-lodge').summary, resolution: sample('complaint-resolve').resolution });
    const timeline = await eventually(
      () => api().get(`/cases/${target}/timeline?limit=200`).expect(200),
      (r) => (r.body.items as { kind: string }[]).filter((e) => e.kind === 'external_event_recorded').length === 2,
    );
    expect((timeline.body.items as { kind: string; summary: string }[]).filter((e) => e.kind === 'external_event_recorded').map((e) => e.summary)).toEqual([
      `complaints: complaint ${id} received (verbal, from provider)`,
      `complaints: complaint ${id} resolved: upheld`,
    ]);
  });

  it('rejects bad complaints and provider requests with 400 naming each field, and starts nothing', async () => {
    const res = await api().post('/complaints').set('idempotency-key', 'cmp-bad').send({ channel: 'email', from: 'provider', fromId: 'prov-9', about: 'case', summary: '' }).expect(400);
    expect(new Set((res.body.errors as { field: string }[]).map((e) => e.field))).toEqual(new Set(['channel', 'caseId', 'summary']));
    const unknownCase = await api().post('/complaints').send({ ...sample('complaint-lodge'), caseId: 'case-ccm-000000000000000000000000' }).expect(400);
    expect(unknownCase.body.errors).toEqual([{ field: 'caseId', reason: 'caseId must be the id of an existing case' }]);
    const id = reviewWorkflowId('complaint', 'provider:prov-9', 'cmp-bad', 'careloop-local-development-only');
    await expect(stack.temporal.workflow.getHandle(id).describe()).rejects.toThrow();

    const badRequest = await api().post(`/cases/${caseId}/stop-participation-requests`).send({ providerId: 'has space', reason: 'x' }).expect(400);
    expect(new Set((badRequest.body.errors as { field: string }[]).map((e) => e.field))).toEqual(new Set(['providerId', 'reason']));
    await api().get('/complaints/complaint-000000000000000000000000').expect(404);
  });
});
