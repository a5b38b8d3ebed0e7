import { randomBytes } from 'node:crypto';
import type { Bundle, CarePlan, OperationOutcome, Patient } from '@medplum/fhirtypes';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { eventually } from '../support/eventually';
import { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from '../support/case-fixtures';
import { US_CORE_PATIENT, validateFhir } from '../../apps/api/src/fhir/fhir-validator';

const FHIR_JSON = 'application/fhir+json';
const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
/** The default CARELOOP_FHIR_PLAN_SYSTEM. */
const PLAN_SYSTEM = 'https://careloop.example/fhir/plan-member-id';

/** A synthetic US Core Patient (no real person); the plan id is unique per run (case ids derive from it). */
function usCorePatient(planId: string, overrides: Partial<Patient> = {}): Patient {
  return {
    resourceType: 'Patient',
    identifier: [{ type: { coding: [{ system: V2_0203, code: 'MB' }] }, system: PLAN_SYSTEM, value: planId }],
    name: [{ use: 'official', family: 'Fixturesson', given: ['Fhira'] }],
    telecom: [{ system: 'phone', value: '+15555550100', use: 'mobile' }],
    gender: 'female',
    birthDate: '1951-04-02',
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }, preferred: true }],
    generalPractitioner: [{ reference: 'Practitioner/prov-1' }],
    ...overrides,
  };
}

/**
 * The FHIR R4 routes (/fhir) on the real stack through HTTP: Patient create,
 * read and update through the member registry, CarePlan search over a case
 * driven to a consented plan, OperationOutcome errors, access and audit.
 */
describe('FHIR routes (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  const run = randomBytes(4).toString('hex').toUpperCase();
  const planId = `M-FHIR-${run}`;
  let memberId = '';

  beforeAll(async () => {
    stack = await startE2eStack('fhir');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const issues = (body: OperationOutcome) => (body.issue ?? []).map((i) => ({ code: i.code, expression: i.expression }));

  it('creates a member from a US Core Patient (application/fhir+json): 201, Location, ETag, and the Patient back', async () => {
    const res = await stack.as(USERS.cm1).post('/fhir/Patient').set('content-type', FHIR_JSON).send(JSON.stringify(usCorePatient(planId))).expect(201);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const patient = res.body as Patient;
    memberId = patient.id!;
    expect(memberId).toMatch(/^mbr_/);
    expect(res.headers.location).toBe(`/fhir/Patient/${memberId}/_history/1`);
    expect(res.headers.etag).toBe('W/"1"');
    expect(res.headers['x-careloop-duplicate-flags']).toBeUndefined();
    expect(patient.identifier).toEqual([expect.objectContaining({ system: PLAN_SYSTEM, value: planId })]);
    expect(validateFhir(patient, US_CORE_PATIENT)).toEqual([]);
  });

  it('reads it back as a US Core Patient that validates, and audits the read', async () => {
    const res = await stack.as(USERS.cm1).get(`/fhir/Patient/${memberId}`).set('x-request-id', `fhir-read-${run}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.headers.etag).toBe('W/"1"');
    const patient = res.body as Patient;
    expect(validateFhir(patient, US_CORE_PATIENT)).toEqual([]);
    expect(patient).toMatchObject({ id: memberId, gender: 'female', birthDate: '1951-04-02', name: [{ family: 'Fixturesson', given: ['Fhira'] }] });
    const audited = await eventually(() => stack.sql(`SELECT actor_id, action, method, route, status, outcome FROM audit_log WHERE request_id = $1`, [`fhir-read-${run}`]), (r) => r.length > 0, 10_000);
    expect(audited).toEqual([{ actor_id: 'cm-1', action: 'fhir.read', method: 'GET', route: '/fhir/Patient/:id', status: 200, outcome: 'allowed' }]);
  });

  it('accepts application/json too; registers a possible duplicate and names its flag in a header', async () => {
    const res = await stack.as(USERS.cm1).post('/fhir/Patient').send(usCorePatient(`${planId}-B`)).expect(201);
    const flags = String(res.headers['x-careloop-duplicate-flags'] ?? '');
    expect(flags).toMatch(/^dup_/);
    const stored = await stack.sql(`SELECT id, member_a, member_b FROM member_duplicate_flags WHERE id = $1`, [flags]);
    expect(stored).toEqual([{ id: flags, member_a: memberId, member_b: res.body.id }]);
  });

  it('updates with If-Match W/"<version>"; a stale version is 412 and a missing one 428, as OperationOutcome', async () => {
    const changed = usCorePatient(planId, { id: memberId, birthDate: '1951-04-03' });
    const ok = await stack.as(USERS.cm1).put(`/fhir/Patient/${memberId}`).set('if-match', 'W/"1"').send(changed).expect(200);
    expect(ok.headers.etag).toBe('W/"2"');
    expect(ok.body).toMatchObject({ id: memberId, birthDate: '1951-04-03', meta: { versionId: '2' } });
    const stale = await stack.as(USERS.cm1).put(`/fhir/Patient/${memberId}`).set('if-match', 'W/"1"').send(changed).expect(412);
    expect(stale.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(stale.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'conflict' }] });
    const missing = await stack.as(USERS.cm1).put(`/fhir/Patient/${memberId}`).send(changed).expect(428);
    expect(missing.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'required' }] });
    const wrongId = await stack.as(USERS.cm1).put(`/fhir/Patient/${memberId}`).set('if-match', 'W/"2"').send({ ...changed, id: 'someone-else' }).expect(400);
    expect(issues(wrongId.body)).toEqual([{ code: 'invalid', expression: ['Patient.id'] }]);
    expect((await stack.as(USERS.cm1).get(`/fhir/Patient/${memberId}`).expect(200)).body.meta.versionId).toBe('2');
  });

  it('refuses an invalid Patient with an OperationOutcome naming FHIR paths, never quoting values, and stores nothing', async () => {
    const before = await stack.sql(`SELECT count(*)::int AS n FROM members`);
    const bad = usCorePatient(`${planId}-BAD`, { gender: 'nonsense' as Patient['gender'], birthDate: '1951-13-40', name: [{ use: 'official', family: 'Quotedvalue', given: ['Zed'] }] });
    const res = await stack.as(USERS.cm1).post('/fhir/Patient').set('content-type', FHIR_JSON).send(JSON.stringify(bad)).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const paths = issues(res.body).flatMap((i) => i.expression ?? []);
    expect(paths).toEqual(expect.arrayContaining(['Patient.gender', 'Patient.birthDate']));
    expect(JSON.stringify(res.body)).not.toMatch(/nonsense|1951-13-40|Quotedvalue|M-FHIR/);
    // An identifier system the plan does not trust is refused naming its path.
    const untrusted = usCorePatient(`${planId}-SYS`, { identifier: [{ system: 'https://elsewhere.example/id', value: 'X1' }] });
    const sys = await stack.as(USERS.cm1).post('/fhir/Patient').send(untrusted).expect(400);
    expect(issues(sys.body)).toEqual([{ code: 'invalid', expression: ['Patient.identifier[0].system'] }]);
    // Registry rules (a phone must be E.164) are named by the Patient path too.
    const phone = await stack.as(USERS.cm1).post('/fhir/Patient').send(usCorePatient(`${planId}-TEL`, { telecom: [{ system: 'phone', value: '555', use: 'mobile' }] })).expect(400);
    expect(issues(phone.body)).toEqual([{ code: 'invalid', expression: ['Patient.telecom'] }]);
    // Not JSON at all: still an OperationOutcome.
    const garbage = await stack.as(USERS.cm1).post('/fhir/Patient').set('content-type', FHIR_JSON).send('{"resourceType":').expect(400);
    expect(garbage.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'invalid' }] });
    expect(await stack.sql(`SELECT count(*)::int AS n FROM members`)).toEqual(before);
    // The plan id is registered already: 409.
    const taken = await stack.as(USERS.cm1).post('/fhir/Patient').send(usCorePatient(planId)).expect(409);
    expect(taken.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'conflict' }] });
  });

  it('answers 404 OperationOutcome for an unknown member and 400 naming `patient` for a missing or malformed search parameter', async () => {
    const unknown = await stack.as(USERS.admin).get('/fhir/Patient/mbr_0000000000000000000000000a').expect(404);
    expect(unknown.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
    // What fails before routing is an OperationOutcome too: an unsupported method, a resource type CareLoop does not serve.
    const method = await stack.as(USERS.admin).delete(`/fhir/Patient/${memberId}`).expect(405);
    expect(method.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-supported' }] });
    const type = await stack.as(USERS.admin).get('/fhir/Observation?patient=x').expect(404);
    expect(type.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'not-found' }] });
    for (const query of ['', '?patient=', '?patient=case-1', `?patient=${memberId}&patient=${memberId}`]) {
      const res = await stack.as(USERS.admin).get(`/fhir/CarePlan${query}`).expect(400);
      expect(issues(res.body)).toEqual([{ code: 'invalid', expression: ['patient'] }]);
    }
  });

  it("searches the CarePlans of the member's case driven to a consented plan: a searchset Bundle whose CarePlans validate", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const admin = stack.as(USERS.admin);
    const caseId = (await admin.post('/cases').send({ memberRef: planId, programCode: 'CCM', enrollmentDate: today }).expect(201)).body.id as string;
    const act = (path: string, body: object) => admin.post(`/cases/${caseId}${path}`).send(body).expect(200);
    await act('/attempts/1/outcome', { outcome: 'reached' });
    await act('/screening', { answers: screeningAnswers });
    await act('/assessment', { answers: assessmentAnswers('high') });
    await act('/plan', { plan: carePlan(today) });
    await act('/plan/1/consent', { consent: memberConsent });
    await eventually(() => stack.sql(`SELECT consented_at IS NOT NULL AS consented FROM care_plan_versions WHERE case_id = $1`, [caseId]), (r) => r[0]?.consented === true);

    for (const patient of [memberId, `Patient/${memberId}`]) {
      const res = await stack.as(USERS.cm1).get(`/fhir/CarePlan?patient=${encodeURIComponent(patient)}`).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
      const bundle = res.body as Bundle<CarePlan>;
      expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 });
      const plan = bundle.entry![0]!.resource!;
      expect(plan).toMatchObject({ resourceType: 'CarePlan', status: 'active', intent: 'plan', subject: { reference: `Patient/${memberId}` }, meta: { versionId: '1' } });
      expect(validateFhir(plan)).toEqual([]);
      expect(validateFhir(bundle)).toEqual([]);
    }
    // The member's PCP (prov-1) reads the Patient and the plans; an unrelated provider gets 404; the committee 403.
    expect((await stack.as(USERS.provider).get(`/fhir/CarePlan?patient=${memberId}`).expect(200)).body.total).toBe(1);
    await stack.as(USERS.provider).get(`/fhir/Patient/${memberId}`).expect(200);
    const hidden = await stack.as(USERS.provider9).get(`/fhir/Patient/${memberId}`).expect(404);
    const missing = await stack.as(USERS.provider9).get('/fhir/Patient/mbr_0000000000000000000000000a').expect(404);
    expect(hidden.body.issue[0].code).toBe(missing.body.issue[0].code);
    await stack.as(USERS.provider9).get(`/fhir/CarePlan?patient=${memberId}`).expect(404);
    const committee = await stack.as(USERS.committee).get(`/fhir/Patient/${memberId}`).set('x-request-id', `fhir-committee-${run}`).expect(403);
    expect(committee.body).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'forbidden' }] });
    await stack.as(USERS.committee).get(`/fhir/CarePlan?patient=${memberId}`).expect(403);
    // Staff see the plans of the cases they may read: this one is unassigned and of no team, so in every care manager's pool.
    expect((await stack.as(USERS.cm3).get(`/fhir/CarePlan?patient=${memberId}`).expect(200)).body.total).toBe(1);
    const audited = await eventually(
      () => stack.sql(`SELECT actor_id, action, status, outcome FROM audit_log WHERE request_id = $1`, [`fhir-committee-${run}`]),
      (r) => r.length > 0,
      10_000,
    );
    expect(audited).toEqual([{ actor_id: 'committee-1', action: 'fhir.read', status: 403, outcome: 'denied' }]);
    // Every allowed read of the plans is audited: cm-1 twice, prov-1, cm-3 (rows are written just after each response).
    const reads = await eventually(
      () => stack.sql(`SELECT actor_id FROM audit_log WHERE action = 'fhir.read' AND route = '/fhir/CarePlan' AND outcome = 'allowed' ORDER BY id`),
      (r) => r.length >= 4,
      10_000,
    );
    expect(reads.map((r) => r.actor_id)).toEqual(['cm-1', 'cm-1', 'prov-1', 'cm-3']);
  });

  it('lets an integration client (enrollment feed) write Patients but not read them', async () => {
    const created = await stack.asIntegration().post('/fhir/Patient').send(usCorePatient(`${planId}-FEED`, { name: [{ use: 'official', family: 'Feedling', given: ['Ina'] }] })).expect(201);
    const id = created.body.id as string;
    await stack.asIntegration().put(`/fhir/Patient/${id}`).set('if-match', 'W/"1"').send({ ...usCorePatient(`${planId}-FEED`, { name: [{ use: 'official', family: 'Feedling', given: ['Ina', 'B'] }] }), id }).expect(200);
    const read = await stack.asIntegration().get(`/fhir/Patient/${id}`).expect(403);
    expect(read.body.resourceType).toBe('OperationOutcome');
    await stack.as(USERS.provider).post('/fhir/Patient').send(usCorePatient(`${planId}-PROV`)).expect(403);
  });
});
