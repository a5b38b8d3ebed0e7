import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { assessmentAnswers, screeningAnswers } from '../support/case-fixtures';

/** GET /cases: filters over the read model the workflows keep current, keyset paging, 400 for bad filters. */
describe('GET /cases (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startE2eStack('list');
    await stack.sql(`INSERT INTO staff (id, display_name, role, languages) VALUES ('cm-list', 'List CM', 'care_manager', '{es}')`);
    const today = new Date().toISOString().slice(0, 10);
    const api = stack.as(USERS.admin);
    for (const name of ['a', 'b', 'c']) {
      // Case c's assessment is due one second after screening: nobody submits it, so it becomes overdue.
      const overrides = name === 'c' ? { assessmentDueMs: '1s' } : undefined;
      await stack.registerMember(`M-LIST-${name}`);
      const res = await api.post('/cases').send({ memberRef: `M-LIST-${name}`, programCode: name === 'b' ? 'BH' : 'CCM', enrollmentDate: today, policyOverrides: overrides }).expect(201);
      ids[name] = res.body.id;
    }
    // Case a: reached, screened, assessed high risk → care planning with a named care manager.
    await api.post(`/cases/${ids.a}/attempts/1/outcome`).send({ outcome: 'reached' }).expect(200);
    await api.post(`/cases/${ids.a}/screening`).send({ answers: screeningAnswers }).expect(200);
    await api.post(`/cases/${ids.a}/assessment`).send({ answers: assessmentAnswers('high') }).expect(200);
    await waitFor(async () => {
      const rows = await stack.sql(`SELECT care_manager_id FROM cases WHERE id = $1`, [ids.a]);
      return rows[0]?.care_manager_id === 'cm-list';
    });
    // Case c: reached and screened; its assessment task is then due within a second.
    await api.post(`/cases/${ids.c}/attempts/1/outcome`).send({ outcome: 'reached' }).expect(200);
    await api.post(`/cases/${ids.c}/screening`).send({ answers: screeningAnswers }).expect(200);
    // The read model is written by the workflows' outbox: wait until it shows all three states.
    await waitFor(async () => {
      const rows = await stack.sql(`SELECT id, phase FROM cases`);
      const phase = Object.fromEntries(rows.map((r) => [r.id, r.phase]));
      return phase[ids.a!] === 'care_planning' && phase[ids.b!] === 'screening' && phase[ids.c!] === 'assessment';
    });
  });

  afterAll(async () => {
    await stack?.close();
  });

  async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error('condition not reached');
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const list = (query: string) => stack.as(USERS.admin).get(`/cases${query}`);

  it('filters by phase, risk tier, care manager and program', async () => {
    const planning = await list('?phase=care_planning&riskTier=high').expect(200);
    expect(planning.body.items.map((i: { id: string }) => i.id)).toEqual([ids.a]);
    expect(planning.body.items[0]).toMatchObject({ careManagerId: 'cm-list', memberRef: 'M-LIST-a', overdue: false });
    expect((await list('?careManagerId=cm-list').expect(200)).body.items).toHaveLength(1);
    const bh = await list('?programCode=BH').expect(200);
    expect(bh.body.items.map((i: { id: string }) => i.id)).toEqual([ids.b]);
    const screening = await list('?phase=screening').expect(200);
    expect(screening.body.items.map((i: { id: string }) => i.id)).toEqual([ids.b]);
  });

  it('pages with a cursor, newest first, without repeats', async () => {
    const first = await list('?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    const all = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
    expect(new Set(all)).toEqual(new Set([ids.a, ids.b, ids.c]));
    expect(all).toHaveLength(3);
    expect(second.body.nextCursor).toBeNull();
  });

  it('lists overdue cases: an open task past its due time', async () => {
    await waitFor(async () => (await list('?overdue=true').expect(200)).body.items.length > 0);
    const overdue = await list('?overdue=true').expect(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([ids.c]);
    expect(overdue.body.items[0]).toMatchObject({ overdue: true, phase: 'assessment' });
    const notOverdue = await list('?overdue=false').expect(200);
    expect(new Set(notOverdue.body.items.map((i: { id: string }) => i.id))).toEqual(new Set([ids.a, ids.b]));
  });

  it('rejects bad filters with 400 naming the parameter', async () => {
    const res = await list('?phase=sleeping&limit=1000&overdue=maybe&colour=red').expect(400);
    expect(new Set(res.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['phase', 'limit', 'overdue', 'colour']));
    await list('?cursor=bm90LWpzb24').expect(400);
  });
});
