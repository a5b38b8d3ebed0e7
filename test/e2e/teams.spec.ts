import { randomBytes } from 'node:crypto';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS, type TestUser } from '../support/auth';
import { assessmentAnswers, screeningAnswers } from '../support/case-fixtures';
import { eventually } from '../support/eventually';

/**
 * Care teams and staff managed through the API (issue 16), through HTTP on the real stack: an admin builds
 * two teams and their people, bad input changes nothing, supervisors read only their own team, and a case
 * started by an east care manager is assigned inside east, never west, and hidden from west throughout.
 */
describe('teams and staff through the API (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  // Case ids derive from member + program on the Temporal namespace every e2e suite shares.
  const run = randomBytes(3).toString('hex').toUpperCase();
  const today = new Date().toISOString().slice(0, 10);
  const east = { id: 'east', name: 'East', programs: ['CCM'], regions: ['NY'], active: true };
  const west = { id: 'west', name: 'West', programs: ['CCM'], regions: ['CA'], active: true };
  const person = (id: string, teamId: string, role: 'care_manager' | 'supervisor' = 'care_manager') => ({
    id,
    displayName: `Person ${id}`,
    role,
    teamId,
    languages: ['en'],
    caseloadCap: role === 'care_manager' ? 10 : null,
    active: true,
  });
  // Token claims say nothing about teams here: the roster (written through the API) decides.
  const staff = (sub: string, role: 'care_manager' | 'supervisor' = 'care_manager'): TestUser => ({ sub, role });
  const cmEast1 = staff('cm-east-1');
  const cmEast2 = staff('cm-east-2');
  const cmWest = staff('cm-west-1');
  const supEast = staff('sup-east', 'supervisor');
  const supWest = staff('sup-west', 'supervisor');
  const admin = () => stack.as(USERS.admin);

  beforeAll(async () => {
    stack = await startE2eStack('teams');
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('creates teams idempotently by id and refuses the same id with different content (409 team_conflict)', async () => {
    const created = await admin().post('/teams').send(east).expect(201);
    expect(created.headers.location).toBe('/teams/east');
    expect(created.body).toEqual({ ...east, activeMembers: 0, members: [] });
    const repeated = await admin().post('/teams').send(east).expect(200);
    expect(repeated.body).toEqual(created.body);
    const conflict = await admin().post('/teams').send({ ...east, regions: ['NJ'] }).expect(409);
    expect(conflict.body.code).toBe('team_conflict');
    await admin().post('/teams').send(west).expect(201);
    expect(await stack.sql(`SELECT id, regions FROM teams ORDER BY id`)).toEqual([
      { id: 'east', regions: ['NY'] },
      { id: 'west', regions: ['CA'] },
    ]);
  });

  it('records care managers and supervisors on their teams, idempotently (409 staff_conflict for different content)', async () => {
    for (const [id, team, role] of [['cm-east-1', 'east'], ['cm-east-2', 'east'], ['sup-east', 'east', 'supervisor'], ['cm-west-1', 'west'], ['sup-west', 'west', 'supervisor']] as const) {
      const res = await admin().post('/staff').send(person(id, team, role)).expect(201);
      expect(res.body).toEqual({ ...person(id, team, role), openCaseload: 0, email: null, phone: null });
    }
    await admin().post('/staff').send(person('cm-east-1', 'east')).expect(200);
    // Notice contacts (issue 17): kept on a replace, cleared by null.
    const contact = { email: 'cm.east.2@example.org', phone: '+15550001234' };
    expect((await admin().put('/staff/cm-east-2').send({ ...person('cm-east-2', 'east'), id: undefined, ...contact }).expect(200)).body).toMatchObject(contact);
    expect((await admin().put('/staff/cm-east-2').send({ ...person('cm-east-2', 'east'), id: undefined, email: null, phone: null }).expect(200)).body).toMatchObject({ email: null, phone: null });
    expect((await admin().post('/staff').send(person('cm-east-1', 'west')).expect(409)).body.code).toBe('staff_conflict');
    expect((await admin().get('/staff/cm-east-1').expect(200)).body).toMatchObject({ teamId: 'east', caseloadCap: 10, active: true });
  });

  it('answers bad input with 400 naming the field, and stores nothing', async () => {
    const refusals: [string, string, object, string][] = [
      ['post', '/teams', { ...east, id: 'bad', regions: ['NY', 'XX'] }, 'regions'],
      ['post', '/teams', { ...east, id: 'Bad Team' }, 'id'],
      ['post', '/teams', { ...east, id: 'bad', programs: ['ccm'] }, 'programs'],
      ['post', '/staff', person('cm-bad', 'nowhere'), 'teamId'],
      ['post', '/staff', { ...person('cm-bad', 'east'), caseloadCap: 0 }, 'caseloadCap'],
      ['post', '/staff', { ...person('cm-bad', 'east'), role: 'admin' }, 'role'],
      ['post', '/staff', { ...person('cm-bad', 'east'), languages: ['english!'] }, 'languages'],
      ['post', '/staff', { ...person('cm-bad', 'east'), email: 'not-an-address' }, 'email'],
      ['post', '/staff', { ...person('cm-bad', 'east'), phone: '555-0100' }, 'phone'],
      ['put', '/staff/cm-east-2', { ...person('cm-east-2', 'east'), id: undefined, caseloadCap: -1 }, 'caseloadCap'],
    ];
    for (const [method, path, body, field] of refusals) {
      const res = await (method === 'post' ? admin().post(path) : admin().put(path)).send(body).expect(400);
      expect({ path, code: res.body.code, fields: res.body.errors.map((e: { field: string }) => e.field) }).toEqual({ path, code: 'validation_failed', fields: [field] });
    }
    expect(await stack.sql(`SELECT id FROM teams WHERE id NOT IN ('east', 'west')`)).toEqual([]);
    expect(await stack.sql(`SELECT id FROM staff WHERE id = 'cm-bad'`)).toEqual([]);
    expect((await stack.sql(`SELECT caseload_cap FROM staff WHERE id = 'cm-east-2'`))[0]).toEqual({ caseload_cap: 10 });
    // An inactive team takes no active people; a missing team or person is a 404.
    await admin().post('/teams').send({ id: 'closed', name: 'Closed', programs: [], regions: [], active: false }).expect(201);
    expect((await admin().post('/staff').send(person('cm-bad', 'closed')).expect(400)).body.errors).toEqual([{ field: 'teamId', reason: 'team closed is inactive' }]);
    expect((await admin().put('/teams/nosuch').send({ ...east, id: undefined }).expect(404)).body.code).toBe('team_not_found');
    expect((await admin().put('/staff/nosuch').send({ ...person('x', 'east'), id: undefined }).expect(404)).body.code).toBe('staff_not_found');
  });

  it("lets a supervisor read only their own team and its people (another team's is a 404); writes are the admin's", async () => {
    const own = await stack.as(supEast).get('/teams/east').expect(200);
    expect(own.body).toMatchObject({ id: 'east', activeMembers: 3 });
    expect(own.body.members).toEqual([
      { id: 'cm-east-1', displayName: 'Person cm-east-1', role: 'care_manager', languages: ['en'], caseloadCap: 10, openCaseload: 0 },
      { id: 'cm-east-2', displayName: 'Person cm-east-2', role: 'care_manager', languages: ['en'], caseloadCap: 10, openCaseload: 0 },
      { id: 'sup-east', displayName: 'Person sup-east', role: 'supervisor', languages: ['en'], caseloadCap: null, openCaseload: 0 },
    ]);
    const foreign = await stack.as(supEast).get('/teams/west').expect(404);
    const missing = await stack.as(supEast).get('/teams/nosuch').expect(404);
    expect(foreign.body.code).toBe('team_not_found');
    expect({ ...foreign.body, instance: undefined, detail: foreign.body.detail.replace('west', 'X') }).toEqual({ ...missing.body, instance: undefined, detail: missing.body.detail.replace('nosuch', 'X') });
    expect((await stack.as(supEast).get('/teams').expect(200)).body.items.map((t: { id: string }) => t.id)).toEqual(['east']);
    expect((await admin().get('/teams').expect(200)).body.items.map((t: { id: string }) => t.id)).toEqual(['closed', 'east', 'west']);
    await stack.as(supEast).get('/staff/cm-east-1').expect(200);
    expect((await stack.as(supEast).get('/staff/cm-west-1').expect(404)).body.code).toBe('staff_not_found');
    await stack.as(supWest).get('/teams/west').expect(200);
    await stack.as(supWest).get('/teams/east').expect(404);
    // A care manager reads their own team (who answers its queue), not another.
    await stack.as(cmEast1).get('/teams/east').expect(200);
    await stack.as(cmEast1).get('/teams/west').expect(404);
    await stack.as(supEast).post('/teams').send({ ...east, id: 'sup-made' }).expect(403);
    await stack.as(supEast).put('/staff/cm-east-1').send({ ...person('cm-east-1', 'east'), id: undefined }).expect(403);
    for (const [client, path] of [[stack.as(USERS.provider), '/teams'], [stack.as(USERS.committee), '/teams/east'], [stack.asIntegration(), '/staff/cm-east-1']] as const) {
      expect((await client.get(path).expect(403)).body.code).toBe('forbidden');
    }
  });

  it('assigns a high-risk case started by an east care manager inside east, never west, and hides it from west before and after', async () => {
    await stack.registerMember(`M-TEAMS-${run}-EAST`);
    const created = await stack.as(cmEast1).post('/cases').send({ memberRef: `M-TEAMS-${run}-EAST`, programCode: 'CCM', enrollmentDate: today }).expect(201);
    const id = created.body.id as string;
    // No teamId in the body and two teams serve CCM: the starter's own team (staff table) owns it.
    expect((await eventually(() => stack.sql(`SELECT team_id FROM cases WHERE id = $1`, [id]), (r) => r[0]?.team_id != null))[0]).toEqual({ team_id: 'east' });
    const pooled = await stack.as(cmEast2).get(`/cases/${id}`).expect(200);
    // Nobody named yet: the point of contact is east's queue, resolved to east's active people.
    expect({ poc: pooled.body.pointOfContact, team: pooled.body.pointOfContactTeam }).toEqual({
      poc: 'team:east',
      team: { teamId: 'east', name: 'East', members: ['cm-east-1', 'cm-east-2', 'sup-east'].map((m) => ({ id: m, displayName: `Person ${m}` })) },
    });
    await stack.as(cmWest).get(`/cases/${id}`).expect(404);
    await stack.as(supWest).get(`/cases/${id}`).expect(404);

    const cm = stack.as(cmEast1);
    await eventually(() => cm.get(`/cases/${id}`), (r) => r.body.attempts?.length === 1);
    await cm.post(`/cases/${id}/attempts/1/outcome`).send({ outcome: 'reached' }).expect(200);
    await cm.post(`/cases/${id}/screening`).send({ answers: screeningAnswers }).expect(200);
    await cm.post(`/cases/${id}/assessment`).send({ answers: assessmentAnswers('high') }).expect(200);
    const assigned = await eventually(() => cm.get(`/cases/${id}`).expect(200), (r) => r.body.careManagerId !== null);
    expect(['cm-east-1', 'cm-east-2']).toContain(assigned.body.careManagerId);
    expect({ poc: assigned.body.pointOfContact, team: assigned.body.pointOfContactTeam }).toEqual({ poc: assigned.body.careManagerId, team: null });
    await stack.as(cmWest).get(`/cases/${id}`).expect(404);
    await stack.as(supWest).get(`/cases/${id}`).expect(404);
    const team = await eventually(() => stack.as(supEast).get('/teams/east').expect(200), (r) => r.body.members.some((m: { openCaseload: number }) => m.openCaseload === 1));
    expect(team.body.members.map((m: { id: string; openCaseload: number }) => [m.id, m.openCaseload])).toEqual(
      ['cm-east-1', 'cm-east-2', 'sup-east'].map((m) => [m, m === assigned.body.careManagerId ? 1 : 0]),
    );
    expect((await stack.as(supWest).get('/teams/west').expect(200)).body.members.every((m: { openCaseload: number }) => m.openCaseload === 0)).toBe(true);

    // Deactivating the teammate takes effect on their next request (the API forgets its cached team on the write):
    // the team's case is hidden from them at once, and the row stays.
    const teammate = assigned.body.careManagerId === 'cm-east-1' ? 'cm-east-2' : 'cm-east-1';
    await stack.as(staff(teammate)).get(`/cases/${id}`).expect(200);
    const deactivated = await admin().put(`/staff/${teammate}`).send({ ...person(teammate, 'east'), id: undefined, active: false }).expect(200);
    expect(deactivated.body).toMatchObject({ id: teammate, active: false, teamId: 'east' });
    await stack.as(staff(teammate)).get(`/cases/${id}`).expect(404);
    expect((await stack.as(supEast).get('/teams/east').expect(200)).body.members.map((m: { id: string }) => m.id)).not.toContain(teammate);
    // Moving a west care manager to east: they see east's case on their next request.
    await admin().put('/staff/cm-west-1').send({ ...person('cm-west-1', 'east'), id: undefined }).expect(200);
    await stack.as(cmWest).get(`/cases/${id}`).expect(200);
  }, 90_000);

  it("resolves a case's team without teamId: the program's only active team for a starter with no team, else none", async () => {
    await admin().post('/teams').send({ id: 'hope', name: 'Hope', programs: ['HOPE'], regions: ['TX'], active: true }).expect(201);
    // An inactive team serving the program does not count.
    await admin().post('/teams').send({ id: 'hope-old', name: 'Hope (old)', programs: ['HOPE'], regions: ['TX'], active: false }).expect(201);
    await stack.registerMember(`M-TEAMS-${run}-HOPE`);
    await stack.registerMember(`M-TEAMS-${run}-CCM`);
    const only = (await admin().post('/cases').send({ memberRef: `M-TEAMS-${run}-HOPE`, programCode: 'HOPE', enrollmentDate: today }).expect(201)).body.id as string;
    const none = (await admin().post('/cases').send({ memberRef: `M-TEAMS-${run}-CCM`, programCode: 'CCM', enrollmentDate: today }).expect(201)).body.id as string;
    const rows = await eventually(
      () => stack.sql(`SELECT id, team_id FROM cases WHERE id = ANY($1) ORDER BY id`, [[only, none]]),
      (r) => r.length === 2,
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.team_id]))).toEqual({ [only]: 'hope', [none]: null });
  });
});
