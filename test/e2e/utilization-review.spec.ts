import { reviewWorkflowId } from '@careloop/contracts';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { bearer, USERS } from '../support/auth';
import { eventually } from '../support/eventually';
import { sample } from '../support/samples';

const DAY_MS = 86_400_000;

/**
 * Utilization review through HTTP against a real Temporal dev server and
 * Postgres, with the sample bodies of docs/samples: submit (idempotent),
 * linked to the member's case, decide, appeal, decide again; every
 * decision and notice stored once.
 */
describe('utilization reviews (real Temporal, real Postgres)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('ur');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const api = () => stack.as(USERS.provider9);
  const submit = sample('ur-submit-standard');

  it('submits once per Idempotency-Key, links the case, decides, takes an appeal and decides it within the policy deadlines', async () => {
    await stack.registerMember(String(submit.memberRef));
    const caseRes = await stack.as(USERS.cm1).post('/cases').send({ memberRef: submit.memberRef, programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10) }).expect(201);
    const caseId: string = caseRes.body.id;

    const first = await api().post('/utilization-reviews').set('idempotency-key', 'ur-e2e-1').send(submit).expect(201);
    const id: string = first.body.reviewId;
    expect(id).toMatch(/^ur-[0-9a-f]{24}$/);
    expect(first.headers.location).toBe(`/utilization-reviews/${id}`);
    const again = await api().post('/utilization-reviews').set('idempotency-key', 'ur-e2e-1').send(submit).expect(200);
    expect(again.body.reviewId).toBe(id);

    expect(first.body).toMatchObject({ status: 'in_review', urgency: 'standard', caseId, providerId: 'prov-9', clockStopped: false, documentCount: 2 });
    expect(Date.parse(first.body.decisionDueAt) - Date.parse(first.body.receivedAt)).toBe(7 * DAY_MS);
    // The view carries no member reference and no justification.
    expect(JSON.stringify(first.body)).not.toMatch(/M-UR-0042|low back pain/);

    const rev = bearer({ sub: 'rev-1', role: 'supervisor', team: 'ur' });
    await api().post(`/utilization-reviews/${id}/decision`).set(rev).send(sample('ur-decision-denied')).expect(200, { status: 'decided', decisionDueAt: null });
    const refused = await api().post(`/utilization-reviews/${id}/decision`).set(rev).send(sample('ur-decision-approved')).expect(409);
    expect(refused.body).toMatchObject({ code: 'case_action_rejected', detail: expect.stringMatching(/while the review is decided/) });

    const appealed = await api().post(`/utilization-reviews/${id}/appeal`).set(bearer(USERS.provider9)).send(sample('ur-appeal')).expect(200);
    expect(appealed.body.status).toBe('appeal_review');
    const inAppeal = await api().get(`/utilization-reviews/${id}`).expect(200);
    expect(inAppeal.body).toMatchObject({ status: 'appeal_review', documentCount: 3, appealableUntil: null });
    const sameReviewer = await api().post(`/utilization-reviews/${id}/decision`).set(rev).send(sample('ur-decision-approved')).expect(409);
    expect(sameReviewer.body.detail).toMatch(/someone other than the reviewer/);
    await api().post(`/utilization-reviews/${id}/decision`).set(bearer({ sub: 'rev-2', role: 'supervisor', team: 'ur' })).send(sample('ur-decision-approved')).expect(200, { status: 'closed', decisionDueAt: null });

    // Postgres: the review as last reported, both decisions once, the four decision notices once each.
    const rows = await eventually(
      () => stack.sql('SELECT status, member_ref, case_id, request FROM utilization_reviews WHERE id = $1', [id]),
      (r) => r[0]?.status === 'closed',
    );
    expect(rows[0]).toMatchObject({ status: 'closed', member_ref: 'M-UR-0042', case_id: caseId });
    const decisions = await stack.sql('SELECT level, kind, reviewer_id, on_time FROM utilization_review_decisions WHERE review_id = $1 ORDER BY decided_at', [id]);
    expect(decisions).toEqual([
      { level: 'initial', kind: 'denied', reviewer_id: 'rev-1', on_time: true },
      { level: 'appeal', kind: 'approved', reviewer_id: 'rev-2', on_time: true },
    ]);
    const notices = await eventually(
      () => stack.sql(`SELECT key, audience, status FROM notifications WHERE case_id = $1 AND template = 'ur_decision_notice' ORDER BY key`, [id]),
      (r) => r.length === 4 && r.every((n) => n.status === 'delivered'),
    );
    expect(notices.map((n) => n.audience).sort()).toEqual(['member', 'member', 'provider', 'provider']);

    // The member's case shows the review on its timeline.
    const timeline = await eventually(
      () => stack.as(USERS.cm1).get(`/cases/${caseId}/timeline`).expect(200),
      (r) => (r.body.items as { kind: string }[]).filter((e) => e.kind === 'external_event_recorded').length === 4,
    );
    expect((timeline.body.items as { kind: string; summary: string }[]).filter((e) => e.kind === 'external_event_recorded').map((e) => e.summary)).toEqual([
      `utilization_review: utilization review ${id} (standard) requested`,
      `utilization_review: utilization review ${id}: initial decision denied`,
      `utilization_review: utilization review ${id}: appealed`,
      `utilization_review: utilization review ${id}: appeal decision approved`,
    ]);
  });

  it('pends an incomplete request with the clock stopped, and reviews it once the information arrives', async () => {
    const res = await api().post('/utilization-reviews').send({ ...sample('ur-submit-incomplete'), clientRequestId: 'pend-1' }).expect(201);
    const id: string = res.body.reviewId;
    expect(res.body).toMatchObject({ status: 'pended', clockStopped: true, decisionDueAt: null, caseId: null, pend: { missing: ['diagnosis_codes', 'clinical_documentation'] } });
    // The client request id de-duplicates like the header.
    expect((await api().post('/utilization-reviews').send({ ...sample('ur-submit-incomplete'), clientRequestId: 'pend-1' }).expect(200)).body.reviewId).toBe(id);
    const resumed = await api().post(`/utilization-reviews/${id}/information`).set(bearer(USERS.provider9)).send(sample('ur-supply-information')).expect(200);
    expect(resumed.body.status).toBe('in_review');
    const remaining = Date.parse(resumed.body.decisionDueAt) - Date.now();
    expect(remaining).toBeGreaterThan(71 * 3_600_000);
    expect(remaining).toBeLessThanOrEqual(72 * 3_600_000);
    const partial = await api().post(`/utilization-reviews/${id}/decision`).set(bearer({ sub: 'rev-1', role: 'supervisor', team: 'ur' })).send(sample('ur-decision-partial')).expect(409);
    // Six of one requested unit cannot be a partial approval: the workflow's validator says why.
    expect(partial.body.detail).toMatch(/approvedQuantity/);
  });

  it('rejects bad input with 400 naming each field, and starts nothing', async () => {
    const bad = { ...sample('ur-submit-standard'), urgency: 'urgent', quantity: 0, serviceCode: 'x', diagnosisCodes: ['not-icd'], documents: [{ id: 'd', kind: 'photo', title: 't', reference: 'r' }], extra: 1 };
    const res = await api().post('/utilization-reviews').set('idempotency-key', 'bad-1').send(bad).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = new Set((res.body.errors as { field: string }[]).map((e) => e.field));
    expect(fields).toEqual(new Set(['urgency', 'quantity', 'serviceCode', 'diagnosisCodes', 'documents.0.kind', 'extra']));
    // The refusal does not echo the justification.
    expect(JSON.stringify(res.body)).not.toContain('low back pain');
    const id = reviewWorkflowId('ur', 'prov-9', 'bad-1', 'careloop-local-development-only');
    await expect(stack.temporal.workflow.getHandle(id).describe()).rejects.toThrow();
    expect(await stack.sql('SELECT count(*)::int AS n FROM utilization_reviews WHERE id = $1', [id])).toEqual([{ n: 0 }]);

    const decision = await api().post('/utilization-reviews/ur-000000000000000000000000/decision').set(bearer({ sub: 'rev-1', role: 'supervisor', team: 'ur' })).send({ kind: 'denied' }).expect(400);
    expect(decision.body.errors).toEqual(expect.arrayContaining([{ field: 'reason', reason: 'reason is required when the decision is denied or partially_approved' }]));
    await api().get('/utilization-reviews/ur-000000000000000000000000').expect(404);
    const badId = await api().get('/utilization-reviews/nope').expect(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });
});
