import { JsonLogger } from '@careloop/observability';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { eventually } from '../support/eventually';
import { memberBody } from '../support/member-fixtures';

/**
 * The member registry's routes (issue 16) through HTTP on the real stack:
 * create, read with ETag, replace with If-Match, versions, exact search,
 * duplicates, Idempotency-Key, who may read, and the audit log. Every log
 * line the API writes is captured and checked for the PHI sent.
 */
describe('members (real Postgres, real API)', () => {
  let stack: E2eStack;
  const logLines: string[] = [];
  const phi = ['Núñez', 'Nunez', 'María', '1956-03-14', '555 0188', '5550188', 'Quarry', 'Olvera'];

  beforeAll(async () => {
    stack = await startE2eStack('members', {}, { logger: new JsonLogger((line) => logLines.push(line), 'verbose') });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('creates a member (201, Location, ETag), reads it back with its version as ETag, and audits the read with the member id', async () => {
    const created = await stack.as(USERS.cm1).post('/members').send(memberBody('M-MBR-1')).expect(201);
    expect(created.headers.location).toBe(`/members/${created.body.id}`);
    expect(created.headers.etag).toBe('"1"');
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^mbr_/), version: 1, name: { family: 'Núñez-Olvera' }, openDuplicateFlags: [] });

    const read = await stack.as(USERS.sup1).get(`/members/${created.body.id}`).expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(created.body);

    const rows = await eventually(
      () => stack.sql(`SELECT actor_id, action, route, member_id, outcome FROM audit_log WHERE member_id = $1 ORDER BY id`, [created.body.id]),
      (r) => r.length >= 2,
    );
    expect(rows).toEqual([
      { actor_id: 'cm-1', action: 'member.write', route: '/members', member_id: created.body.id, outcome: 'allowed' },
      { actor_id: 'sup-1', action: 'member.read', route: '/members/:id', member_id: created.body.id, outcome: 'allowed' },
    ]);
  });

  it('answers 400 naming id for a malformed member id, and 404 for an unknown one', async () => {
    const bad = await stack.as(USERS.cm1).get('/members/not-a-member').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    const missing = await stack.as(USERS.cm1).get('/members/mbr_0123456789abcdefghjkmnpqrs').expect(404);
    expect(missing.body.code).toBe('member_not_found');
  });

  it('replaces with If-Match (428 without, 412 stale), answers the new version, and keeps the old value in versions (newest first)', async () => {
    const { body: member } = await stack.as(USERS.cm1).post('/members').send(memberBody('M-MBR-2')).expect(201);
    const changed = memberBody('M-MBR-2', { preferredLanguage: 'en', phones: [{ use: 'home', number: '+1 217 555 0101' }] });

    const unconditional = await stack.as(USERS.cm1).put(`/members/${member.id}`).send(changed).expect(428);
    expect(unconditional.body.code).toBe('precondition_required');
    const badTag = await stack.as(USERS.cm1).put(`/members/${member.id}`).set('If-Match', 'yesterday').send(changed).expect(400);
    expect(badTag.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);

    const updated = await stack.as(USERS.cm1).put(`/members/${member.id}`).set('If-Match', '"1"').send(changed).expect(200);
    expect(updated.headers.etag).toBe('"2"');
    expect(updated.body).toMatchObject({ id: member.id, version: 2, preferredLanguage: 'en' });

    const stale = await stack.as(USERS.cm1).put(`/members/${member.id}`).set('If-Match', '"1"').send(memberBody('M-MBR-2')).expect(412);
    expect(stale.body.code).toBe('member_version_mismatch');

    const versions = await stack.as(USERS.cm1).get(`/members/${member.id}/versions`).expect(200);
    expect(versions.body.map((v: { version: number; record: { preferredLanguage: string } }) => [v.version, v.record.preferredLanguage])).toEqual([
      [2, 'en'],
      [1, 'es'],
    ]);
    expect(versions.body[1].changedBy).toBe('cm-1');
  });

  it('searches exactly by plan id and by family + birth date, forgiving case and accents; audits one row per hit', async () => {
    const { body: member } = await stack.as(USERS.cm1).post('/members').send(memberBody('M-MBR-3', { name: { given: ['Zoë'], family: 'Ærøskøbing-Lévy' }, birthDate: '1971-07-02' })).expect(201);
    const byPlan = await stack.as(USERS.cm1).get('/members').query({ planMemberId: 'M-MBR-3' }).expect(200);
    expect(byPlan.body).toEqual([{ id: member.id, name: { given: ['Zoë'], family: 'Ærøskøbing-Lévy' }, birthDate: '1971-07-02', planMemberId: 'M-MBR-3', preferredLanguage: 'es' }]);

    const byName = await stack.as(USERS.cm3).get('/members').query({ family: 'ærøskøbing-levy', birthDate: '1971-07-02' }).expect(200);
    expect(byName.body.map((m: { id: string }) => m.id)).toEqual([member.id]);
    const withGiven = await stack.as(USERS.cm3).get('/members').query({ family: 'ÆRØSKØBING-LEVY', birthDate: '1971-07-02', given: 'zoe' }).expect(200);
    expect(withGiven.body.map((m: { id: string }) => m.id)).toEqual([member.id]);
    expect((await stack.as(USERS.cm3).get('/members').query({ family: 'Ærøskøbing-Lévy', birthDate: '1971-07-03' }).expect(200)).body).toEqual([]);

    const rows = await eventually(
      () => stack.sql(`SELECT actor_id, member_id FROM audit_log WHERE action = 'member.search' AND actor_id = 'cm-3' AND member_id IS NOT NULL`),
      (r) => r.length >= 2,
    );
    expect(rows).toEqual([
      { actor_id: 'cm-3', member_id: member.id },
      { actor_id: 'cm-3', member_id: member.id },
    ]);
  });

  it('refuses missing, mixed and invalid search parameters with 400 naming them', async () => {
    const none = await stack.as(USERS.cm1).get('/members').expect(400);
    expect(none.body.errors.map((e: { field: string }) => e.field)).toEqual(['planMemberId']);
    const mixed = await stack.as(USERS.cm1).get('/members').query({ planMemberId: 'M-MBR-1', family: 'Nunez' }).expect(400);
    expect(mixed.body.errors.map((e: { field: string }) => e.field)).toEqual(['family']);
    const half = await stack.as(USERS.cm1).get('/members').query({ given: 'Ana' }).expect(400);
    expect(half.body.errors.map((e: { field: string }) => e.field)).toEqual(['family', 'birthDate']);
    const badDate = await stack.as(USERS.cm1).get('/members').query({ family: 'Nunez', birthDate: '14/03/1956' }).expect(400);
    expect(badDate.body.errors.map((e: { field: string }) => e.field)).toEqual(['birthDate']);
    const unknown = await stack.as(USERS.cm1).get('/members').query({ ssn: '123' }).expect(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toContain('ssn');
  });

  it('refuses bad input with 400 naming each field (nested paths), never echoing the value, and stores nothing', async () => {
    const body = memberBody('M-MBR-BAD', {
      phones: [{ use: 'mobile', number: '555 0188' }],
      contactPreferences: { method: 'phone', windows: [{ days: ['mon'], from: '17:00', to: '09:00' }], timeZone: 'Mars/Olympus' },
    });
    const refused = await stack.as(USERS.cm1).post('/members').send(body).expect(400);
    expect(refused.body.code).toBe('validation_failed');
    expect(refused.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contactPreferences.timeZone', 'contactPreferences.windows[0].to', 'phones[0].number']);
    expect(JSON.stringify(refused.body)).not.toContain('555 0188');

    const shape = await stack.as(USERS.cm1).post('/members').send({ ...memberBody('M-MBR-BAD'), name: { given: 'Ana', family: 7 }, sex: 'x', nickname: 'A' }).expect(400);
    expect(shape.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name.given', 'name.family', 'sex', 'nickname']));

    expect((await stack.as(USERS.cm1).get('/members').query({ planMemberId: 'M-MBR-BAD' }).expect(200)).body).toEqual([]);
    const before = (await stack.sql(`SELECT count(*)::int AS n FROM member_versions`))[0]!.n;
    await stack.as(USERS.cm1).post('/members').send(body).expect(400);
    expect((await stack.sql(`SELECT count(*)::int AS n FROM member_versions`))[0]!.n).toBe(before);
  });

  it('honours Idempotency-Key: a repeat answers the same member, another body under the key is 422, and a plan id is registered once (409)', async () => {
    const body = memberBody('M-MBR-IDEM');
    const first = await stack.as(USERS.cm1).post('/members').set('Idempotency-Key', 'create-idem-1').send(body).expect(201);
    const repeat = await stack.as(USERS.cm1).post('/members').set('Idempotency-Key', 'create-idem-1').send(body).expect(200);
    expect(repeat.body.id).toBe(first.body.id);
    expect(repeat.headers.location).toBe(`/members/${first.body.id}`);
    const other = await stack.as(USERS.cm1).post('/members').set('Idempotency-Key', 'create-idem-1').send(memberBody('M-MBR-IDEM-2')).expect(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    const again = await stack.as(USERS.cm1).post('/members').send(body).expect(409);
    expect(again.body.code).toBe('member_plan_id_taken');
    expect((await stack.sql(`SELECT count(*)::int AS n FROM member_search_index WHERE member_id = $1 AND kind = 'plan'`, [first.body.id]))[0]!.n).toBe(1);
    // The stored request holds the key, an HMAC of the body and the member id: no PHI.
    const stored = await stack.sql(`SELECT * FROM member_create_requests`);
    expect(stored).toHaveLength(1);
    for (const value of phi) expect(JSON.stringify(stored)).not.toContain(value);
  });

  it('registers a possible duplicate, flags it, and lets a person resolve it', async () => {
    const a = await stack.as(USERS.cm1).post('/members').send(memberBody('M-MBR-DUP-A', { birthDate: '1980-01-01' })).expect(201);
    const b = await stack.as(USERS.cm1).post('/members').send(memberBody('M-MBR-DUP-B', { birthDate: '1980-01-01', name: { given: ['ANA', 'MARIA'], family: 'nunez-olvera' } })).expect(201);
    expect(b.body.openDuplicateFlags).toHaveLength(1);
    const flagId = b.body.openDuplicateFlags[0];
    const open = await stack.as(USERS.sup1).get('/member-duplicates').query({ status: 'open' }).expect(200);
    // Other tests' members share the fixture's name too (with another birth date): only this pair is flagged together.
    const ours = (flags: { id: string }[]) => flags.filter((f) => f.id === flagId);
    expect(ours(open.body)).toEqual([expect.objectContaining({ id: flagId, memberIds: expect.arrayContaining([a.body.id, b.body.id]), reason: 'same_name_and_birth_date', resolution: null })]);

    await stack.as(USERS.sup1).get('/member-duplicates').query({ status: 'maybe' }).expect(400);
    await stack.as(USERS.sup1).post(`/member-duplicates/${flagId}/resolve`).send({ resolution: 'merge' }).expect(400);
    const resolved = await stack.as(USERS.sup1).post(`/member-duplicates/${flagId}/resolve`).send({ resolution: 'distinct_people' }).expect(200);
    expect(resolved.body).toMatchObject({ id: flagId, resolution: 'distinct_people', resolvedBy: 'sup-1' });
    const conflict = await stack.as(USERS.sup1).post(`/member-duplicates/${flagId}/resolve`).send({ resolution: 'same_person' }).expect(409);
    expect(conflict.body.code).toBe('duplicate_flag_resolved');
    expect(ours((await stack.as(USERS.sup1).get('/member-duplicates').expect(200)).body)).toEqual([]);
    expect(ours((await stack.as(USERS.sup1).get('/member-duplicates').query({ status: 'resolved' }).expect(200)).body)).toHaveLength(1);
    expect((await stack.as(USERS.cm1).get(`/members/${b.body.id}`).expect(200)).body.openDuplicateFlags).toEqual([]);
    await stack.as(USERS.sup1).post('/member-duplicates/dup_0123456789abcdefghjkmnpqrs/resolve').send({ resolution: 'same_person' }).expect(404);
  });

  it("lists the member's cases from the read model, and lets a provider read only their own patients", async () => {
    const own = await stack.as(USERS.cm1).post('/members').send(memberBody('M-MBR-PROV', { birthDate: '1990-05-05', pcpProviderId: 'prov-1' })).expect(201);
    const viaCase = await stack.as(USERS.cm1).post('/members').send(memberBody('M-MBR-CASE', { birthDate: '1991-05-05' })).expect(201);
    const foreign = await stack.as(USERS.cm1).post('/members').send(memberBody('M-MBR-FOREIGN', { birthDate: '1992-05-05', pcpProviderId: 'prov-2' })).expect(201);

    const today = new Date().toISOString().slice(0, 10);
    const started = await stack.as(USERS.admin).post('/cases').send({ memberRef: 'M-MBR-CASE', programCode: 'CCM', enrollmentDate: today }).expect(201);
    await stack.as(USERS.admin).post(`/cases/${started.body.id}/pcp`).send({ pcpId: 'prov-9' }).expect(200);
    await eventually(() => stack.sql(`SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND kind = 'pcp_changed'`, [started.body.id]), (r) => r[0]?.n === 1);

    const cases = await stack.as(USERS.cm1).get(`/members/${viaCase.body.id}/cases`).expect(200);
    expect(cases.body).toEqual([{ id: started.body.id, programCode: 'CCM', phase: expect.any(String), status: 'active', openedAt: expect.any(String), closedAt: null, careManagerId: cases.body[0]?.careManagerId ?? null }]);
    expect(cases.body[0]).toHaveProperty('careManagerId');
    expect((await stack.as(USERS.cm1).get(`/members/${own.body.id}/cases`).expect(200)).body).toEqual([]);

    await stack.as(USERS.provider).get(`/members/${own.body.id}`).expect(200);
    const hidden = await stack.as(USERS.provider).get(`/members/${foreign.body.id}`).expect(404);
    expect(hidden.body.code).toBe('member_not_found');
    await stack.as(USERS.provider).get(`/members/${viaCase.body.id}`).expect(404);
    await stack.as(USERS.provider9).get(`/members/${viaCase.body.id}`).expect(200);
    await stack.as(USERS.provider).get('/members').query({ planMemberId: 'M-MBR-PROV' }).expect(403);
    await stack.as(USERS.provider).get(`/members/${own.body.id}/versions`).expect(403);
    await stack.as(USERS.provider).get('/member-duplicates').expect(403);
    await stack.as(USERS.provider).post('/members').send(memberBody('M-MBR-P2')).expect(403);

    await stack.as(USERS.committee).get(`/members/${own.body.id}`).expect(403);
    await stack.as(USERS.committee).get('/members').query({ planMemberId: 'M-MBR-PROV' }).expect(403);
    await stack.asIntegration().get(`/members/${own.body.id}`).expect(403);
    await stack.asIntegration().post('/members').send(memberBody('M-MBR-P3')).expect(403);

    const rows = await eventually(
      () => stack.sql(`SELECT actor_id, route, outcome, status FROM audit_log WHERE member_id = $1 AND actor_id IN ('prov-1', 'cm-1') AND method = 'GET' ORDER BY id`, [viaCase.body.id]),
      (r) => r.length >= 2,
    );
    expect(rows).toEqual([
      { actor_id: 'cm-1', route: '/members/:id/cases', outcome: 'allowed', status: 200 },
      { actor_id: 'prov-1', route: '/members/:id', outcome: 'denied', status: 404 },
    ]);
  });

  it('never writes a name, birth date, phone or address to the logs or the audit log', async () => {
    const audit = JSON.stringify(await stack.sql(`SELECT * FROM audit_log`));
    for (const value of phi) {
      expect({ value, lines: logLines.filter((line) => line.includes(value)) }).toEqual({ value, lines: [] });
      expect({ value, inAudit: audit.includes(value) }).toEqual({ value, inAudit: false });
    }
    // The logger captured the requests at all (the check is not vacuous).
    expect(logLines.length).toBeGreaterThan(0);
  });
});
