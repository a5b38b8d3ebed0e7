import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { bearer, USERS, type TestUser } from '../support/auth';
import { eventually } from '../support/eventually';
import { sample } from '../support/samples';
import { sampleJson } from '../support/integration-samples';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The issue-17 lists of work without a worklist of its own, through HTTP against the real stack
 * (Temporal dev server, Postgres, worker): GET /discharges, GET /utilization-reviews,
 * GET /complaints, GET /supervisor/stop-participation-requests. Filters, keyset paging, ordering,
 * overdue, who sees what, and 400s naming the parameter. The reviews policy of this suite makes an
 * expedited decision and a complaint's acknowledgement due within seconds, so both become overdue
 * while the suite runs (waited for, never timed).
 */
describe('work lists: discharges, review queue, complaints, stop-participation requests (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  const secret = `e2e-worklists-${randomBytes(8).toString('hex')}`;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloop-worklists-'));
    const policyFile = join(dir, 'policies.json');
    writeFileSync(
      policyFile,
      JSON.stringify({
        programs: {},
        reviews: {
          version: 'worklists-1',
          overrides: {
            utilizationReview: { decisionMs: { expedited: '3s' }, escalateBeforeMs: { expedited: '1s' } },
            complaints: { acknowledgeMs: '3s' },
          },
        },
      }),
    );
    stack = await startE2eStack('worklists', { CASE_ID_SECRET: secret, CARELOOP_POLICY_FILE: policyFile });
    await stack.sql(`INSERT INTO teams (id, name, programs) VALUES ('north', 'North', '{CCM}'), ('south', 'South', '{CCM}') ON CONFLICT (id) DO NOTHING`);
    await stack.sql(`INSERT INTO staff (id, display_name, role, team, languages) VALUES
      ('cm-1', 'CM one', 'care_manager', 'north', '{en}'), ('cm-3', 'CM three', 'care_manager', 'south', '{en}'),
      ('sup-1', 'Sup one', 'supervisor', 'north', '{en}'), ('sup-9', 'Sup nine', 'supervisor', 'south', '{en}') ON CONFLICT (id) DO NOTHING`);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const get = (user: TestUser, path: string) => stack.as(user).get(path);
  const ids = (res: { body: Json }, key: string) => (res.body.items as Json[]).map((i) => i[key] as string);
  const fields = (res: { body: Json }) => new Set((res.body.errors as { field: string }[]).map((e) => e.field));

  /** Every page of a list, following nextCursor, with `limit` rows a page. */
  async function allPages(user: TestUser, path: string, key: string, limit: number): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res: { body: Json } = await get(user, `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`).expect(200);
      pages.push(ids(res, key));
      cursor = res.body.nextCursor;
    } while (cursor !== null && pages.length < 10);
    return pages;
  }

  describe('GET /discharges', () => {
    const d: Record<'late' | 'recent' | 'south', { id: string; caseId: string }> = {} as never;

    beforeAll(async () => {
      const send = async (memberRef: string, eventId: string, latestAt: number) => {
        await stack.registerMember(memberRef);
        const event = { ...sampleJson<Json>('discharge.json', latestAt), eventId, memberRef };
        const res = await stack.asIntegration().post('/integrations/discharge-events').set('content-type', 'application/json').send(event).expect(201);
        return { id: res.body.id as string, caseId: res.body.caseId as string };
      };
      // Ten calendar days late: member contact (2 business days) and the follow-up visit (7 days) are missed and escalated at once.
      d.late = await send('M-WL-D1', 'wl-evt-late', Date.now() - 10 * DAY_MS);
      d.recent = await send('M-WL-D2', 'wl-evt-recent', Date.now() - HOUR_MS);
      d.south = await send('M-WL-D3', 'wl-evt-south', Date.now() - 3 * HOUR_MS);
      // The cases are ensured by the discharge workflows; then cm-1 (north) takes two, cm-3 (south) the third.
      await eventually(
        () => stack.sql(`SELECT count(*)::int AS n FROM cases WHERE id = ANY($1)`, [[d.late.caseId, d.recent.caseId, d.south.caseId]]),
        (r) => r[0]?.n === 3,
      );
      const admin = stack.as(USERS.admin);
      for (const [c, cm] of [[d.late.caseId, 'cm-1'], [d.recent.caseId, 'cm-1'], [d.south.caseId, 'cm-3']] as const) {
        await admin.post(`/cases/${c}/reassign`).send({ careManagerId: cm, reason: 'test setup' }).expect(200);
      }
      await eventually(
        () => get(USERS.admin, '/discharges'),
        (r) =>
          r.status === 200 &&
          r.body.items.length === 3 &&
          r.body.items.every((i: Json) => i.careManagerId !== null && i.status === 'in_progress') &&
          r.body.items.find((i: Json) => i.dischargeId === d.late.id)?.overdue === true &&
          // Missed and escalated are reported one after the other: wait for both escalations to be projected.
          (r.body.items.find((i: Json) => i.dischargeId === d.late.id)?.tasks as Json[]).filter((t) => t.status === 'escalated').length === 2,
      );
    });

    it('lists newest first with each transition-of-care task, its deadline (as the workflow planned it) and status; no PHI', async () => {
      const res = await get(USERS.admin, '/discharges').expect(200);
      expect(ids(res, 'dischargeId')).toEqual([d.recent.id, d.south.id, d.late.id]);
      const late = res.body.items.find((i: Json) => i.dischargeId === d.late.id);
      expect(late).toMatchObject({ caseId: d.late.caseId, programCode: 'CCM', format: 'json', status: 'in_progress', overdue: true, careManagerId: 'cm-1', cancelledAt: null });
      const byTask = Object.fromEntries((late.tasks as Json[]).map((t) => [t.task, t]));
      expect(Object.keys(byTask).sort()).toEqual(['medication_reconciliation', 'member_contact', 'pcp_informed', 'follow_up_visit'].sort());
      expect(byTask.member_contact).toMatchObject({ status: 'escalated', overdue: true });
      expect(byTask.follow_up_visit).toMatchObject({ status: 'escalated', overdue: true });
      expect(byTask.medication_reconciliation).toMatchObject({ status: 'open', overdue: false });
      // The deadlines are the ones the workflow itself planned (GET /discharges/:id asks the workflow).
      const live = await get(USERS.admin, `/discharges/${d.late.id}`).expect(200);
      for (const t of live.body.tasks as Json[]) {
        expect({ task: t.task, dueAt: byTask[t.task]!.dueAt, escalateAt: byTask[t.task]!.escalateAt }).toEqual({ task: t.task, dueAt: t.dueAt, escalateAt: t.escalateAt });
      }
      expect(JSON.stringify(res.body)).not.toMatch(/M-WL-D|General Hospital|GENHOSP|PCP-778/);
    });

    it('filters by overdue, status, case and team; pages with a cursor', async () => {
      expect(ids(await get(USERS.admin, '/discharges?overdue=true').expect(200), 'dischargeId')).toEqual([d.late.id]);
      expect(ids(await get(USERS.admin, '/discharges?overdue=false').expect(200), 'dischargeId')).toEqual([d.recent.id, d.south.id]);
      expect(ids(await get(USERS.admin, '/discharges?status=cancelled').expect(200), 'dischargeId')).toEqual([]);
      expect(ids(await get(USERS.admin, '/discharges?status=in_progress').expect(200), 'dischargeId')).toEqual([d.recent.id, d.south.id, d.late.id]);
      expect(ids(await get(USERS.admin, `/discharges?caseId=${d.south.caseId}`).expect(200), 'dischargeId')).toEqual([d.south.id]);
      // The team of the case's care manager (cases started by a feed have no team of their own).
      expect(ids(await get(USERS.admin, '/discharges?team=south').expect(200), 'dischargeId')).toEqual([d.south.id]);
      expect(ids(await get(USERS.admin, '/discharges?team=north&overdue=false').expect(200), 'dischargeId')).toEqual([d.recent.id]);
      expect(await allPages(USERS.admin, '/discharges', 'dischargeId', 1)).toEqual([[d.recent.id], [d.south.id], [d.late.id], []]);
      expect(await allPages(USERS.admin, '/discharges', 'dischargeId', 2)).toEqual([[d.recent.id, d.south.id], [d.late.id]]);
    });

    it("shows each caller only the discharges of cases they may see: their team's, never another team's", async () => {
      expect(ids(await get(USERS.cm1, '/discharges').expect(200), 'dischargeId')).toEqual([d.recent.id, d.late.id]);
      expect(ids(await get(USERS.sup1, '/discharges').expect(200), 'dischargeId')).toEqual([d.recent.id, d.late.id]);
      expect(ids(await get(USERS.cm3, '/discharges').expect(200), 'dischargeId')).toEqual([d.south.id]);
      // A supervisor asking for another team gets nothing of it.
      expect(ids(await get(USERS.supSouth, '/discharges?team=north').expect(200), 'dischargeId')).toEqual([]);
      await get(USERS.provider, '/discharges').expect(403);
      await get(USERS.committee, '/discharges').expect(403);
      await stack.asIntegration().get('/discharges').expect(403);
    });

    it('follows a task done through the existing route: done, and no longer overdue once nothing is missed', async () => {
      const client = stack.as(USERS.cm1);
      await client.post(`/discharges/${d.late.id}/tasks/member_contact`).send({}).expect(200);
      const afterOne = await eventually(
        () => get(USERS.cm1, `/discharges?caseId=${d.late.caseId}`),
        (r) => r.body.items?.[0]?.tasks.find((t: Json) => t.task === 'member_contact')?.status === 'done',
      );
      expect(afterOne.body.items[0]).toMatchObject({ overdue: true });
      await client.post(`/discharges/${d.late.id}/tasks/follow_up_visit`).send({}).expect(200);
      const afterTwo = await eventually(() => get(USERS.cm1, `/discharges?caseId=${d.late.caseId}`), (r) => r.body.items?.[0]?.overdue === false);
      expect(afterTwo.body.items[0].tasks.filter((t: Json) => t.overdue)).toEqual([]);
      expect(ids(await get(USERS.admin, '/discharges?overdue=true').expect(200), 'dischargeId')).toEqual([]);
    });

    it('refuses bad filters with 400 naming each parameter, changing nothing', async () => {
      const res = await get(USERS.admin, '/discharges?status=lost&overdue=maybe&caseId=abc&team=North%20Team&limit=0&colour=red').expect(400);
      expect(fields(res)).toEqual(new Set(['status', 'overdue', 'caseId', 'team', 'limit', 'colour']));
      const bad = await get(USERS.admin, '/discharges?cursor=bm90LWpzb24').expect(400);
      expect(fields(bad)).toEqual(new Set(['cursor']));
      // Another list's cursor is not this list's.
      const other = await get(USERS.admin, '/complaints?limit=1&status=received');
      if (other.body.nextCursor) await get(USERS.admin, `/discharges?cursor=${other.body.nextCursor}`).expect(400);
      const foreign = Buffer.from(JSON.stringify(['complaints', new Date().toISOString(), 'complaint-x'])).toString('base64url');
      expect(fields(await get(USERS.admin, `/discharges?cursor=${foreign}`).expect(400))).toEqual(new Set(['cursor']));
    });
  });

  describe('GET /utilization-reviews', () => {
    const r: Record<'standard' | 'expedited' | 'pended', string> = {} as never;
    const provider = () => stack.as(USERS.provider9);

    beforeAll(async () => {
      r.standard = (await provider().post('/utilization-reviews').set('idempotency-key', 'wl-ur-standard').send(sample('ur-submit-standard')).expect(201)).body.reviewId;
      r.expedited = (await provider().post('/utilization-reviews').set('idempotency-key', 'wl-ur-expedited').send({ ...sample('ur-submit-standard'), urgency: 'expedited' }).expect(201)).body.reviewId;
      r.pended = (await provider().post('/utilization-reviews').set('idempotency-key', 'wl-ur-pended').send(sample('ur-submit-incomplete')).expect(201)).body.reviewId;
      await eventually(() => get(USERS.sup1, '/utilization-reviews'), (res) => res.body.items?.length === 3);
    });

    it("is the reviewer's queue: soonest decision first, pended (clock stopped) last, each with its decision clock", async () => {
      const res = await get(USERS.sup1, '/utilization-reviews').expect(200);
      expect(ids(res, 'reviewId')).toEqual([r.expedited, r.standard, r.pended]);
      const [expedited, standard, pended] = res.body.items as Json[];
      expect(standard).toMatchObject({ status: 'in_review', urgency: 'standard', clock: { windowMs: 7 * DAY_MS, stopped: false, overdue: false } });
      expect(standard!.clock.dueAt).toBe(standard!.decisionDueAt);
      expect(standard!.clock.remainingMs).toBeGreaterThan(6 * DAY_MS);
      expect(standard!.clock.remainingMs).toBeLessThanOrEqual(7 * DAY_MS);
      expect(expedited).toMatchObject({ urgency: 'expedited', clock: { windowMs: 3000 } });
      expect(pended).toMatchObject({ status: 'pended', decisionDueAt: null, clock: { dueAt: null, stopped: true, overdue: false } });
      expect(JSON.stringify(res.body)).not.toMatch(/M-UR-0042|M-000124|low back pain|leg weakness/);
    });

    it('shows an expedited review overdue once its (suite policy) 3 seconds pass; filters by status, urgency, overdue; pages', async () => {
      const overdue = await eventually(() => get(USERS.sup1, '/utilization-reviews?overdue=true'), (res) => res.body.items?.length === 1);
      expect(ids(overdue, 'reviewId')).toEqual([r.expedited]);
      expect(overdue.body.items[0].clock).toMatchObject({ overdue: true, stopped: false, remainingMs: expect.any(Number) });
      expect(overdue.body.items[0].clock.remainingMs).toBeLessThan(0);
      expect(ids(await get(USERS.sup1, '/utilization-reviews?overdue=false').expect(200), 'reviewId')).toEqual([r.standard, r.pended]);
      expect(ids(await get(USERS.sup1, '/utilization-reviews?status=pended').expect(200), 'reviewId')).toEqual([r.pended]);
      expect(ids(await get(USERS.sup1, '/utilization-reviews?urgency=standard').expect(200), 'reviewId')).toEqual([r.standard]);
      expect(ids(await get(USERS.sup1, '/utilization-reviews?status=decided').expect(200), 'reviewId')).toEqual([]);
      expect(await allPages(USERS.sup1, '/utilization-reviews', 'reviewId', 1)).toEqual([[r.expedited], [r.standard], [r.pended], []]);
    });

    it('a decided review leaves the open queue and is listed under its status', async () => {
      await stack.as(USERS.sup1).post(`/utilization-reviews/${r.standard}/decision`).set(bearer({ sub: 'rev-1', role: 'supervisor', team: 'north' })).send(sample('ur-decision-approved')).expect(200);
      await eventually(() => get(USERS.sup1, '/utilization-reviews'), (res) => res.body.items?.length === 2);
      const decided = await eventually(() => get(USERS.sup1, '/utilization-reviews?status=closed'), (res) => res.body.items?.length === 1);
      expect(decided.body.items[0]).toMatchObject({ reviewId: r.standard, clock: { stopped: true, overdue: false } });
    });

    it('lets a provider list only the requests they submitted; refuses the committee', async () => {
      expect(ids(await get(USERS.provider9, '/utilization-reviews').expect(200), 'reviewId')).toEqual([r.expedited, r.pended]);
      expect(ids(await get(USERS.provider, '/utilization-reviews').expect(200), 'reviewId')).toEqual([]);
      await get(USERS.committee, '/utilization-reviews').expect(403);
    });

    it('refuses bad filters with 400 naming each parameter', async () => {
      const res = await get(USERS.sup1, '/utilization-reviews?status=open&urgency=soon&overdue=1&limit=101').expect(400);
      expect(fields(res)).toEqual(new Set(['status', 'urgency', 'overdue', 'limit']));
      const discharges = Buffer.from(JSON.stringify(['discharges', new Date().toISOString(), 'discharge-x'])).toString('base64url');
      expect(fields(await get(USERS.sup1, `/utilization-reviews?cursor=${discharges}`).expect(400))).toEqual(new Set(['cursor']));
    });
  });

  describe('GET /complaints', () => {
    const c: Record<'first' | 'second' | 'acknowledged', string> = {} as never;

    beforeAll(async () => {
      const lodge = async (key: string) =>
        (await stack.as(USERS.cm1).post('/complaints').set('idempotency-key', key).send({ ...sample('complaint-lodge'), about: 'program', programCode: 'CCM' }).expect(201)).body.complaintId as string;
      c.first = await lodge('wl-cmp-1');
      c.second = await lodge('wl-cmp-2');
      c.acknowledged = await lodge('wl-cmp-3');
      await stack.as(USERS.cm1).post(`/complaints/${c.acknowledged}/acknowledge`).send({}).expect(200);
      await eventually(() => get(USERS.cm1, '/complaints?status=acknowledged'), (res) => res.body.items?.length === 1);
    });

    it('lists open complaints next due first with both due times; acknowledgement overdue after the (suite policy) 3 seconds', async () => {
      const res = await eventually(() => get(USERS.cm1, '/complaints?overdue=true'), (r) => r.body.items?.length === 2);
      expect(new Set(ids(res, 'complaintId'))).toEqual(new Set([c.first, c.second]));
      for (const item of res.body.items as Json[]) {
        expect(item).toMatchObject({ status: 'received', acknowledgementOverdue: true, resolutionOverdue: false, overdue: true, acknowledgedAt: null });
        expect(Date.parse(item.resolveBy) - Date.parse(item.receivedAt)).toBe(30 * DAY_MS);
        expect(Date.parse(item.acknowledgeBy) - Date.parse(item.receivedAt)).toBe(3000);
      }
      const all = await get(USERS.cm1, '/complaints').expect(200);
      // Received ones are due by their acknowledgement (seconds), the acknowledged one by its resolution (30 days).
      expect(ids(all, 'complaintId').at(-1)).toBe(c.acknowledged);
      expect(all.body.items.at(-1)).toMatchObject({ status: 'acknowledged', acknowledgementOverdue: false, overdue: false });
      expect(ids(await get(USERS.cm1, '/complaints?overdue=false').expect(200), 'complaintId')).toEqual([c.acknowledged]);
      expect(ids(await get(USERS.cm1, '/complaints?status=resolved').expect(200), 'complaintId')).toEqual([]);
      const pages = await allPages(USERS.cm1, '/complaints', 'complaintId', 2);
      expect(pages.flat()).toEqual(ids(all, 'complaintId'));
      expect(pages.length).toBe(2);
      expect(JSON.stringify(all.body)).not.toMatch(/did not return calls/);
    });

    it('is for staff; bad filters are 400s naming the parameter', async () => {
      await get(USERS.provider9, '/complaints').expect(403);
      await get(USERS.committee, '/complaints').expect(403);
      const res = await get(USERS.cm1, '/complaints?status=open&overdue=no').expect(400);
      expect(fields(res)).toEqual(new Set(['status', 'overdue']));
    });
  });

  describe('GET /supervisor/stop-participation-requests', () => {
    const s: Record<'north' | 'south', { caseId: string; requestId: string }> = {} as never;

    beforeAll(async () => {
      const admin = stack.as(USERS.admin);
      const open = async (memberRef: string, careManagerId: string) => {
        await stack.registerMember(memberRef);
        const caseId: string = (await admin.post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10) }).expect(201)).body.id;
        await admin.post(`/cases/${caseId}/reassign`).send({ careManagerId, reason: 'test setup' }).expect(200);
        const requestId: string = (await admin.post(`/cases/${caseId}/stop-participation-requests`).send(sample('provider-stop-participation-request')).expect(200)).body.requestId;
        return { caseId, requestId };
      };
      s.north = await open('M-WL-S1', 'cm-1');
      s.south = await open('M-WL-S2', 'cm-3');
      await eventually(() => get(USERS.admin, '/supervisor/stop-participation-requests'), (r) => r.body.items?.length === 2 && r.body.items.every((i: Json) => i.careManagerId !== null));
    });

    it("lists the open requests with the supervisor's decision due time, soonest first; a supervisor sees their team's only", async () => {
      const all = await get(USERS.admin, '/supervisor/stop-participation-requests').expect(200);
      expect(all.body.items.map((i: Json) => i.caseId)).toEqual([s.north.caseId, s.south.caseId]);
      const north = all.body.items[0];
      expect(north).toMatchObject({ requestId: s.north.requestId, providerId: 'prov-9', programCode: 'CCM', careManagerId: 'cm-1', overdue: false });
      // The program's default review window (5 days) from the request.
      expect(Date.parse(north.decisionDueAt) - Date.parse(north.receivedAt)).toBe(5 * DAY_MS);
      expect((await get(USERS.sup1, '/supervisor/stop-participation-requests').expect(200)).body.items.map((i: Json) => i.caseId)).toEqual([s.north.caseId]);
      expect((await get(USERS.supSouth, '/supervisor/stop-participation-requests').expect(200)).body.items.map((i: Json) => i.caseId)).toEqual([s.south.caseId]);
      expect((await get(USERS.admin, '/supervisor/stop-participation-requests?team=south').expect(200)).body.items.map((i: Json) => i.caseId)).toEqual([s.south.caseId]);
      expect(await allPages(USERS.admin, '/supervisor/stop-participation-requests', 'caseId', 1)).toEqual([[s.north.caseId], [s.south.caseId], []]);
      expect(JSON.stringify(all.body)).not.toMatch(/M-WL-S|care coordinator/);
    });

    it('drops a request once decided through the existing route', async () => {
      await stack.as(USERS.sup1).post(`/supervisor/cases/${s.north.caseId}/stop-participation-requests/${s.north.requestId}/decision`).send(sample('supervisor-stop-participation-reject')).expect(200);
      const left = await eventually(() => get(USERS.admin, '/supervisor/stop-participation-requests'), (r) => r.body.items?.length === 1);
      expect(left.body.items[0].caseId).toBe(s.south.caseId);
    });

    it("marks a request overdue once the supervisor's decision time has passed (a 2-second review window on this case)", async () => {
      const admin = stack.as(USERS.admin);
      await stack.registerMember('M-WL-S3');
      const caseId: string = (
        await admin
          .post('/cases')
          .send({ memberRef: 'M-WL-S3', programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10), policyOverrides: { providerRequests: { stopParticipationReviewMs: '2s' } } })
          .expect(201)
      ).body.id;
      await admin.post(`/cases/${caseId}/reassign`).send({ careManagerId: 'cm-1', reason: 'test setup' }).expect(200);
      await admin.post(`/cases/${caseId}/stop-participation-requests`).send(sample('provider-stop-participation-request')).expect(200);
      const listed = await eventually(
        () => get(USERS.sup1, '/supervisor/stop-participation-requests'),
        (r) => r.body.items?.some((i: Json) => i.caseId === caseId && i.overdue === true),
      );
      // Soonest decision first: this one (due seconds after its request) before nothing else of north's.
      expect(listed.body.items.map((i: Json) => [i.caseId, i.overdue])).toEqual([[caseId, true]]);
      expect(Date.parse(listed.body.items[0].decisionDueAt) - Date.parse(listed.body.items[0].receivedAt)).toBe(2000);
      const all = await get(USERS.admin, '/supervisor/stop-participation-requests').expect(200);
      expect(all.body.items.map((i: Json) => i.caseId)).toEqual([caseId, s.south.caseId]);
    });

    it('is for supervisors and admins; a bad team or cursor is a 400 naming it', async () => {
      await get(USERS.cm1, '/supervisor/stop-participation-requests').expect(403);
      await get(USERS.provider9, '/supervisor/stop-participation-requests').expect(403);
      expect(fields(await get(USERS.sup1, '/supervisor/stop-participation-requests?team=NOPE!&cursor=x.y').expect(400))).toEqual(new Set(['team', 'cursor']));
    });
  });
});
