import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { dischargeWorkflowId } from '@careloop/contracts';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { eventually } from '../support/eventually';
import { hl7Sample, sampleJson, sampleText } from '../support/integration-samples';

const HL7 = 'x-application/hl7-v2+er7';
/** The integration client of `stack.asIntegration()`, as the API names it (the principal subject). */
const FEED = 'integration:test-feed';

/**
 * Integrations through HTTP against the real Temporal dev server and Postgres:
 * a discharge in each format becomes a discharge workflow, the member's case
 * holds it on its timeline; repeats are answered 200 without a second
 * workflow; malformed messages are refused with the field named and start
 * nothing; enrollment batches start each member's case once.
 */
describe('integrations: discharge and enrollment events (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  // Our own id key: case and discharge ids never collide with other suites on the shared server.
  const secret = `e2e-discharge-${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    stack = await startE2eStack('discharge', { CASE_ID_SECRET: secret });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const post = (contentType: string, body: string | object) => stack.asIntegration().post('/integrations/discharge-events').set('content-type', contentType).send(body);

  async function timelineSummaries(caseId: string, count: number): Promise<string[]> {
    const res = await eventually(
      () => stack.as(USERS.cm1).get(`/cases/${caseId}/timeline?limit=200`),
      (r) => r.status === 200 && r.body.items.filter((i: { kind: string }) => i.kind === 'external_event_recorded').length >= count,
    );
    expect(res.status).toBe(200);
    return res.body.items.map((i: { summary: string }) => i.summary);
  }

  it.each([
    ['CareLoop JSON', 'application/json', () => sampleJson('discharge.json'), 'json'],
    ['FHIR Encounter', 'application/fhir+json', () => sampleText('discharge-fhir-encounter.json'), 'fhir-encounter'],
    ['Da Vinci notification Bundle (as application/json)', 'application/json', () => sampleJson('discharge-fhir-bundle.json'), 'fhir-bundle'],
    ['HL7 v2 ADT^A03', HL7, () => hl7Sample('discharge-adt-a03.hl7'), 'hl7v2-adt-a03'],
  ])('%s: 201, a discharge workflow, the case started with the discharge on its timeline', async (_name, contentType, body, format) => {
    const res = await post(contentType, body()).expect(201);
    expect(res.body).toMatchObject({ status: 'accepted', id: expect.stringMatching(/^discharge-[0-9a-f]{24}$/), caseId: expect.stringMatching(/^case-ccm-[0-9a-f]{24}$/) });
    expect(res.headers.location).toBe(`/discharges/${res.body.id}`);
    expect(JSON.stringify(res.body)).not.toMatch(/M-0001/);

    const summaries = await timelineSummaries(res.body.caseId, 1);
    expect(summaries[0]).toBe('case opened (discharge)');
    expect(summaries).toContain(`discharge-planning: discharge reported (${format}); transition of care ${res.body.id} started`);

    const discharge = await stack.as(USERS.cm1).get(`/discharges/${res.body.id}`).expect(200);
    expect(discharge.body).toMatchObject({ dischargeId: res.body.id, caseId: res.body.caseId, format, status: 'in_progress', caseStarted: true, workflowStatus: 'RUNNING' });
    expect(discharge.body.tasks.map((t: { task: string }) => t.task)).toEqual(['member_contact', 'medication_reconciliation', 'follow_up_visit', 'pcp_informed']);
    const rows = await stack.sql('SELECT format, case_id FROM discharge_events WHERE discharge_id = $1', [res.body.id]);
    expect(rows).toEqual([{ format, case_id: res.body.caseId }]);
  });

  it('the same event again answers 200 with the same discharge: one workflow, one row; the same id with other content is a conflict', async () => {
    // The HL7 sample was sent with CR above; CRLF is the same message.
    const again = await post('text/plain', hl7Sample('discharge-adt-a03.hl7', '\r\n')).expect(200);
    expect(again.body.status).toBe('duplicate');
    const id = dischargeWorkflowId({ clientId: FEED, source: 'GENHOSP:EPICADT', sourceEventId: 'MSG00001873' }, secret);
    expect(again.body.id).toBe(id);
    const runs = [];
    for await (const wf of stack.temporal.workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(wf);
    expect(runs).toHaveLength(1);
    expect(await stack.sql('SELECT redeliveries FROM discharge_events WHERE discharge_id = $1', [id])).toEqual([{ redeliveries: 1 }]);

    const changed = await post('application/json', { ...sampleJson<Record<string, unknown>>('discharge.json'), dischargedAt: '2026-11-21T09:00:00-05:00' }).expect(409);
    expect(changed.body).toMatchObject({ code: 'integration_event_conflict', status: 409 });
  });

  it.each([
    ['an admission (ADT^A01)', HL7, 'invalid/adt-a01-admission.hl7', 'MSH-9', 'MSG00001801'],
    ['an ADT^A03 without PID', HL7, 'invalid/adt-a03-missing-pid.hl7', 'PID', 'MSG00001874'],
    ['an ADT^A03 without PV1-45', 'text/plain', 'invalid/adt-a03-missing-discharge-time.hl7', 'PV1-45', 'MSG00001875'],
    ['an Encounter still in progress', 'application/fhir+json', 'invalid/fhir-encounter-in-progress.json', 'Encounter.status', 'ENC-2026-98766'],
    ['an Encounter without subject', 'application/fhir+json', 'invalid/fhir-encounter-missing-subject.json', 'Encounter.subject', 'ENC-2026-98767'],
  ])('%s (%s): 400 naming the field, nothing stored or started', async (_name, contentType, file, field, eventId) => {
    const body = file.endsWith('.hl7') ? hl7Sample(file) : sampleText(file);
    const res = await post(contentType, body).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(res.body.errors).toContainEqual(expect.objectContaining({ field }));
    expect(JSON.stringify(res.body)).not.toMatch(/M-0001|4455667|O'Brien/);
    expect(await stack.sql('SELECT 1 FROM discharge_events WHERE source_event_id = $1', [eventId])).toEqual([]);
    const source = file.endsWith('.hl7') ? 'GENHOSP:EPICADT' : '1558444216';
    const described = await stack.temporal.workflow.getHandle(dischargeWorkflowId({ clientId: FEED, source, sourceEventId: eventId }, secret)).describe().catch((e: unknown) => e);
    expect(described).toBeInstanceOf(WorkflowNotFoundError);
  });

  it('refuses a media type it does not read (415)', async () => {
    const res = await post('application/xml', '<Encounter/>').expect(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('a discharge of a member with an open case signals that case; the care team completes tasks through the API', async () => {
    const opened = await stack.as(USERS.cm1).post('/cases').send({ memberRef: 'M-000777', programCode: 'CCM', enrollmentDate: '2026-11-01' }).expect(201);
    const event = { ...sampleJson<Record<string, unknown>>('discharge.json'), eventId: 'evt-open-case-1', memberRef: 'M-000777' };
    const res = await post('application/json', event).expect(201);
    expect(res.body.caseId).toBe(opened.body.id);
    const discharge = await eventually(
      () => stack.as(USERS.cm1).get(`/discharges/${res.body.id}`),
      (r) => r.body.status === 'in_progress',
    );
    expect(discharge.body.caseStarted).toBe(false);
    // The sender named the PCP: the workflow informed them itself.
    expect(discharge.body.tasks.find((t: { task: string }) => t.task === 'pcp_informed')).toMatchObject({ status: 'done', completedBy: 'system:careloop' });

    const H = { 'idempotency-key': 'contact-1' };
    const done = await stack.as(USERS.cm1).post(`/discharges/${res.body.id}/tasks/member_contact`).set(H).send({}).expect(200);
    expect(done.body).toMatchObject({ task: 'member_contact', status: 'done', completedBy: 'cm-1' });
    // The same Idempotency-Key answers the first result; a new request for a done task is refused.
    await stack.as(USERS.cm1).post(`/discharges/${res.body.id}/tasks/member_contact`).set(H).send({}).expect(200);
    const refused = await stack.as(USERS.cm1).post(`/discharges/${res.body.id}/tasks/member_contact`).send({}).expect(409);
    expect(refused.body).toMatchObject({ code: 'discharge_action_rejected', detail: expect.stringMatching(/already done/) });
    const unknown = await stack.as(USERS.cm1).post(`/discharges/${res.body.id}/tasks/home_visit`).send({}).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'task', reason: expect.stringMatching(/^task must be one of member_contact/) }]);

    const summaries = await timelineSummaries(opened.body.id, 3);
    expect(summaries[0]).toBe('case opened');
    expect(summaries).toEqual(
      expect.arrayContaining([
        `discharge-planning: discharge reported (json); transition of care ${res.body.id} started`,
        // The sample discharge lies days back, past the PCP deadline: done, late.
        'discharge-planning: PCP informed of the discharge done late by system:careloop',
        'discharge-planning: contact with the member done by cm-1',
      ]),
    );
    await stack.as(USERS.cm1).get('/discharges/discharge-000000000000000000000000').expect(404);
  });

  it('enrollment batch: each member once; duplicates and invalid rows reported per row; a second delivery creates nothing', async () => {
    const batch = sampleJson('enrollment-batch.json');
    const first = await stack.asIntegration().post('/integrations/enrollment-events').send(batch).expect(200);
    expect(first.body.summary).toEqual({ received: 5, created: 3, existing: 0, duplicate: 1, invalid: 1, failed: 0 });
    expect(first.body.results[3]).toMatchObject({ index: 3, status: 'duplicate', duplicateOf: 0, caseId: first.body.results[0].caseId });
    expect(first.body.results[4]).toMatchObject({ index: 4, status: 'invalid' });
    expect(first.body.results[4].errors.map((e: { field: string }) => e.field).sort()).toEqual(['members[4].enrollmentDate', 'members[4].memberRef']);
    expect(JSON.stringify(first.body)).not.toMatch(/M-10000/);

    const second = await stack.asIntegration().post('/integrations/enrollment-events').send(batch).expect(200);
    expect(second.body.summary).toEqual({ received: 5, created: 0, existing: 3, duplicate: 1, invalid: 1, failed: 0 });
    expect(second.body.results.slice(0, 3).map((r: { caseId: string }) => r.caseId)).toEqual(first.body.results.slice(0, 3).map((r: { caseId: string }) => r.caseId));
    const rows = await eventually(
      () => stack.sql(`SELECT count(*)::int AS n FROM cases WHERE member_ref LIKE 'M-10000%'`),
      (r) => r[0]!.n === 3,
    );
    expect(rows).toEqual([{ n: 3 }]);

    const tooMany = { members: Array.from({ length: 1001 }, (_, i) => ({ memberRef: `M-${i}`, programCode: 'CCM', enrollmentDate: '2026-11-01' })) };
    const refused = await stack.asIntegration().post('/integrations/enrollment-events').send(tooMany).expect(413);
    expect(refused.body).toMatchObject({ code: 'payload_too_large', errors: [{ field: 'members', reason: 'must list at most 1000 members' }] });
  });
});
