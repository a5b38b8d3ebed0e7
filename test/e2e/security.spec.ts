import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { resolveTemporalBinary } from '../../scripts/temporal-binaries';
import request from 'supertest';
import { AesGcmPayloadCodec, DEVELOPMENT_PAYLOAD_KEY } from '@careloop/temporal';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { eventually } from '../support/eventually';
import { bearer, testToken, USERS, type TestUser } from '../support/auth';

/**
 * Authentication, the access policy (every role × every endpoint family ×
 * own and someone else's case), list scoping, the audit log, the codec
 * endpoint and key rotation, against the real API, Temporal and Postgres.
 */
describe('security: who may do what (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  let north: string; // assigned to cm-1 (team north); prov-1 is the member's PCP
  let south: string; // assigned to cm-3 (team south)
  /** Registry members: the north case's member (prov-1 is PCP on that case), and the south case's (no relation to prov-1). */
  const members: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startE2eStack('security');
    await stack.sql(`INSERT INTO teams (id, name, programs) VALUES ('north', 'North', '{CCM}'), ('south', 'South', '{CCM}') ON CONFLICT (id) DO NOTHING`);
    await stack.sql(`INSERT INTO staff (id, display_name, role, team, languages) VALUES
      ('cm-1', 'CM one', 'care_manager', 'north', '{en}'), ('cm-2', 'CM two', 'care_manager', 'north', '{en}'),
      ('cm-3', 'CM three', 'care_manager', 'south', '{en}'), ('sup-1', 'Sup one', 'supervisor', 'north', '{en}'),
      ('sup-9', 'Sup nine', 'supervisor', 'south', '{en}')`);
    const admin = stack.as(USERS.admin);
    const open = async (memberRef: string, careManagerId: string) => {
      await stack.registerMember(memberRef);
      const created = await admin.post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10) }).expect(201);
      await admin.post(`/cases/${created.body.id}/reassign`).send({ careManagerId, reason: 'test setup' }).expect(200);
      return created.body.id as string;
    };
    north = await open('M-SEC-NORTH', 'cm-1');
    south = await open('M-SEC-SOUTH', 'cm-3');
    await admin.post(`/cases/${north}/pcp`).send({ pcpId: 'prov-1' }).expect(200);
    // The policy reads relationships from the read model, which the workflows' outbox writes.
    await eventually(
      () => stack.sql(`SELECT (SELECT count(*)::int FROM cases WHERE care_manager_id IS NOT NULL) AS assigned, (SELECT count(*)::int FROM case_events WHERE kind = 'pcp_changed') AS pcp`),
      (r) => r[0]?.assigned === 2 && r[0]?.pcp === 1,
    );
    // The members the cases stand on (registered by open(); createOrMatch answers the same ids).
    members[north] = await stack.registerMember('M-SEC-NORTH');
    members[south] = await stack.registerMember('M-SEC-SOUTH');
  });

  afterAll(async () => {
    await stack?.close();
  });

  const anonymous = () => request(stack.baseUrl);

  it('answers 401, the same way, to missing, malformed, expired, forged or foreign tokens and unknown keys', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-token-at-all' },
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      bearer(USERS.admin, { exp: Math.floor(Date.now() / 1000) - 3600 }),
      { authorization: `Bearer ${testToken(USERS.admin, {}, 'a-secret-that-is-not-the-configured-one')}` },
      bearer(USERS.admin, { aud: 'another-api' }),
      bearer(USERS.admin, { role: 'superuser' }),
      { 'x-api-key': `clk_test-feed_${randomBytes(32).toString('base64url')}` },
      { 'x-api-key': `clk_no-such-client_${randomBytes(32).toString('base64url')}` },
      { cookie: 'careloop_session=forged.forged.forged' },
    ];
    const bodies = new Set<string>();
    for (const headers of attempts) {
      const res = await anonymous().get(`/cases/${north}`).set(headers).expect(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      bodies.add(JSON.stringify({ code: res.body.code, detail: res.body.detail }));
    }
    expect([...bodies]).toEqual([JSON.stringify({ code: 'unauthenticated', detail: 'A valid bearer token or API key is required.' })]);
    // Liveness and readiness stay open for probes.
    await anonymous().get('/health').expect(200);
  });

  type Family = { name: string; call: (c: request.Agent | request.SuperTest<request.Test>, caseId: string) => request.Test; ok: number; caseScoped: boolean };
  const families: Family[] = [
    { name: 'case.start', call: (c) => c.post('/cases').send({}), ok: 400, caseScoped: false }, // allowed → validation runs
    { name: 'case.list', call: (c) => c.get('/cases'), ok: 200, caseScoped: false },
    { name: 'case.read', call: (c, id) => c.get(`/cases/${id}`), ok: 200, caseScoped: true },
    { name: 'case.act', call: (c, id) => c.post(`/cases/${id}/notes`).send({}), ok: 400, caseScoped: true },
    { name: 'supervisor.read', call: (c) => c.get('/supervisor/caseloads'), ok: 200, caseScoped: false },
    { name: 'supervisor.case', call: (c, id) => c.get(`/supervisor/cases/${id}/diagnosis`), ok: 200, caseScoped: true },
    { name: 'committee.read', call: (c) => c.get('/committee/summary'), ok: 200, caseScoped: false },
    { name: 'audit.read', call: (c) => c.get('/audit?limit=1'), ok: 200, caseScoped: false },
    { name: 'codec.use', call: (c) => c.post('/codec/decode').send({ payloads: [] }), ok: 200, caseScoped: false },
    { name: 'session', call: (c) => c.get('/auth/me'), ok: 200, caseScoped: false },
    { name: 'inbox', call: (c) => c.get('/inbox/unread-count'), ok: 200, caseScoped: false },
    { name: 'case.provider', call: (c, id) => c.get(`/cases/${id}/provider-view`), ok: 200, caseScoped: true },
    { name: 'review.submit', call: (c) => c.post('/utilization-reviews').send({}), ok: 400, caseScoped: false },
    { name: 'review.decide', call: (c) => c.post('/utilization-reviews/ur-000000000000000000000000/decision').send({}), ok: 400, caseScoped: false },
    { name: 'complaint.lodge', call: (c) => c.post('/complaints').send({}), ok: 400, caseScoped: false },
    { name: 'review.list', call: (c) => c.get('/utilization-reviews?limit=1'), ok: 200, caseScoped: false },
    { name: 'integration.intake', call: (c) => c.post('/integrations/enrollment-events').send({}), ok: 400, caseScoped: false },
    { name: 'discharge.work', call: (c) => c.get('/discharges/discharge-000000000000000000000000'), ok: 404, caseScoped: false },
    { name: 'complaint.handle', call: (c) => c.get('/complaints/complaint-000000000000000000000000'), ok: 404, caseScoped: false },
    { name: 'provider.manage', call: (c) => c.post('/providers').send({}), ok: 400, caseScoped: false },
    { name: 'provider.search', call: (c) => c.get('/providers?name=dr'), ok: 200, caseScoped: false },
    { name: 'provider.read', call: (c) => c.get('/providers/prov-1'), ok: 200, caseScoped: false },
    // Teams: writes are the admin's (an empty body: allowed → validation runs); reads list the caller's own team.
    { name: 'team.manage', call: (c) => c.post('/teams').send({}), ok: 400, caseScoped: false },
    { name: 'team.manage (staff)', call: (c) => c.put('/staff/cm-2').send({}), ok: 400, caseScoped: false },
    { name: 'team.read', call: (c) => c.get('/teams'), ok: 200, caseScoped: false },
    // FHIR routes answer OperationOutcome; allowed → the search parameter / the Patient is validated (400).
    { name: 'fhir.read', call: (c) => c.get('/fhir/CarePlan'), ok: 400, caseScoped: false },
    { name: 'fhir.write', call: (c) => c.post('/fhir/Patient').send({}), ok: 400, caseScoped: false },
    // Member families: "own/foreign" is the member of the own/foreign case (for a provider: their patient or not).
    { name: 'member.read', call: (c, id) => c.get(`/members/${members[id]}`), ok: 200, caseScoped: true },
    { name: 'member.record', call: (c, id) => c.get(`/members/${members[id]}/versions`), ok: 200, caseScoped: true },
    { name: 'member.search', call: (c) => c.get('/members?planMemberId=M-SEC-NORTH'), ok: 200, caseScoped: false },
    { name: 'member.write', call: (c) => c.post('/members').send({}), ok: 400, caseScoped: false },
    { name: 'member.duplicates', call: (c) => c.get('/member-duplicates'), ok: 200, caseScoped: false },
    // Worklists: the caller's own list; a claim of an unknown item (allowed → 404 work_item_not_found); a reassign without a body (allowed → 400).
    { name: 'worklist.read', call: (c) => c.get('/worklist'), ok: 200, caseScoped: false },
    { name: 'worklist.work', call: (c) => c.post('/worklist/case:none:run-1:contact-1/claim'), ok: 404, caseScoped: false },
    { name: 'worklist.supervise', call: (c) => c.post('/worklist/case:none:run-1:contact-1/reassign').send({}), ok: 400, caseScoped: false },
    { name: 'report.read', call: (c) => c.get('/reports/measures?period=not-a-month'), ok: 400, caseScoped: false },
    { name: 'report.members', call: (c) => c.get('/reports/measures/screening_within_90_days/members?period=not-a-month'), ok: 400, caseScoped: false },
  ];

  // A: allowed; H: hidden (404, the case's existence is not revealed); F: forbidden (403). "own/foreign" for case families.
  const matrix: Record<string, { user: TestUser | 'api-key'; own: () => string; foreign: () => string; expect: Record<string, string> }> = {
    'care manager cm-1': { user: USERS.cm1, own: () => north, foreign: () => south, expect: { 'case.start': 'A', 'case.list': 'A', 'case.read': 'A/H', 'case.act': 'A/H', 'supervisor.read': 'F', 'supervisor.case': 'F/F', 'committee.read': 'F', 'audit.read': 'F', 'codec.use': 'F', inbox: 'A', session: 'A', 'case.provider': 'A/H', 'review.submit': 'A', 'review.list': 'A', 'review.decide': 'F', 'complaint.lodge': 'A', 'complaint.handle': 'A', 'integration.intake': 'F', 'discharge.work': 'A', 'provider.manage': 'F', 'provider.search': 'A', 'provider.read': 'A', 'team.manage': 'F', 'team.manage (staff)': 'F', 'team.read': 'A', 'fhir.read': 'A', 'fhir.write': 'A', 'member.read': 'A/A', 'member.record': 'A/A', 'member.search': 'A', 'member.write': 'A', 'member.duplicates': 'A', 'worklist.read': 'A', 'worklist.work': 'A', 'worklist.supervise': 'F', 'report.read': 'F', 'report.members': 'F' } },
    'care manager cm-3': { user: USERS.cm3, own: () => south, foreign: () => north, expect: { 'case.start': 'A', 'case.list': 'A', 'case.read': 'A/H', 'case.act': 'A/H', 'supervisor.read': 'F', 'supervisor.case': 'F/F', 'committee.read': 'F', 'audit.read': 'F', 'codec.use': 'F', inbox: 'A', session: 'A', 'case.provider': 'A/H', 'review.submit': 'A', 'review.list': 'A', 'review.decide': 'F', 'complaint.lodge': 'A', 'complaint.handle': 'A', 'integration.intake': 'F', 'discharge.work': 'A', 'provider.manage': 'F', 'provider.search': 'A', 'provider.read': 'A', 'team.manage': 'F', 'team.manage (staff)': 'F', 'team.read': 'A', 'fhir.read': 'A', 'fhir.write': 'A', 'member.read': 'A/A', 'member.record': 'A/A', 'member.search': 'A', 'member.write': 'A', 'member.duplicates': 'A', 'worklist.read': 'A', 'worklist.work': 'A', 'worklist.supervise': 'F', 'report.read': 'F', 'report.members': 'F' } },
    'supervisor north': { user: USERS.sup1, own: () => north, foreign: () => south, expect: { 'case.start': 'A', 'case.list': 'A', 'case.read': 'A/H', 'case.act': 'A/H', 'supervisor.read': 'A', 'supervisor.case': 'A/H', 'committee.read': 'A', 'audit.read': 'F', 'codec.use': 'F', inbox: 'A', session: 'A', 'case.provider': 'A/H', 'review.submit': 'A', 'review.list': 'A', 'review.decide': 'A', 'complaint.lodge': 'A', 'complaint.handle': 'A', 'integration.intake': 'F', 'discharge.work': 'A', 'provider.manage': 'F', 'provider.search': 'A', 'provider.read': 'A', 'team.manage': 'F', 'team.manage (staff)': 'F', 'team.read': 'A', 'fhir.read': 'A', 'fhir.write': 'A', 'member.read': 'A/A', 'member.record': 'A/A', 'member.search': 'A', 'member.write': 'A', 'member.duplicates': 'A', 'worklist.read': 'A', 'worklist.work': 'A', 'worklist.supervise': 'A', 'report.read': 'A', 'report.members': 'A' } },
    'supervisor south': { user: USERS.supSouth, own: () => south, foreign: () => north, expect: { 'case.start': 'A', 'case.list': 'A', 'case.read': 'A/H', 'case.act': 'A/H', 'supervisor.read': 'A', 'supervisor.case': 'A/H', 'committee.read': 'A', 'audit.read': 'F', 'codec.use': 'F', inbox: 'A', session: 'A', 'case.provider': 'A/H', 'review.submit': 'A', 'review.list': 'A', 'review.decide': 'A', 'complaint.lodge': 'A', 'complaint.handle': 'A', 'integration.intake': 'F', 'discharge.work': 'A', 'provider.manage': 'F', 'provider.search': 'A', 'provider.read': 'A', 'team.manage': 'F', 'team.manage (staff)': 'F', 'team.read': 'A', 'fhir.read': 'A', 'fhir.write': 'A', 'member.read': 'A/A', 'member.record': 'A/A', 'member.search': 'A', 'member.write': 'A', 'member.duplicates': 'A', 'worklist.read': 'A', 'worklist.work': 'A', 'worklist.supervise': 'A', 'report.read': 'A', 'report.members': 'A' } },
    'provider prov-1': { user: USERS.provider, own: () => north, foreign: () => south, expect: { 'case.start': 'F', 'case.list': 'F', 'case.read': 'F/F', 'case.act': 'F/F', 'supervisor.read': 'F', 'supervisor.case': 'F/F', 'committee.read': 'F', 'audit.read': 'F', 'codec.use': 'F', inbox: 'A', session: 'A', 'case.provider': 'A/H', 'review.submit': 'A', 'review.list': 'A', 'review.decide': 'F', 'complaint.lodge': 'A', 'complaint.handle': 'F', 'integration.intake': 'F', 'discharge.work': 'F', 'provider.manage': 'F', 'provider.search': 'F', 'provider.read': 'A', 'team.manage': 'F', 'team.manage (staff)': 'F', 'team.read': 'F', 'fhir.read': 'A', 'fhir.write': 'F', 'member.read': 'A/H', 'member.record': 'F/F', 'member.search': 'F', 'member.write': 'F', 'member.duplicates': 'F', 'worklist.read': 'F', 'worklist.work': 'F', 'worklist.supervise': 'F', 'report.read': 'F', 'report.members': 'F' } },
    committee: { user: USERS.committee, own: () => north, foreign: () => south, expect: { 'case.start': 'F', 'case.list': 'F', 'case.read': 'F/F', 'case.act': 'F/F', 'supervisor.read': 'F', 'supervisor.case': 'F/F', 'committee.read': 'A', 'audit.read': 'F', 'codec.use': 'F', inbox: 'A', session: 'A', 'case.provider': 'F/F', 'review.submit': 'F', 'review.list': 'F', 'review.decide': 'F', 'complaint.lodge': 'F', 'complaint.handle': 'F', 'integration.intake': 'F', 'discharge.work': 'F', 'provider.manage': 'F', 'provider.search': 'F', 'provider.read': 'F', 'team.manage': 'F', 'team.manage (staff)': 'F', 'team.read': 'F', 'fhir.read': 'F', 'fhir.write': 'F', 'member.read': 'F/F', 'member.record': 'F/F', 'member.search': 'F', 'member.write': 'F', 'member.duplicates': 'F', 'worklist.read': 'F', 'worklist.work': 'F', 'worklist.supervise': 'F', 'report.read': 'A', 'report.members': 'F' } },
    'integration (API key)': { user: 'api-key', own: () => north, foreign: () => south, expect: { 'case.start': 'F', 'case.list': 'F', 'case.read': 'F/F', 'case.act': 'F/F', 'supervisor.read': 'F', 'supervisor.case': 'F/F', 'committee.read': 'F', 'audit.read': 'F', 'codec.use': 'F', inbox: 'F', session: 'F', 'case.provider': 'F/F', 'review.submit': 'F', 'review.list': 'F', 'review.decide': 'F', 'complaint.lodge': 'F', 'complaint.handle': 'F', 'integration.intake': 'A', 'discharge.work': 'F', 'provider.manage': 'F', 'provider.search': 'F', 'provider.read': 'F', 'team.manage': 'F', 'team.manage (staff)': 'F', 'team.read': 'F', 'fhir.read': 'F', 'fhir.write': 'A', 'member.read': 'F/F', 'member.record': 'F/F', 'member.search': 'F', 'member.write': 'F', 'member.duplicates': 'F', 'worklist.read': 'F', 'worklist.work': 'F', 'worklist.supervise': 'F', 'report.read': 'F', 'report.members': 'F' } },
    admin: { user: USERS.admin, own: () => north, foreign: () => south, expect: { 'case.start': 'A', 'case.list': 'A', 'case.read': 'A/A', 'case.act': 'A/A', 'supervisor.read': 'A', 'supervisor.case': 'A/A', 'committee.read': 'A', 'audit.read': 'A', 'codec.use': 'A', inbox: 'A', session: 'A', 'case.provider': 'A/A', 'review.submit': 'A', 'review.list': 'A', 'review.decide': 'A', 'complaint.lodge': 'A', 'complaint.handle': 'A', 'integration.intake': 'F', 'discharge.work': 'A', 'provider.manage': 'A', 'provider.search': 'A', 'provider.read': 'A', 'team.manage': 'A', 'team.manage (staff)': 'A', 'team.read': 'A', 'fhir.read': 'A', 'fhir.write': 'A', 'member.read': 'A/A', 'member.record': 'A/A', 'member.search': 'A', 'member.write': 'A', 'member.duplicates': 'A', 'worklist.read': 'A', 'worklist.work': 'A', 'worklist.supervise': 'A', 'report.read': 'A', 'report.members': 'A' } },
  };

  it.each(Object.keys(matrix))('%s: every endpoint family, on its own and on a foreign case', async (who) => {
    const row = matrix[who]!;
    const client = row.user === 'api-key' ? stack.asIntegration() : stack.as(row.user);
    const seen: Record<string, string> = {};
    for (const family of families) {
      const letter = async (caseId: string) => {
        const res = await family.call(client, caseId);
        if (res.status === family.ok) return 'A';
        if (res.status === 404 && (res.body.code === 'case_not_found' || res.body.code === 'member_not_found')) return 'H';
        if (res.status === 403 && (res.body.code === 'forbidden' || res.body.issue?.[0]?.code === 'forbidden')) return 'F';
        return `?${res.status}`;
      };
      seen[family.name] = family.caseScoped ? `${await letter(row.own())}/${await letter(row.foreign())}` : await letter(row.own());
    }
    expect(seen).toEqual(row.expect);
  });

  it("lets supervisors and care managers read only their own team and its people (another team is a 404, like none); only admins write", async () => {
    const teamIds = async (user: TestUser) => ((await stack.as(user).get('/teams').expect(200)).body.items as { id: string }[]).map((t) => t.id);
    expect(await teamIds(USERS.sup1)).toEqual(['north']);
    expect(await teamIds(USERS.cm3)).toEqual(['south']);
    expect(await teamIds(USERS.admin)).toEqual(['north', 'south']);
    // A forged team claim does not widen what is read: the roster says cm-1 is on north.
    expect(await teamIds({ ...USERS.cm1, team: 'south' })).toEqual(['north']);
    const seen: Record<string, number[]> = {};
    for (const [who, user] of [['sup-1', USERS.sup1], ['sup-9', USERS.supSouth], ['cm-1', USERS.cm1], ['admin', USERS.admin]] as const) {
      const client = stack.as(user);
      seen[who] = [
        (await client.get('/teams/north')).status,
        (await client.get('/teams/south')).status,
        (await client.get('/staff/cm-1')).status,
        (await client.get('/staff/cm-3')).status,
      ];
    }
    expect(seen).toEqual({ 'sup-1': [200, 404, 200, 404], 'sup-9': [404, 200, 404, 200], 'cm-1': [200, 404, 200, 404], admin: [200, 200, 200, 200] });
    const hidden = await stack.as(USERS.sup1).get('/teams/south').expect(404);
    const missing = await stack.as(USERS.sup1).get('/teams/nowhere').expect(404);
    expect([hidden.body.code, hidden.body.detail.replace('south', 'X')]).toEqual([missing.body.code, missing.body.detail.replace('nowhere', 'X')]);
    for (const user of [USERS.sup1, USERS.cm1, USERS.provider, USERS.committee]) {
      await stack.as(user).put('/teams/north').send({ name: 'Taken', programs: ['CCM'], regions: [], active: true }).expect(403);
      await stack.as(user).post('/staff').send({ id: 'cm-x', displayName: 'X', role: 'care_manager', teamId: 'north', languages: [], caseloadCap: null, active: true }).expect(403);
    }
    for (const path of ['/teams', '/teams/north', '/staff/cm-1']) {
      await stack.as(USERS.provider).get(path).expect(403);
      await stack.asIntegration().get(path).expect(403);
    }
    expect(await stack.sql(`SELECT name FROM teams WHERE id = 'north'`)).toEqual([{ name: 'North' }]);
    expect(await stack.sql(`SELECT id FROM staff WHERE id = 'cm-x'`)).toEqual([]);
  });

  it('hides a foreign case exactly like a case that does not exist', async () => {
    const hidden = await stack.as(USERS.cm3).get(`/cases/${north}`).expect(404);
    const missing = await stack.as(USERS.cm3).get('/cases/case-ccm-000000000000000000000000').expect(404);
    expect({ ...hidden.body, instance: undefined, detail: hidden.body.detail.replace(north, 'ID') }).toEqual({
      ...missing.body,
      instance: undefined,
      detail: missing.body.detail.replace('case-ccm-000000000000000000000000', 'ID'),
    });
  });

  it('lists only the cases of the caller, their team and the unassigned pool', async () => {
    const ids = async (user: TestUser) => ((await stack.as(user).get('/cases').expect(200)).body.items as { id: string }[]).map((i) => i.id);
    expect(await ids(USERS.cm1)).toEqual([north]);
    expect(await ids(USERS.cm3)).toEqual([south]);
    expect(await ids(USERS.sup1)).toEqual([north]);
    expect((await ids(USERS.admin)).sort()).toEqual([north, south].sort());
    const loads = (await stack.as(USERS.sup1).get('/supervisor/caseloads').expect(200)).body.items as { careManagerId: string }[];
    // Team north's care managers (cm-3 is south's); sup-1 is not a care manager.
    expect(loads.map((l) => l.careManagerId).sort()).toEqual(['cm-1', 'cm-2']);
  });

  it('acts as the token subject: the timeline names the caller, whatever headers claim', async () => {
    await stack.as(USERS.cm1).post(`/cases/${north}/notes`).set('x-actor-id', 'someone-else').send({ kind: 'note', text: 'Called the member.' }).expect(200);
    const rows = await eventually(() => stack.sql(`SELECT actor_id FROM case_events WHERE case_id = $1 AND kind = 'note_added'`, [north]), (r) => r.length > 0);
    expect(rows).toEqual([{ actor_id: 'cm-1' }]);
  });

  it('audits allowed and refused requests with who, role, what, which case, from where and the outcome; the log is append-only', async () => {
    await stack.as(USERS.cm3).get(`/cases/${north}`).expect(404);
    await stack.as(USERS.cm1).get(`/cases/${north}`).expect(200);
    await anonymous().get(`/cases/${north}`).expect(401);
    const rows = await eventually(
      () => stack.sql(`SELECT actor_id, actor_role, action, method, route, case_id, outcome, status, source_ip FROM audit_log WHERE route = '/cases/:id' ORDER BY id`),
      (r) => r.length >= 3,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { actor_id: 'cm-3', actor_role: 'care_manager', action: 'case.read', method: 'GET', route: '/cases/:id', case_id: north, outcome: 'denied', status: 404, source_ip: expect.stringMatching(/127\.0\.0\.1/) },
        { actor_id: 'cm-1', actor_role: 'care_manager', action: 'case.read', method: 'GET', route: '/cases/:id', case_id: north, outcome: 'allowed', status: 200, source_ip: expect.any(String) },
        { actor_id: 'anonymous', actor_role: null, action: 'case.read', method: 'GET', route: '/cases/:id', case_id: null, outcome: 'denied', status: 401, source_ip: expect.any(String) },
      ]),
    );
    const viaApi = await stack.as(USERS.admin).get(`/audit?caseId=${north}&actorId=cm-3&outcome=denied&action=case.read`).expect(200);
    expect(viaApi.body.items[0]).toMatchObject({ actorId: 'cm-3', action: 'case.read', caseId: north, outcome: 'denied', status: 404 });
    await stack.as(USERS.admin).get('/audit?outcome=maybe').expect(400);

    await expect(stack.sql(`UPDATE audit_log SET outcome = 'allowed'`)).rejects.toThrow(/append-only/);
    await expect(stack.sql(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await expect(stack.sql(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    await expect(stack.sql(`TRUNCATE supervisor_actions`)).rejects.toThrow(/append-only/);
  });

  it('decodes real history payloads for an admin through the codec endpoint, and still decodes them after a new key becomes primary', async () => {
    const history = await stack.temporal.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId: north } });
    const input = history.history!.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    const wire = { metadata: Object.fromEntries(Object.entries(input.metadata!).map(([k, v]) => [k, Buffer.from(v).toString('base64')])), data: Buffer.from(input.data!).toString('base64') };
    expect(Buffer.from(input.data!).toString('latin1')).not.toContain('M-SEC-NORTH');

    await stack.as(USERS.sup1).post('/codec/decode').send({ payloads: [wire] }).expect(403);
    const decoded = await stack.as(USERS.admin).post('/codec/decode').set('x-namespace', 'default').send({ payloads: [wire] }).expect(200);
    expect(Buffer.from(decoded.body.payloads[0].data, 'base64').toString()).toContain('"memberRef":"M-SEC-NORTH"');

    // Rotation: a new key is primary, the old one stays configured; old histories decode, new payloads carry the new key id.
    const rotated = new AesGcmPayloadCodec([{ id: 'k2026', key: randomBytes(32) }, DEVELOPMENT_PAYLOAD_KEY]);
    const [plain] = await rotated.decode([input as never]);
    expect(Buffer.from(plain!.data!).toString()).toContain('M-SEC-NORTH');
    const [fresh] = await rotated.encode([plain!]);
    expect(Buffer.from(fresh!.metadata!['encryption-key-id']!).toString()).toBe('k2026');

    const roundTrip = await stack.as(USERS.admin).post('/codec/encode').send({ payloads: decoded.body.payloads }).expect(200);
    expect(Buffer.from(roundTrip.body.payloads[0].metadata['encryption-key-id'], 'base64').toString()).toBe('dev');
    const tampered = { ...wire, data: Buffer.from(Buffer.from(wire.data, 'base64').map((b, i) => (i === 20 ? b ^ 1 : b))).toString('base64') };
    const refused = await stack.as(USERS.admin).post('/codec/decode').send({ payloads: [tampered] }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'payloads' })]);
  });

  it('lets an operator read decrypted histories with the temporal CLI through the codec endpoint, and nobody without it', async () => {
    const exe = resolveTemporalBinary('cli', { log: () => {} });
    if (exe.type !== 'existing-path') {
      throw new Error('the temporal CLI is not installed locally (npm run tools:install)');
    }
    const cli = exe.path;
    // Asynchronous on purpose: the CLI calls back into this process's API for the codec.
    const show = async (extra: string[]) =>
      promisify(execFile)(cli, ['workflow', 'show', '--workflow-id', north, '--address', process.env.TEMPORAL_ADDRESS!, '--output', 'json', ...extra], { timeout: 30_000 }).then(
        ({ stdout }) => ({ ok: true, out: stdout }),
        (err: { stdout?: string; stderr?: string }) => ({ ok: false, out: `${err.stdout ?? ''}${err.stderr ?? ''}` }),
      );
    const plain = await show([]);
    expect(plain.ok).toBe(true);
    expect(plain.out).not.toContain('M-SEC-NORTH');
    const decoded = await show(['--codec-endpoint', `${stack.baseUrl}/codec`, '--codec-auth', `Bearer ${testToken(USERS.admin)}`]);
    expect(decoded.ok).toBe(true);
    // JSON output keeps payload bytes in base64: decoded, the first one is the workflow input in clear.
    const input = (JSON.parse(decoded.out) as { events: { workflowExecutionStartedEventAttributes: { input: { payloads: { data: string }[] } } }[] }).events[0]!;
    expect(Buffer.from(input.workflowExecutionStartedEventAttributes.input.payloads[0]!.data, 'base64').toString()).toContain('"memberRef":"M-SEC-NORTH"');
    expect(plain.out).toContain(Buffer.from('binary/encrypted').toString('base64'));
    const refused = await show(['--codec-endpoint', `${stack.baseUrl}/codec`, '--codec-auth', `Bearer ${testToken(USERS.sup1)}`]);
    expect(refused.out).not.toContain('M-SEC-NORTH');
  });

  it('admits the Temporal UI origin cross-origin (codec calls) and no other, and sends security headers', async () => {
    const preflight = await anonymous().options('/codec/decode').set('origin', 'http://localhost:8233').set('access-control-request-method', 'POST').set('access-control-request-headers', 'authorization,content-type,x-namespace');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://localhost:8233');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    const other = await anonymous().options('/codec/decode').set('origin', 'https://evil.example').set('access-control-request-method', 'POST');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();

    const res = await stack.as(USERS.cm1).get(`/cases/${north}`).expect(200);
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'content-security-policy': expect.stringContaining("default-src 'self'"),
      'x-request-id': expect.any(String),
    });
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('trades a bearer token for an HttpOnly SameSite=Strict session cookie that authenticates the same user', async () => {
    const started = await stack.as(USERS.sup1).post('/auth/session').expect(204);
    const cookie = (started.headers['set-cookie'] as unknown as string[])[0]!;
    expect(cookie).toMatch(/^careloop_session=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await anonymous().get('/auth/me').set('cookie', cookie.split(';')[0]!).expect(200);
    expect(me.body).toEqual({ sub: 'sup-1', role: 'supervisor', team: 'north' });
  });

  it("hides a team's unassigned case from other teams and answers 400 naming teamId for a team that does not serve the program", async () => {
    const admin = stack.as(USERS.admin);
    await stack.registerMember('M-SEC-NOTEAM');
    await stack.registerMember('M-SEC-SOUTH-POOL');
    const bad = await admin.post('/cases').send({ memberRef: 'M-SEC-NOTEAM', programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10), teamId: 'nowhere' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'teamId', reason: 'is not an active team serving CCM' }]);
    const created = await admin
      .post('/cases')
      .send({ memberRef: 'M-SEC-SOUTH-POOL', programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10), teamId: 'south' })
      .expect(201);
    const pooled = created.body.id as string;
    await eventually(() => stack.sql(`SELECT team_id, care_manager_id FROM cases WHERE id = $1`, [pooled]), (r) => r[0]?.team_id === 'south');
    // The matrix for an unassigned case of team south: south's care manager sees it, north's staff do not (404, as for any unrelated case).
    const view = await stack.as(USERS.cm3).get(`/cases/${pooled}`).expect(200);
    // Nobody named yet: the point of contact is team south's queue, resolved to its active members.
    expect({ poc: view.body.pointOfContact, team: view.body.pointOfContactTeam }).toEqual({
      poc: 'team:south',
      team: { teamId: 'south', name: 'South', members: [{ id: 'cm-3', displayName: 'CM three' }, { id: 'sup-9', displayName: 'Sup nine' }] },
    });
    await stack.as(USERS.cm1).get(`/cases/${pooled}`).expect(404);
    // The token's team claim does not override the roster: cm-1 is on team north in the staff table.
    await stack.as({ ...USERS.cm1, team: 'south' }).get(`/cases/${pooled}`).expect(404);
    await stack.as(USERS.sup1).get(`/cases/${pooled}`).expect(404);
    await admin.get(`/cases/${pooled}`).expect(200);
    const ids = async (user: TestUser) => ((await stack.as(user).get('/cases').expect(200)).body.items as { id: string }[]).map((i) => i.id);
    expect(await ids(USERS.cm1)).not.toContain(pooled);
    expect(await ids(USERS.sup1)).not.toContain(pooled);
    expect(await ids(USERS.cm3)).toContain(pooled);
  });
});
