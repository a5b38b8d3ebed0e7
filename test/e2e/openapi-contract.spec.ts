import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSchemathesis } from '../../scripts/schemathesis';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { testToken, USERS } from '../support/auth';
import { sample } from '../support/samples';
import { sampleJson } from '../support/integration-samples';
import { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from '../support/case-fixtures';
import { runSchemathesis, type OperationSettings } from '../support/schemathesis.harness';
import { eventually } from '../support/eventually';
import { memberBody } from '../support/member-fixtures';

type Json = Record<string, unknown>;
interface Operation {
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

/**
 * The OpenAPI document is exact (docs/architecture.md, "The OpenAPI document"):
 * Schemathesis, driven by /openapi.json alone, fuzzes every operation of the
 * live API (real Temporal, real Postgres) as an admin and as an integration
 * client, and fails on any 5xx, any status the document does not declare, and
 * any response that violates its declared schema. Deterministic (derandomized
 * generation, nothing kept between runs) and bounded (examples per operation, a deadline).
 */
describe('OpenAPI contract (Schemathesis against the live API)', () => {
  let stack: E2eStack;
  let schemathesis: string;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } };
  const ids: Record<'case' | 'review' | 'complaint' | 'discharge' | 'member', string> = { case: '', review: '', complaint: '', discharge: '', member: '' };

  beforeAll(async () => {
    schemathesis = resolveSchemathesis();
    // The fuzzer sends a few thousand requests a minute; with the default limit most would be 429s
    // (which the document declares) instead of reaching the handlers.
    // Its own id secret: the fuzzer sends the document's examples (memberRef M-000123, …), which other suites use
    // too, and case ids are derived from member + program on the Temporal namespace all e2e suites share.
    stack = await startE2eStack('openapi', { RATE_LIMIT_PER_MINUTE: '1000000', CASE_ID_SECRET: 'careloop-openapi-contract-fuzz-only' });
    document = (await stack.as(USERS.admin).get('/openapi.json').expect(200)).body;
    writeFileSync(join(tmpdir(), 'careloop-openapi.json'), JSON.stringify(document, null, 2));
    const today = new Date().toISOString().slice(0, 10);
    // The documented examples' member (M-000123) is registered too, so the fuzzer's starts reach the workflow.
    await stack.registerMember('M-000123');
    await stack.registerMember('M-FUZZ-1');
    ids.case = (await stack.as(USERS.admin).post('/cases').send({ memberRef: 'M-FUZZ-1', programCode: 'CCM', enrollmentDate: today }).expect(201)).body.id;
    // The fuzzed case is in recovery support with an active plan, so the recovery actions and the provider's
    // plan summary answer 200 (the earlier phases' actions get 409, which is documented).
    const act = (path: string, body: object) => stack.as(USERS.admin).post(`/cases/${ids.case}${path}`).send(body).expect(200);
    await act('/attempts/1/outcome', { outcome: 'reached' });
    await act('/screening', { answers: screeningAnswers });
    await act('/assessment', { answers: assessmentAnswers('high') });
    await act('/plan', { plan: carePlan(today) });
    await act('/plan/1/consent', { consent: memberConsent });
    await act('/member-discussion', { outcome: 'agrees' });
    ids.review = (await stack.as(USERS.admin).post('/utilization-reviews').send(sample('ur-submit-standard')).expect(201)).body.reviewId;
    ids.complaint = (await stack.as(USERS.admin).post('/complaints').send({ ...sample('complaint-lodge'), caseId: ids.case }).expect(201)).body.complaintId;
    const discharge = { ...sampleJson('discharge.json'), eventId: 'evt-fuzz-1', memberRef: 'M-FUZZ-2', dischargedAt: new Date(Date.now() - 3_600_000).toISOString() };
    ids.member = (await stack.as(USERS.admin).post('/members').send(memberBody('M-FUZZ-MEMBER')).expect(201)).body.id;
    ids.discharge = (await stack.asIntegration().post('/integrations/discharge-events').send(discharge).expect(201)).body.id;
    await stack.as(USERS.admin).post('/teams').send({ id: 'fuzz-team', name: 'Fuzz', programs: ['CCM'], regions: ['NY'], active: true }).expect(201);
    await stack.as(USERS.admin).post('/staff').send({ id: 'cm-fuzz', displayName: 'Fuzz', role: 'care_manager', teamId: 'fuzz-team', languages: ['en'], caseloadCap: null, active: true }).expect(201);
  }, 300_000);

  afterAll(async () => {
    await stack?.close();
  });

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ label: `${method.toUpperCase()} ${path}`, op })));

  it('declares for every operation its success body, its errors as problem details, and 401 exactly where it needs credentials', () => {
    const gaps: string[] = [];
    for (const { label, op } of operations()) {
      const statuses = Object.keys(op.responses);
      // The FHIR routes answer FHIR JSON, errors as OperationOutcome (docs/integrations.md, "FHIR routes").
      const fhir = label.split(' ')[1]!.startsWith('/fhir/');
      const [json, errorMedia] = fhir ? ['application/fhir+json', 'application/fhir+json'] : ['application/json', 'application/problem+json'];
      if (!statuses.some((s) => s.startsWith('2'))) gaps.push(`${label}: no 2xx`);
      for (const [status, response] of Object.entries(op.responses)) {
        const media = Object.keys(response.content ?? {});
        if (status.startsWith('2') && status !== '204' && !response.content?.[json]?.schema) gaps.push(`${label} ${status}: no JSON schema`);
        if (status.startsWith('4') && !media.includes(errorMedia)) gaps.push(`${label} ${status}: not problem details`);
      }
      if ((op.security?.length ?? 0) > 0 !== statuses.includes('401')) gaps.push(`${label}: security and 401 disagree`);
      if (!statuses.includes('429')) gaps.push(`${label}: no 429`);
    }
    expect(gaps).toEqual([]);
  });

  it('types every property: no field is a bare object (what `string | null` without an explicit type becomes)', () => {
    const bare: string[] = [];
    const visit = (schema: unknown, where: string): void => {
      if (schema === null || typeof schema !== 'object') return;
      const s = schema as Json;
      const composed = ['allOf', 'oneOf', 'anyOf', '$ref'].some((k) => k in s);
      if (s.type === 'object' && s.properties === undefined && s.additionalProperties === undefined && !composed) bare.push(where);
      for (const [key, value] of Object.entries(s)) visit(value, `${where}.${key}`);
    };
    for (const [name, schema] of Object.entries(document.components.schemas)) visit(schema, name);
    expect(bare).toEqual([]);
    expect(document.components.schemas.CaseView).toMatchObject({ properties: { nextDueAt: { type: 'string', format: 'date-time', nullable: true } } });
    expect(document.components.schemas.TimelinePage).toMatchObject({ properties: { nextCursor: { type: 'string', nullable: true } } });
  });

  // What the fuzzer found, each failing before its fix.
  it('refuses null for an optional field with a 400 naming it (was a 500 for policyOverrides: null)', async () => {
    const res = await stack
      .as(USERS.admin)
      .post('/cases')
      .send({ memberRef: 'M-FUZZ-NULL', programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10), policyOverrides: null })
      .expect(400);
    expect(res.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'policyOverrides', reason: 'policyOverrides must be left out rather than null' }] });
    const note = await stack.as(USERS.admin).post(`/cases/${ids.case}/attempts/1/outcome`).send({ outcome: 'no_answer', note: null }).expect(400);
    expect(note.body.errors).toEqual([{ field: 'note', reason: 'note must be left out rather than null' }]);
  });

  it('refuses a timeline limit or cursor that is not a whole number in range (limit=null was read as 50, after=2^48 a 500)', async () => {
    for (const query of ['limit=null', 'limit=5&limit=6', 'after=x', 'after=281474976710655']) {
      const res = await stack.as(USERS.admin).get(`/cases/${ids.case}/timeline?${query}`).expect(400);
      expect(res.body.code).toBe('validation_failed');
    }
    await stack.as(USERS.admin).get(`/cases/${ids.case}/timeline?after=0&limit=200`).expect(200);
  });

  it('refuses an overdueBy reaching back before year 0 (796948d was a 500 from the visibility query) and takes the longest it allows', async () => {
    for (const path of ['/supervisor/stuck-cases', '/supervisor/stuck-cases/summary']) {
      expect((await stack.as(USERS.admin).get(`${path}?overdueBy=796948d`).expect(400)).body.errors).toEqual([
        { field: 'overdueBy', reason: 'overdueBy must be a duration such as 30m, 12h or 2d, at most 9999d' },
      ]);
      for (const longest of ['9999d', '99999h', '999999m']) await stack.as(USERS.admin).get(`${path}?overdueBy=${longest}`).expect(200);
    }
  });

  it('refuses a NUL character in any text of a body, and still audits the refusal (a note was accepted, then never stored; a reason was a 500)', async () => {
    const note = await stack.as(USERS.admin).post(`/cases/${ids.case}/notes`).send({ kind: 'note', text: 'a\u0000b' }).expect(400);
    expect(note.body.errors).toEqual([{ field: 'body.text', reason: 'contains a NUL character (U+0000), which is not allowed in text' }]);
    const nudge = await stack.as(USERS.admin).post(`/supervisor/cases/${ids.case}/nudge`).set('x-request-id', 'fuzz-nul-1').send({ taskKey: 'contact-2', reason: 'on \u0000leave' }).expect(400);
    expect(nudge.body.code).toBe('validation_failed');
    const audited = await eventually(() => stack.sql(`SELECT status, outcome FROM audit_log WHERE request_id = 'fuzz-nul-1'`), (rows) => rows.length > 0, 10_000);
    expect(audited).toEqual([{ status: 400, outcome: 'rejected' }]);
    // The case's events are all stored: nothing is left retrying.
    const pending = (await stack.temporal.workflow.getHandle(ids.case).describe()).raw.pendingActivities ?? [];
    expect(pending.filter((a) => (a.attempt ?? 1) > 1)).toEqual([]);
  });

  it('passes Schemathesis: no 5xx, no undocumented status, no response outside its schema', async () => {
    const [open] = (await stack.sql(`SELECT id FROM work_items WHERE case_id = $1 AND status = 'open' ORDER BY id LIMIT 1`, [ids.case])) as { id: string }[];
    const workItem = open?.id ?? `case:${ids.case}:none:contact-1`;
    const settings: OperationSettings[] = [
      // (Every entry whose regex matches an operation applies to it.)
      // The ids of real resources, so that requests reach the handlers (a random well-formed id is a 404).
      { pathRegex: '^/(supervisor/)?cases/\\{id\\}', parameters: { id: ids.case } },
      { pathRegex: '^/utilization-reviews/\\{id\\}', parameters: { id: ids.review } },
      { pathRegex: '^/complaints/\\{id\\}', parameters: { id: ids.complaint } },
      { pathRegex: '^/discharges/\\{id\\}', parameters: { id: ids.discharge } },
      // A demo directory entry no other check uses (deactivating it affects nothing else here).
      { pathRegex: '^/providers/\\{id\\}', parameters: { id: 'pcp-44' } },
      { pathRegex: '^/teams/\\{id\\}', parameters: { id: 'fuzz-team' } },
      { pathRegex: '^/staff/\\{id\\}', parameters: { id: 'cm-fuzz' } },
      // A worklist's own team and person; a work item of the fuzzed case (its open contact in the team's queue or with its care manager).
      { pathRegex: '^/worklist/staff/\\{staffId\\}', parameters: { staffId: 'cm-fuzz' } },
      { pathRegex: '^/worklist/teams/\\{teamId\\}', parameters: { teamId: 'fuzz-team' } },
      { pathRegex: '^/worklist/\\{id\\}/', parameters: { id: workItem } },
      { pathRegex: '^/fhir/Patient/\\{id\\}', parameters: { id: ids.member } },
      { pathRegex: '^/fhir/CarePlan$', parameters: { patient: ids.member } },
      // A PUT without its required If-Match is 428 Precondition Required (RFC 6585, as FHIR servers answer), not the 400 the check expects.
      { pathRegex: '^/fhir/Patient/\\{id\\}$', disabledChecks: ['missing_required_header'] },
      // A FHIR Patient is checked by the FHIR validator and US Core (and a search's patient against the registry), not by JSON Schema.
      { pathRegex: '^/fhir/', disabledChecks: ['positive_data_acceptance'] },
      { pathRegex: '^/members/\\{id\\}', parameters: { id: ids.member } },
      // positive_data_acceptance (a schema-valid request must not get a 4xx other than 401/403/404/409)
      // is off only where the API checks what JSON Schema cannot say (docs/architecture.md):
      // an opaque cursor is valid only as the nextCursor of an earlier page (GET /cases, /audit, /discharges, …;
      // /utilization-reviews and /complaints are listed below for their POST),
      // the policy overrides of POST /cases are checked against the program policy's shape,
      { pathRegex: '^/(cases|audit|committee/updates|supervisor/stuck-cases|supervisor/stop-participation-requests|discharges|inbox|worklist|worklist/staff/\\{staffId\\}|worklist/teams/\\{teamId\\})$', disabledChecks: ['positive_data_acceptance'] },
      // quiet hours name an IANA time zone (checked with Intl; a pattern cannot list them).
      { pathRegex: '^/me/notification-preferences$', disabledChecks: ['positive_data_acceptance'] },
      // a care plan's references and dates are checked against each other and today,
      { pathRegex: '^/cases/\\{id\\}/plan$', disabledChecks: ['positive_data_acceptance'] },
      // enrollment rows are left unconstrained (each is checked on its own and reported in the 200) but may hold no NUL,
      { pathRegex: '^/integrations/enrollment-events$', disabledChecks: ['positive_data_acceptance'] },
      // a complaint's caseId must be an existing case, a discharge event follows the rules of its format (docs/integrations.md),
      // and codec metadata keys may not be __proto__/constructor/prototype (OpenAPI 3.0 cannot exclude property names).
      { pathRegex: '^/codec/', disabledChecks: ['positive_data_acceptance'] },
      { pathRegex: '^/complaints$', disabledChecks: ['positive_data_acceptance'] },
      { pathRegex: '^/integrations/discharge-events$', disabledChecks: ['positive_data_acceptance'] },
      // an NPI's check digit and a webhook URL's or mail address's validity (provider directory), and that a named
      // provider is an active directory entry (PCP change, reports, provider requests, reviews: docs/integrations.md).
      { pathRegex: '^/providers', disabledChecks: ['positive_data_acceptance'] },
      { pathRegex: '^/cases/\\{id\\}/(pcp|provider-reports|care-manager-change-requests|stop-participation-requests)$', disabledChecks: ['positive_data_acceptance'] },
      { pathRegex: '^/utilization-reviews$', disabledChecks: ['positive_data_acceptance'] },
      // a reassignment's toStaffId must be an active person of the item's team and role (422 otherwise),
      { pathRegex: '^/worklist/\\{id\\}/reassign$', disabledChecks: ['positive_data_acceptance'] },
      // a staff record's teamId must name an existing team (active unless the person is inactive).
      { pathRegex: '^/staff', disabledChecks: ['positive_data_acceptance'] },
      // a report's period is a month or a range of days (exactly one; real calendar dates, to not before from, at most
      // 367 days), and a supervisor may name only their own team (403): docs/reporting.md.
      { pathRegex: '^/reports/', disabledChecks: ['positive_data_acceptance'] },
      // a member record follows the registry's rules (exactly one plan id, E.164 phones, IANA time zones, spans in
      // order, a birth date not after today: libs/domain member.validation.ts), a search takes one of two parameter
      // sets (not both), and a replace must name the current version (412 otherwise).
      { pathRegex: '^/members(/\\{id\\})?$', disabledChecks: ['positive_data_acceptance'] },
      // an attempt's contactPoint must be one of the case's member's (registry), and a representative's consent names
      // one of the member's representatives with the authority in force (docs/lifecycle.md).
      { pathRegex: '^/cases/\\{id\\}/attempts/\\{number\\}/outcome$', disabledChecks: ['positive_data_acceptance'] },
      { pathRegex: '^/cases/\\{id\\}/plan/\\{version\\}/consent$', disabledChecks: ['positive_data_acceptance'] },
      // ensure_resource_availability (stateful: what POST /cases created must be readable) is off for the plan summary,
      // whose 404 means "no active plan yet", not "no such case".
      { pathRegex: '^/cases/\\{id\\}/plan-summary$', disabledChecks: ['ensure_resource_availability'] },
    ];
    const run = await runSchemathesis({
      executable: schemathesis,
      baseUrl: stack.baseUrl,
      bearerToken: testToken(USERS.admin),
      apiKey: stack.integrationKey,
      operations: settings,
      checkSettings: {
        // A request the schema forbids is refused — with 413 too when it is too large (more members than a batch holds).
        negative_data_rejection: { 'expected-statuses': [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429, '5xx'] },
        // PUT /members/:id without If-Match is 428 Precondition Required (RFC 6585), the answer for a missing precondition.
        missing_required_header: { 'expected-statuses': [400, 401, 403, 406, 415, 422, 428] },
      },
      phases: ['examples', 'coverage', 'fuzzing', 'stateful'],
      maxExamples: 25,
      // About 80 s here (5,000+ requests); the deadline keeps a slow CI machine from running on.
      timeoutMs: 300_000,
    });
    const report = join(tmpdir(), `careloop-openapi-contract-${process.pid}.txt`);
    writeFileSync(report, `${run.output}\nstatuses: ${JSON.stringify(run.statuses)}\n`);
    const failures = run.output.includes('FAILURES') || run.output.includes('ERRORS') ? run.output.slice(run.output.search(/={5,} (FAILURES|ERRORS)/)) : '';
    expect({ exitCode: run.exitCode, failures }).toEqual({ exitCode: 0, failures: '' });
    // Every operation was exercised, and many requests reached a handler, not only the validation or the guard:
    // about a third answer 2xx or the handlers' 409 (5,271 requests: 633 2xx, 1,076 409, 2,485 400, 674 401, 358 405).
    expect(run.operations).toEqual(expect.arrayContaining(operations().map((o) => o.label)));
    const total = Object.values(run.statuses).reduce((a, b) => a + b, 0);
    const handled = Object.entries(run.statuses).filter(([s]) => s.startsWith('2') || s === '409').reduce((a, [, n]) => a + n, 0);
    expect(handled / total).toBeGreaterThan(0.2);
  }, 360_000);
});
