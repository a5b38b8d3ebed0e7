import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { dischargeWorkflowId } from '@careloop/contracts';
import { TRANSITION_TASK_LABELS, type TransitionTask } from '@careloop/domain';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { eventually } from '../support/eventually';
import { hl7Sample, sampleJson, sampleText } from '../support/integration-samples';
import { dateFromToday, instantFromNow } from '../support/fixture-dates';
import { parseAdt } from '../../apps/api/src/integrations/hl7/adt.mapper';

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
    stack = await startE2eStack('discharge', { CASE_ID_SECRET: secret }, { integrationClients: ['other-feed', 'adt-feed'] });
  });

  afterAll(async () => {
    await stack?.close();
  });

  const post = (contentType: string, body: string | object, client = 'test-feed') =>
    stack.asIntegration(client).post('/integrations/discharge-events').set('content-type', contentType).send(body);

  /** The case's timeline once it holds `count` external events (and the summary `until`, if given). */
  async function timelineSummaries(caseId: string, count: number, until?: string): Promise<string[]> {
    const res = await eventually(
      () => stack.as(USERS.cm1).get(`/cases/${caseId}/timeline?limit=200`),
      (r) =>
        r.status === 200 &&
        r.body.items.filter((i: { kind: string }) => i.kind === 'external_event_recorded').length >= count &&
        (until === undefined || r.body.items.some((i: { summary: string }) => i.summary === until)),
    );
    expect(res.status).toBe(200);
    return res.body.items.map((i: { summary: string }) => i.summary);
  }

  /** The case timeline once one of its entries matches `entry`. */
  async function timelineWith(caseId: string, entry: string | RegExp): Promise<string[]> {
    const has = (items: { summary: string }[]) => items.some((i) => (typeof entry === 'string' ? i.summary === entry : entry.test(i.summary)));
    const res = await eventually(
      () => stack.as(USERS.cm1).get(`/cases/${caseId}/timeline?limit=200`),
      (r) => r.status === 200 && has(r.body.items),
    );
    expect(has(res.body.items)).toBe(true);
    return res.body.items.map((i: { summary: string }) => i.summary);
  }

  it.each([
    ['CareLoop JSON', 'application/json', () => sampleJson('discharge.json'), 'json'],
    ['FHIR Encounter', 'application/fhir+json', () => sampleText('discharge-fhir-encounter.json'), 'fhir-encounter'],
    ['Da Vinci notification Bundle, ballot code notify-discharge (as application/json)', 'application/json', () => sampleJson('discharge-fhir-bundle.json'), 'fhir-bundle'],
    ['Da Vinci STU1 1.0.0 notification-discharge Bundle', 'application/fhir+json', () => sampleText('discharge-davinci-1.0.0.json'), 'fhir-bundle'],
    ['Da Vinci STU1 1.1.0 notification-discharge Bundle', 'application/fhir+json', () => sampleText('discharge-davinci-1.1.0.json'), 'fhir-bundle'],
    ['FHIR Encounter naming no source (no meta.source)', 'application/fhir+json', () => sampleText('discharge-fhir-encounter-plain.json'), 'fhir-encounter'],
    ['HL7 v2 ADT^A03', HL7, () => hl7Sample('discharge-adt-a03.hl7'), 'hl7v2-adt-a03'],
  ])('%s: 201, a discharge workflow, the case started with the discharge on its timeline', async (_name, contentType, body, format) => {
    const res = await post(contentType, body()).expect(201);
    expect(res.body).toMatchObject({ status: 'accepted', id: expect.stringMatching(/^discharge-[0-9a-f]{24}$/), caseId: expect.stringMatching(/^case-ccm-[0-9a-f]{24}$/) });
    expect(res.headers.location).toBe(`/discharges/${res.body.id}`);
    expect(JSON.stringify(res.body)).not.toMatch(/M-0001|Nakamura|Okonkwo/);

    const summaries = await timelineSummaries(res.body.caseId, 1);
    expect(summaries[0]).toBe('case opened (discharge)');
    expect(summaries).toContain(`discharge-planning: discharge reported (${format}); transition of care ${res.body.id} started`);

    const discharge = await stack.as(USERS.cm1).get(`/discharges/${res.body.id}`).expect(200);
    expect(discharge.body).toMatchObject({ dischargeId: res.body.id, caseId: res.body.caseId, format, status: 'in_progress', caseStarted: true, workflowStatus: 'RUNNING' });
    expect(discharge.body.tasks.map((t: { task: string }) => t.task)).toEqual(['member_contact', 'medication_reconciliation', 'follow_up_visit', 'pcp_informed']);
    const rows = await stack.sql('SELECT format, case_id, client_id FROM discharge_events WHERE discharge_id = $1', [res.body.id]);
    expect(rows).toEqual([{ format, case_id: res.body.caseId, client_id: FEED }]);
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

    const changed = await post('application/json', { ...sampleJson<Record<string, unknown>>('discharge.json'), dischargedAt: instantFromNow(-2 * 3_600_000) }).expect(409);
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

  it('the sender is the authenticated client: a plain Encounter is recorded under it, and the same message from another client is its own discharge', async () => {
    const plain = sampleText('discharge-fhir-encounter-plain.json');
    const mine = await post('application/fhir+json', plain).expect(200); // sent above (201)
    expect(mine.body).toMatchObject({ status: 'duplicate', id: dischargeWorkflowId({ clientId: FEED, source: FEED, sourceEventId: 'ENC-2026-98801' }, secret) });
    const theirs = await post('application/fhir+json', plain, 'other-feed').expect(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(theirs.body.caseId).toBe(mine.body.caseId); // the same member's case
    expect(await stack.sql(`SELECT client_id, source FROM discharge_events WHERE source_event_id = 'ENC-2026-98801' ORDER BY client_id`)).toEqual([
      { client_id: 'integration:other-feed', source: 'integration:other-feed' },
      { client_id: FEED, source: FEED },
    ]);

    // An Encounter that names its sender keeps it as the source; another client claiming the same source and id
    // neither gets the first client's discharge nor a conflict: it is keyed apart.
    const named = sampleText('discharge-fhir-encounter.json');
    const first = await post('application/fhir+json', named).expect(200);
    expect(first.body.id).toBe(dischargeWorkflowId({ clientId: FEED, source: '1558444216', sourceEventId: 'ENC-2026-98765' }, secret));
    const changed = { ...sampleJson<Record<string, unknown>>('discharge-fhir-encounter.json'), status: 'finished', period: { end: new Date(Date.now() - 7_200_000).toISOString() } };
    const spoof = await post('application/fhir+json', changed, 'other-feed').expect(201);
    expect(spoof.body.id).not.toBe(first.body.id);
    await post('application/fhir+json', named).expect(200);
  });

  it('an event stored before intake was keyed by client (client_id NULL) keeps its id: any client resending it gets 200 with that id', async () => {
    const event = { ...sampleJson<Record<string, unknown>>('discharge.json'), eventId: 'evt-before-client-keying', memberRef: 'M-000901' };
    const before = await post('application/json', event).expect(201);
    // As the migration leaves rows received before it.
    await stack.sql('UPDATE discharge_events SET client_id = NULL WHERE discharge_id = $1', [before.body.id]);
    const again = await post('application/json', event, 'other-feed').expect(200);
    expect(again.body).toMatchObject({ status: 'duplicate', id: before.body.id });
    expect(await stack.sql('SELECT count(*)::int AS n, max(redeliveries) AS r FROM discharge_events WHERE source_event_id = $1', ['evt-before-client-keying'])).toEqual([{ n: 1, r: 1 }]);
    await post('application/json', { ...event, disposition: 'snf' }, 'other-feed').expect(409);
  });

  it.each([
    ['admit', 'invalid/davinci-admit-notification.json', 'notification-admit', 'a2d3e0d0-780d-4ba1-b83a-8a0f2553b25c'],
    ['transfer', 'invalid/davinci-transfer-notification.json', 'notification-transfer', 'cee25755-29b1-422a-9c09-c6fa135a93bb'],
  ])('a conformant Da Vinci %s notification answers 422 naming the event code; nothing stored or started', async (_what, file, code, headerId) => {
    const res = await post('application/fhir+json', sampleText(file)).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'integration_event_not_supported', status: 422 });
    expect(res.body.errors).toEqual([{ field: 'MessageHeader.eventCoding.code', reason: expect.stringContaining(`${code} is`) }]);
    expect(JSON.stringify(res.body)).not.toMatch(/M-000128|Okonkwo/);
    expect(await stack.sql('SELECT 1 FROM discharge_events WHERE source_event_id = $1', [headerId])).toEqual([]);
  });

  describe('HL7 v2 ADT^A08 (update) and ADT^A13 (cancel discharge) of a visit', () => {
    const ADT = 'adt-feed';
    const A08 = hl7Sample('discharge-update-adt-a08.hl7');
    const A13 = hl7Sample('discharge-cancel-adt-a13.hl7');
    const view = (id: string) => stack.as(USERS.cm1).get(`/discharges/${id}`).expect(200);
    let discharge: { id: string; caseId: string };

    beforeAll(async () => {
      // The same A03 as the test feed sent: from this client it is its own discharge (its own workflow).
      const res = await post(HL7, hl7Sample('discharge-adt-a03.hl7'), ADT).expect(201);
      discharge = res.body;
      await eventually(
        () => view(discharge.id),
        (r) => r.body.status === 'in_progress',
      );
    });

    it('A08 updates the discharge in progress (time, disposition, PCP): no second workflow, case told; a repeat is 200 duplicate', async () => {
      const res = await post(HL7, A08, ADT);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: discharge.id,
        caseId: discharge.caseId,
        status: 'updated',
        changed: ['dischargedAt', 'disposition', 'pcpId'],
        links: { discharge: `/discharges/${discharge.id}`, case: `/cases/${discharge.caseId}` },
      });
      expect(JSON.stringify(res.body)).not.toMatch(/M-000126|PCP-781/);
      const parsed = parseAdt(A08, 'America/New_York');
      const correctedAt = parsed.kind === 'amendment' ? parsed.amendment.details.dischargedAt : undefined;
      const updated = await view(discharge.id);
      expect(updated.body).toMatchObject({ status: 'in_progress', dischargedAt: correctedAt, amendments: [{ kind: 'update', messageType: 'ADT^A08', changed: ['dischargedAt', 'disposition', 'pcpId'] }] });
      const [row] = await stack.sql('SELECT discharged_at, disposition, pcp_id, updated_at FROM discharge_events WHERE discharge_id = $1', [discharge.id]);
      expect(row).toMatchObject({ disposition: '06', pcp_id: 'PCP-781', updated_at: expect.any(Date) });
      expect((row!.discharged_at as Date).toISOString()).toBe(correctedAt);

      const again = await post(HL7, A08, ADT).expect(200);
      expect(again.body).toMatchObject({ status: 'duplicate', id: discharge.id });
      expect(await stack.sql(`SELECT count(*)::int AS n FROM discharge_events WHERE client_id = 'integration:adt-feed'`)).toEqual([{ n: 1 }]);
      expect(await stack.sql('SELECT kind, redeliveries FROM discharge_amendments WHERE discharge_id = $1', [discharge.id])).toEqual([{ kind: 'update', redeliveries: 1 }]);
      await timelineWith(discharge.caseId, /^discharge-planning: discharge details updated by the sender \(ADT\^A08\): discharge time, disposition, PCP(; deadlines of open tasks re-planned)?$/);
    });

    it('A13 with no discharge of that visit from this sender answers 404 naming PV1-19 and stores nothing', async () => {
      const res = await post(HL7, hl7Sample('invalid/adt-a13-unknown-visit.hl7'), ADT).expect(404);
      expect(res.body).toMatchObject({ code: 'discharge_not_found', errors: [{ field: 'PV1-19', reason: expect.any(String) }] });
      expect(JSON.stringify(res.body)).not.toMatch(/V999001|M-000126/);
      expect(await stack.sql(`SELECT 1 FROM discharge_amendments WHERE source_event_id = 'MSG00001896'`)).toEqual([]);
      // Another client's visit is not this client's either.
      await post(HL7, A13, 'other-feed').expect(404);
    });

    it("A13 cancels the discharge's open tasks and completes its workflow, the case timeline says so; a repeat is 200 duplicate; later A08s are ignored", async () => {
      type Task = { task: TransitionTask; status: string };
      // Which tasks are still open depends on how far back the sample's discharge lies: those are the ones cancelled.
      const open = ((await view(discharge.id)).body.tasks as Task[]).filter((t) => t.status === 'open' || t.status === 'missed');
      expect(open.length).toBeGreaterThan(0);
      const res = await post(HL7, A13, ADT).expect(200);
      expect(res.body).toMatchObject({ id: discharge.id, caseId: discharge.caseId, status: 'cancelled' });
      const cancelled = await eventually(
        () => view(discharge.id),
        (r) => r.body.workflowStatus === 'COMPLETED',
      );
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
      const statuses = new Map((cancelled.body.tasks as Task[]).map((t) => [t.task, t.status]));
      for (const t of open) expect(statuses.get(t.task)).toBe('cancelled');
      expect(statuses.get('pcp_informed')).toBe('done'); // the A03 named the PCP: CareLoop informed them at once
      expect(await stack.sql('SELECT cancelled_at IS NOT NULL AS cancelled FROM discharge_events WHERE discharge_id = $1', [discharge.id])).toEqual([{ cancelled: true }]);
      await timelineWith(discharge.caseId, `discharge-planning: discharge cancelled by the sender (ADT^A13); tasks cancelled: ${open.map((t) => TRANSITION_TASK_LABELS[t.task]).join(', ')}`);
      const refused = await stack.as(USERS.cm1).post(`/discharges/${discharge.id}/tasks/member_contact`).send({}).expect(409);
      expect(refused.body.code).toBe('case_closed');

      expect((await post(HL7, A13, ADT).expect(200)).body).toMatchObject({ status: 'duplicate', id: discharge.id });
      const later = await post(HL7, A08.replace('MSG00001890', 'MSG00001899'), ADT).expect(200);
      expect(later.body).toEqual({ id: discharge.id, caseId: discharge.caseId, status: 'ignored', detail: expect.stringMatching(/cancelled/), links: expect.any(Object) });

      // The test feed's discharge of the same visit is untouched: a client cancels only its own.
      const feeds = await stack.sql(`SELECT discharge_id FROM discharge_events WHERE client_id = $1 AND source_event_id = 'MSG00001873'`, [FEED]);
      expect((await view(feeds[0]!.discharge_id as string)).body.status).toBe('in_progress');
    });
  });

  it('refuses a media type it does not read (415)', async () => {
    const res = await post('application/xml', '<Encounter/>').expect(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it('a discharge of a member with an open case signals that case; the care team completes tasks through the API', async () => {
    await stack.registerMember('M-000777');
    const opened = await stack.as(USERS.cm1).post('/cases').send({ memberRef: 'M-000777', programCode: 'CCM', enrollmentDate: dateFromToday(-30) }).expect(201);
    // The sample as a hospital sends it now: discharged an hour ago, every deadline ahead.
    const event = { ...sampleJson<Record<string, unknown>>('discharge.json'), eventId: 'evt-open-case-1', memberRef: 'M-000777' };
    const res = await post('application/json', event).expect(201);
    expect(res.body.caseId).toBe(opened.body.id);
    const discharge = await eventually(
      () => stack.as(USERS.cm1).get(`/discharges/${res.body.id}`),
      (r) => r.body.status === 'in_progress' && r.body.tasks.some((t: { task: string; status: string }) => t.task === 'pcp_informed' && t.status === 'done'),
    );
    expect(discharge.body.caseStarted).toBe(false);
    // The sender named the PCP: the workflow informed them itself, in time.
    expect(discharge.body.tasks.find((t: { task: string }) => t.task === 'pcp_informed')).toMatchObject({ status: 'done', completedBy: 'system:careloop' });

    const H = { 'idempotency-key': 'contact-1' };
    const done = await stack.as(USERS.cm1).post(`/discharges/${res.body.id}/tasks/member_contact`).set(H).send({}).expect(200);
    expect(done.body).toMatchObject({ task: 'member_contact', status: 'done', completedBy: 'cm-1' });
    // The same Idempotency-Key answers the first result; a new request for a done task is refused.
    await stack.as(USERS.cm1).post(`/discharges/${res.body.id}/tasks/member_contact`).set(H).send({}).expect(200);
    const refused = await stack.as(USERS.cm1).post(`/discharges/${res.body.id}/tasks/member_contact`).send({}).expect(409);
    expect(refused.body).toMatchObject({ code: 'case_action_rejected', detail: expect.stringMatching(/already done/) });
    const unknown = await stack.as(USERS.cm1).post(`/discharges/${res.body.id}/tasks/home_visit`).send({}).expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'task', reason: expect.stringMatching(/^task must be one of member_contact/) }]);

    const summaries = await timelineSummaries(opened.body.id, 3, 'discharge-planning: contact with the member done by cm-1');
    expect(summaries[0]).toBe('case opened');
    expect(summaries).toEqual(
      expect.arrayContaining([
        `discharge-planning: discharge reported (json); transition of care ${res.body.id} started`,
        'discharge-planning: PCP informed of the discharge done by system:careloop',
        'discharge-planning: contact with the member done by cm-1',
      ]),
    );
    await stack.as(USERS.cm1).get('/discharges/discharge-000000000000000000000000').expect(404);
  });

  it('a discharge reported ten days late: the PCP is informed late, the member contact is already missed and can still be done (late)', async () => {
    await stack.registerMember('M-000778');
    const opened = await stack.as(USERS.cm1).post('/cases').send({ memberRef: 'M-000778', programCode: 'CCM', enrollmentDate: dateFromToday(-30) }).expect(201);
    // Ten calendar days are past any two business days, whatever the weekday or holidays.
    const event = { ...sampleJson<Record<string, unknown>>('discharge.json', Date.now() - 10 * 86_400_000), eventId: 'evt-open-case-late', memberRef: 'M-000778' };
    const res = await post('application/json', event).expect(201);
    const discharge = await eventually(
      () => stack.as(USERS.cm1).get(`/discharges/${res.body.id}`),
      (r) => r.body.tasks?.find((t: { task: string }) => t.task === 'member_contact')?.status === 'missed',
    );
    expect(discharge.body.tasks.find((t: { task: string }) => t.task === 'pcp_informed')).toMatchObject({ status: 'done', completedBy: 'system:careloop' });
    const late = await stack.as(USERS.cm1).post(`/discharges/${res.body.id}/tasks/member_contact`).send({}).expect(200);
    expect(late.body).toMatchObject({ task: 'member_contact', status: 'done', completedBy: 'cm-1' });

    const summaries = await timelineSummaries(opened.body.id, 3, 'discharge-planning: contact with the member done late by cm-1');
    expect(summaries).toEqual(
      expect.arrayContaining([
        'discharge-planning: PCP informed of the discharge done late by system:careloop',
        expect.stringMatching(/^discharge-planning: contact with the member missed \(due /),
        'discharge-planning: contact with the member done late by cm-1',
      ]),
    );
  });

  it('enrollment batch: each member once; duplicates and invalid rows reported per row; a second delivery creates nothing', async () => {
    const batch = sampleJson('enrollment-batch.json');
    // Rows without demographics start only registered members (issue 16).
    for (const ref of ['M-100001', 'M-100002', 'M-100003']) await stack.registerMember(ref);
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

    const tooMany = { members: Array.from({ length: 1001 }, (_, i) => ({ memberRef: `M-${i}`, programCode: 'CCM', enrollmentDate: dateFromToday(-30) })) };
    const refused = await stack.asIntegration().post('/integrations/enrollment-events').send(tooMany).expect(413);
    expect(refused.body).toMatchObject({ code: 'payload_too_large', errors: [{ field: 'members', reason: 'must list at most 1000 members' }] });
  });
});
