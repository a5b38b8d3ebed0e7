import request from 'supertest';
import { caseWorkflowId } from '@careloop/contracts';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { eventually } from '../support/eventually';
import { USERS } from '../support/auth';
import { addCalendarDays, dateFromToday } from '../support/fixture-dates';

/**
 * The vertical slice through HTTP, against a real Temporal dev server and a
 * real Postgres: start a case, find it again, read it back from the workflow
 * (query) and from the row its activity wrote.
 */
describe('POST /cases and GET /cases/:id (real Temporal, real Postgres)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await startE2eStack('cases');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const anonymous = () => request(stack.baseUrl);
  const enrollmentDate = dateFromToday(-30);
  const body = { memberRef: 'M-000123', programCode: 'CCM', enrollmentDate };


  it('starts a case (201), and the same member + program again returns the same case (200)', async () => {
    await stack.registerMember(body.memberRef);
    const first = await stack.as(USERS.cm1).post('/cases').send(body).expect(201);
    expect(first.body.id).toMatch(/^case-ccm-[0-9a-f]{24}$/);
    expect(first.headers.location).toBe(`/cases/${first.body.id}`);
    // The id is derived from member + program but does not reveal the member reference.
    expect(first.body.id).not.toContain('000123');

    const second = await stack.as(USERS.cm1).post('/cases').send(body).expect(200);
    expect(second.body.id).toBe(first.body.id);

    const rows = await eventually(
      () => stack.sql('SELECT id FROM cases WHERE member_ref = $1', [body.memberRef]),
      (r) => r.length > 0,
    );
    expect(rows).toEqual([{ id: first.body.id }]);
    const executions = [];
    for await (const wf of stack.temporal.workflow.list({ query: `WorkflowId = '${first.body.id}'` })) {
      executions.push(wf);
    }
    expect(executions).toHaveLength(1);
  });

  it('reads the phase from the workflow and the record from Postgres', async () => {
    const member = { ...body, memberRef: 'M-000456' };
    await stack.registerMember(member.memberRef);
    const created = await stack.as(USERS.cm1).post('/cases').send(member).expect(201);
    const res = await eventually(
      () => stack.as(USERS.cm1).get(`/cases/${created.body.id}`).expect(200),
      (r) => r.body.record?.phase === 'screening',
    );
    expect(res.body).toMatchObject({
      id: created.body.id,
      phase: 'screening',
      workflowStatus: 'RUNNING',
      programCode: 'CCM',
      policyVersion: 'CCM@default',
      // 90 days from the enrollment date (seed 001).
      screeningDueAt: `${addCalendarDays(enrollmentDate, 90)}T00:00:00.000Z`,
      closureReason: null,
      record: { memberRef: 'M-000456', programCode: 'CCM', enrollmentDate, phase: 'screening' },
    });
    const rows = await stack.sql('SELECT count(*)::int AS n FROM cases WHERE id = $1', [created.body.id]);
    expect(rows[0]!.n).toBe(1);
  });

  it('rejects an invalid body with 400 problem details naming each field, and starts nothing', async () => {
    const bad = { memberRef: 'has spaces', programCode: 'ccm', enrollmentDate: '2026-02-30', nickname: 'x' };
    const res = await stack.as(USERS.cm1).post('/cases').send(bad).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'validation_failed' });
    const fields = (res.body.errors as { field: string; reason: string }[]).map((e) => e.field);
    expect(new Set(fields)).toEqual(new Set(['memberRef', 'programCode', 'enrollmentDate', 'nickname']));
    for (const e of res.body.errors as { reason: string }[]) {
      expect(e.reason.length).toBeGreaterThan(10);
    }
    const missing = await stack.as(USERS.cm1).post('/cases').send({}).expect(400);
    expect((missing.body.errors as { field: string }[]).map((e) => e.field)).toEqual(
      expect.arrayContaining(['memberRef', 'programCode', 'enrollmentDate']),
    );

    // Nothing was started for the rejected member reference, and nothing was written.
    const id = caseWorkflowId('has spaces', 'ccm', 'careloop-local-development-only');
    await expect(stack.temporal.workflow.getHandle(id).describe()).rejects.toThrow();
    const rows = await stack.sql('SELECT count(*)::int AS n FROM cases WHERE member_ref = $1', ['has spaces']);
    expect(rows[0]!.n).toBe(0);
  });

  it('answers malformed JSON with 400 and an unknown case with 404', async () => {
    const malformed = await stack.as(USERS.cm1)
      .post('/cases')
      .set('content-type', 'application/json')
      .send('{"memberRef": ')
      .expect(400);
    expect(malformed.body.code).toBe('malformed_request');

    const unknown = await stack.as(USERS.cm1).get('/cases/case-ccm-000000000000000000000000').expect(404);
    expect(unknown.body).toMatchObject({ status: 404, code: 'case_not_found' });

    const badId = await stack.as(USERS.cm1).get('/cases/not-a-case-id').expect(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });

  it('reports liveness and readiness with each check named', async () => {
    await anonymous().get('/health').expect(200, { status: 'ok' });
    const ready = await eventually(
      () => anonymous().get('/health/ready'),
      (r) => r.status === 200,
    );
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      checks: { postgres: { status: 'ok' }, temporal: { status: 'ok' }, worker: { status: 'ok' } },
    });
  });

  it('serves the OpenAPI document with the start-case body', async () => {
    const res = await anonymous().get('/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/cases', '/cases/{id}', '/health', '/health/ready']));
    expect(res.body.components.schemas.StartCaseDto.required).toEqual(['programCode', 'enrollmentDate']);
    await anonymous().get('/docs').expect(200);
  });
});
