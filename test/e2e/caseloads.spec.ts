import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { bearer, USERS } from '../support/auth';
import { assessmentAnswers, screeningAnswers } from '../support/case-fixtures';
import { eventually } from '../support/eventually';

/**
 * The caseload dashboard against the configured caps, through HTTP against the
 * real dev server and Postgres: program SMALL allows 2 open cases per care
 * manager and every other program 7 (CARELOOP_POLICY_FILE); one care manager
 * has their own cap in the roster. Assignment and the dashboard agree.
 */
describe('caseloads against configured caps (real Temporal, real Postgres)', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloop-caseloads-'));
    const policyFile = join(dir, 'policies.json');
    writeFileSync(
      policyFile,
      JSON.stringify({ programs: { '*': { version: 't1', overrides: { caseloadCap: 7 } }, SMALL: { version: 't1', overrides: { caseloadCap: 2 } } } }),
    );
    stack = await startE2eStack('caseloads', { CARELOOP_POLICY_FILE: policyFile });
    await stack.sql(`INSERT INTO teams (id, name) VALUES ('north', 'North') ON CONFLICT (id) DO NOTHING`);
    await stack.sql(`INSERT INTO staff (id, display_name, role, team, languages, active, caseload_cap) VALUES ('cm-small', 'Small', 'care_manager', 'north', '{en}', true, NULL)`);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const api = () => stack.as(USERS.sup1);
  const cm = bearer(USERS.cm1);

  async function highRiskCase(memberRef: string): Promise<string> {
    await stack.registerMember(memberRef);
    const id: string = (await api().post('/cases').send({ memberRef, programCode: 'SMALL', enrollmentDate: new Date().toISOString().slice(0, 10) }).expect(201)).body.id;
    await eventually(() => api().get(`/cases/${id}`), (r) => r.body.attempts?.length === 1);
    await api().post(`/cases/${id}/attempts/1/outcome`).set(cm).send({ outcome: 'reached' }).expect(200);
    await api().post(`/cases/${id}/screening`).set(cm).send({ answers: screeningAnswers }).expect(200);
    await api().post(`/cases/${id}/assessment`).set(cm).send({ answers: assessmentAnswers('high') }).expect(200);
    return id;
  }

  it("shows each care manager's own cap, else the program's configured cap, as assignment applies it", async () => {
    const first = await highRiskCase('M-LOAD-1');
    const second = await highRiskCase('M-LOAD-2');
    for (const id of [first, second]) {
      expect((await eventually(() => api().get(`/cases/${id}`), (r) => r.body.careManagerId !== null)).body.careManagerId).toBe('cm-small');
    }
    // SMALL's cap (2) is reached: the third case is not assigned over it, and says so.
    const third = await highRiskCase('M-LOAD-3');
    const flagged = await eventually(() => api().get(`/cases/${third}`), (r) => r.body.flags?.includes('unassigned'));
    expect(flagged.body).toMatchObject({ careManagerId: null, flags: ['unassigned'], stuckReasons: [expect.objectContaining({ kind: 'unassigned' })] });

    // Two more care managers: one with their own cap in the roster, one with neither cap nor cases ("*" policy: 7).
    await stack.sql(`INSERT INTO teams (id, name) VALUES ('north', 'North') ON CONFLICT (id) DO NOTHING`);
    await stack.sql(`INSERT INTO staff (id, display_name, role, team, languages, active, caseload_cap) VALUES ('cm-own', 'Own', 'care_manager', 'north', '{en}', true, 5), ('cm-idle', 'Idle', 'care_manager', 'north', '{en}', true, NULL)`);
    const loads = await eventually(() => api().get('/supervisor/caseloads').expect(200), (r) => r.body.items.find((i: { careManagerId: string }) => i.careManagerId === 'cm-small')?.open === 2);
    const byId = Object.fromEntries((loads.body.items as { careManagerId: string }[]).map((i) => [i.careManagerId, i]));
    expect(byId['cm-small']).toEqual({
      careManagerId: 'cm-small',
      cap: 2,
      capSource: 'program',
      open: 2,
      available: 0,
      overCap: false,
      byRiskTier: { high: 2, medium: 0, low: 0, none: 0 },
      byProgram: [{ programCode: 'SMALL', open: 2, cap: 2, available: 0 }],
    });
    expect(byId['cm-own']).toMatchObject({ cap: 5, capSource: 'care_manager', open: 0, available: 5, byProgram: [] });
    expect(byId['cm-idle']).toMatchObject({ cap: 7, capSource: 'program', open: 0, available: 7 });
    // Every field the answer holds is in the OpenAPI document (response schemas allow extra properties, so the fuzzer cannot see this).
    const doc = (await api().get('/openapi.json').expect(200)).body as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    const listRef = (doc as unknown as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> } }> }).paths['/supervisor/caseloads']!.get.responses['200']!.content['application/json']!.schema.$ref;
    const itemSchema = doc.components.schemas[listRef.split('/').pop()!]!.properties!.items as { items: { $ref: string } };
    const documented = Object.keys(doc.components.schemas[itemSchema.items.$ref.split('/').pop()!]!.properties!);
    expect(Object.keys(byId['cm-small']!).filter((k) => !documented.includes(k))).toEqual([]);
  }, 90_000);
});
