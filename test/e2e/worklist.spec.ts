import { randomBytes } from 'node:crypto';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS, type TestUser } from '../support/auth';
import { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from '../support/case-fixtures';
import { eventually } from '../support/eventually';

type Item = { id: string; kind: string; caseId: string; owner: { kind: string; staffId?: string; teamId: string | null; role?: string }; complete: { method: string; path: string } | null };

/**
 * Worklists through HTTP on the real stack (docs/worklists.md): the case workflow's tasks reach the
 * work_items projection through its persistence activity, and the care team claims, releases and
 * reassigns them. The demo roster: cm-1, cm-2 and sup-1 on north; cm-3 on south.
 */
describe('worklists (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  const run = randomBytes(3).toString('hex').toUpperCase();
  const today = new Date().toISOString().slice(0, 10);
  const cm2: TestUser = { sub: 'cm-2', role: 'care_manager', team: 'north' };
  const itemsOf = async (user: TestUser, query = '') => (await stack.as(user).get(`/worklist${query}`).expect(200)).body.items as Item[];
  const find = (items: Item[], caseId: string, kind: string) => items.find((i) => i.caseId === caseId && i.kind === kind);

  beforeAll(async () => {
    stack = await startE2eStack('worklist');
    // The demo roster's teams and people, through the admin API (a case started by cm-1 belongs to north).
    const admin = stack.as(USERS.admin);
    for (const team of [{ id: 'north', regions: ['IL'] }, { id: 'south', regions: ['TX'] }]) {
      await admin.post('/teams').send({ ...team, name: team.id, programs: ['CCM'], active: true }).expect((r) => expect([200, 201]).toContain(r.status));
    }
    for (const [id, teamId, role] of [['cm-1', 'north', 'care_manager'], ['cm-2', 'north', 'care_manager'], ['sup-1', 'north', 'supervisor'], ['cm-3', 'south', 'care_manager']] as const) {
      const person = { id, displayName: `Person ${id}`, role, teamId, languages: ['en', 'es'], caseloadCap: role === 'care_manager' ? 20 : null, active: true };
      await admin.post('/staff').send(person).expect((r) => expect([200, 201]).toContain(r.status));
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function screened(memberRef: string): Promise<string> {
    await stack.registerMember(memberRef);
    const id: string = (await stack.as(USERS.cm1).post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: today }).expect(201)).body.id;
    await eventually(() => stack.as(USERS.cm1).get(`/cases/${id}`), (r) => r.body.attempts?.length === 1);
    await stack.as(USERS.cm1).post(`/cases/${id}/attempts/1/outcome`).send({ outcome: 'reached' }).expect(200);
    await stack.as(USERS.cm1).post(`/cases/${id}/screening`).send({ answers: screeningAnswers }).expect(200);
    return id;
  }

  it("shows a case's assessment task in its team's queue, then on its care manager's worklist with the route that completes it, and closes it when the assessment is submitted", async () => {
    const id = await screened(`M-WORK-${run}-A`);
    const queued = await eventually(() => itemsOf(USERS.cm1, '?scope=team'), (list) => find(list, id, 'assessment') !== undefined);
    expect(find(queued, id, 'assessment')).toMatchObject({ owner: { kind: 'team', teamId: 'north', role: 'care_manager' }, complete: { method: 'POST', path: `/cases/${id}/assessment` } });

    // The supervisor names the case's care manager: the queued task moves to them.
    await stack.as(USERS.sup1).post(`/supervisor/cases/${id}/reassign`).send({ careManagerId: 'cm-2', reason: 'speaks the member language' }).expect(200);
    const items = await eventually(() => itemsOf(cm2, '?scope=mine'), (list) => find(list, id, 'assessment') !== undefined);
    expect(find(items, id, 'assessment')).toMatchObject({ owner: { kind: 'person', staffId: 'cm-2', teamId: 'north' }, complete: { method: 'POST', path: `/cases/${id}/assessment` } });
    expect(find(await itemsOf(USERS.cm1, '?scope=team'), id, 'assessment')).toBeUndefined();

    await stack.as(cm2).post(`/cases/${id}/assessment`).send({ answers: assessmentAnswers('high') }).expect(200);
    const after = await eventually(() => itemsOf(cm2, '?scope=mine'), (list) => find(list, id, 'assessment') === undefined && find(list, id, 'care_plan') !== undefined);
    // The next task (the care plan) took its place on the same person's list.
    expect(find(after, id, 'assessment')).toBeUndefined();
    expect(find(after, id, 'care_plan')).toMatchObject({ owner: { kind: 'person', staffId: 'cm-2' }, complete: { path: `/cases/${id}/plan` } });
  });

  it("puts a low-risk member's contact in the team queue: a teammate claims it, another's claim is 409, the holder releases, the supervisor reassigns with a reason", async () => {
    const id = await screened(`M-WORK-${run}-LOW`);
    await stack.as(USERS.sup1).post(`/cases/${id}/assessment`).send({ answers: assessmentAnswers('low') }).expect(200);
    await stack.as(USERS.sup1).post(`/cases/${id}/plan`).send({ plan: carePlan(today) }).expect(200);
    await stack.as(USERS.sup1).post(`/cases/${id}/plan/1/consent`).send({ consent: memberConsent }).expect(200);
    await stack.as(USERS.sup1).post(`/cases/${id}/member-discussion`).send({ outcome: 'agrees' }).expect(200);
    const [{ teamId, careManagerId }] = (await stack.sql(`SELECT team_id AS "teamId", care_manager_id AS "careManagerId" FROM cases WHERE id = $1`, [id])) as { teamId: string; careManagerId: string | null }[];
    expect({ teamId, careManagerId }).toEqual({ teamId: 'north', careManagerId: null });

    const queue = await eventually(() => itemsOf(USERS.cm1, '?scope=team&kind=contact'), (list) => find(list, id, 'contact') !== undefined);
    const contact = find(queue, id, 'contact')!;
    expect(contact).toMatchObject({ owner: { kind: 'team', teamId: 'north', role: 'care_manager' }, complete: { method: 'POST', path: `/cases/${id}/contacts` } });
    // Another team's care manager does not see it; the item is as unknown to them as none.
    expect(find(await itemsOf(USERS.cm3), id, 'contact')).toBeUndefined();
    expect((await stack.as(USERS.cm3).post(`/worklist/${contact.id}/claim`).expect(404)).body.code).toBe('work_item_not_found');
    // The supervisors' queue is not the care managers'.
    expect((await stack.as(USERS.sup1).post(`/worklist/${contact.id}/claim`).expect(403)).body.code).toBe('work_item_wrong_queue');

    const claimed = await stack.as(USERS.cm1).post(`/worklist/${contact.id}/claim`).expect(200);
    expect(claimed.body).toMatchObject({ owner: { kind: 'person', staffId: 'cm-1' } });
    expect(claimed.body.claimedAt).not.toBeNull();
    await stack.as(USERS.cm1).post(`/worklist/${contact.id}/claim`).expect(200);
    const refused = await stack.as(cm2).post(`/worklist/${contact.id}/claim`).expect(409);
    expect(refused.body).toMatchObject({ code: 'work_item_held', detail: expect.stringContaining('cm-1') });
    expect((await stack.as(cm2).post(`/worklist/${contact.id}/release`).expect(409)).body.code).toBe('work_item_held');
    expect(find(await itemsOf(USERS.cm1, '?scope=mine'), id, 'contact')).toBeDefined();
    expect(find(await itemsOf(cm2, '?scope=team'), id, 'contact')).toBeUndefined();

    const released = await stack.as(USERS.cm1).post(`/worklist/${contact.id}/release`).expect(200);
    expect(released.body.owner).toEqual({ kind: 'team', teamId: 'north', role: 'care_manager' });
    await stack.as(USERS.cm1).post(`/worklist/${contact.id}/release`).expect(200);
    expect(find(await itemsOf(cm2, '?scope=team'), id, 'contact')).toBeDefined();

    // Reassignment: a supervisor's, with a reason, to an active care manager of the item's team.
    await stack.as(USERS.cm1).post(`/worklist/${contact.id}/reassign`).send({ toStaffId: 'cm-2', reason: 'covering' }).expect(403);
    const noReason = await stack.as(USERS.sup1).post(`/worklist/${contact.id}/reassign`).send({ toStaffId: 'cm-2' }).expect(400);
    expect([...new Set(noReason.body.errors.map((e: { field: string }) => e.field))]).toEqual(['reason']);
    const otherTeam = await stack.as(USERS.sup1).post(`/worklist/${contact.id}/reassign`).send({ toStaffId: 'cm-3', reason: 'covering' }).expect(422);
    expect(otherTeam.body).toMatchObject({ code: 'work_item_assignee_invalid', errors: [{ field: 'toStaffId' }] });
    const moved = await stack.as(USERS.sup1).post(`/worklist/${contact.id}/reassign`).send({ toStaffId: 'cm-2', reason: 'covering this week' }).expect(200);
    expect(moved.body.owner).toMatchObject({ kind: 'person', staffId: 'cm-2' });
    await stack.as(USERS.sup1).post(`/worklist/${contact.id}/reassign`).send({ toStaffId: 'cm-2', reason: 'covering this week' }).expect(200);
    expect(find(await itemsOf(cm2, '?scope=mine'), id, 'contact')).toBeDefined();
    const audit = await eventually(
      () => stack.sql(`SELECT action, case_id AS "caseId", reason FROM audit_log WHERE route = '/worklist/:id/reassign' AND status = 200`),
      (rows) => rows.length >= 1,
    );
    expect(audit[0]).toEqual({ action: 'worklist.supervise', caseId: id, reason: 'covering this week' });

    // The supervisor's views: cm-2's list and the north team's open work hold it; another team's is hidden.
    const ofCm2 = (await stack.as(USERS.sup1).get('/worklist/staff/cm-2').expect(200)).body as { items: Item[]; counts: { open: number } };
    expect(find(ofCm2.items, id, 'contact')).toBeDefined();
    expect(ofCm2.counts.open).toBeGreaterThanOrEqual(1);
    expect(find((await stack.as(USERS.sup1).get('/worklist/teams/north?scope=mine').expect(200)).body.items, id, 'contact')).toBeDefined();
    expect((await stack.as(USERS.sup1).get('/worklist/teams/south').expect(404)).body.code).toBe('team_not_found');
    expect((await stack.as(USERS.sup1).get('/worklist/staff/cm-3').expect(404)).body.code).toBe('staff_not_found');
    await stack.as(USERS.admin).get('/worklist/teams/south').expect(200);

    // Completing is the workflow's own route; the projection closes the item.
    await stack.as(cm2).post(`/cases/${id}/contacts`).send({ channel: 'phone', outcome: 'completed' }).expect(200);
    await eventually(() => stack.sql(`SELECT status FROM work_items WHERE id = $1`, [contact.id]), (r) => r[0]?.status === 'done');
    expect((await stack.as(cm2).post(`/worklist/${contact.id}/claim`).expect(409)).body.code).toBe('work_item_closed');
  });

  it('answers bad filters and ids with 400 naming the field, and keeps worklists to the roles that have one', async () => {
    const refusals: [string, string][] = [
      ['/worklist?scope=everyone', 'scope'],
      ['/worklist?kind=chores', 'kind'],
      ['/worklist?dueBefore=tomorrow', 'dueBefore'],
      ['/worklist?overdue=yes', 'overdue'],
      ['/worklist?riskTier=extreme', 'riskTier'],
      ['/worklist?program=ccm!', 'program'],
      ['/worklist?limit=0', 'limit'],
      ['/worklist?cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['/worklist?colour=red', 'colour'],
    ];
    for (const [path, field] of refusals) {
      const res = await stack.as(USERS.cm1).get(path).expect(400);
      expect({ path, fields: (res.body.errors as { field: string }[]).map((e) => e.field) }).toEqual({ path, fields: [field] });
    }
    expect((await stack.as(USERS.cm1).post('/worklist/not an id/claim').expect(400)).body.errors[0].field).toBe('id');
    expect((await stack.as(USERS.sup1).get('/worklist/teams/North!').expect(400)).body.errors[0].field).toBe('teamId');
    await stack.as(USERS.provider).get('/worklist').expect(403);
    await stack.as(USERS.committee).get('/worklist').expect(403);
    await stack.as(USERS.cm1).get('/worklist/staff/cm-2').expect(403);
    await stack.as(USERS.cm1).get('/worklist/teams/north').expect(403);
    const page = (await stack.as(USERS.cm1).get('/worklist?limit=1').expect(200)).body;
    expect(page.counts).toEqual({ overdue: expect.any(Number), dueToday: expect.any(Number), open: expect.any(Number) });
    if (page.nextCursor) {
      await stack.as(USERS.cm1).get(`/worklist?limit=1&cursor=${page.nextCursor}`).expect(200);
    }
  });
});
