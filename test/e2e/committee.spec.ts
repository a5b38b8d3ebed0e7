import { CareLoopHttpClient } from '../../scripts/load/careloop-http.client';
import { driveToClosure, startCase } from '../../scripts/load/case-lifecycle.driver';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { testToken, USERS } from '../support/auth';
import { eventually } from '../support/eventually';

/**
 * The committee's view (seed 003 step 9) through HTTP against the real Temporal dev server and
 * Postgres. The committee knows a case by a random code kept in Postgres (HIPAA's re-identification
 * code must not be derived from information about the individual, 45 CFR § 164.514(c)): not the case
 * id (a keyed hash of the member reference), and nothing in the page or its cursor leads back to it.
 */
describe('committee updates under a random code per case (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  const caseIds: string[] = [];

  beforeAll(async () => {
    stack = await startE2eStack('committee');
    const api = new CareLoopHttpClient(stack.baseUrl, testToken(USERS.cm1));
    // Two cases in recovery support with a committee update every 2 s (a demo cadence).
    for (const member of ['M-CMT-1', 'M-CMT-2']) {
      await stack.registerMember(member);
      const id = await startCase(api, member, { policyOverrides: { committeeUpdateMaxIntervalMs: '2s' } });
      await driveToClosure(api, id, { until: 'note' });
      caseIds.push(id);
    }
  });

  afterAll(async () => {
    await stack?.close();
  });

  const updates = (query = '') => stack.as(USERS.committee).get(`/committee/updates${query}`);

  it('shows each case under its own random code, stored in Postgres, never the case id or the member', async () => {
    const page = await eventually(
      () => updates('?limit=100'),
      (r) => r.status === 200 && new Set(r.body.items.map((i: { caseCode: string }) => i.caseCode)).size === 2 && r.body.items.length >= 4,
    );
    const codes = new Set<string>(page.body.items.map((i: { caseCode: string }) => i.caseCode));
    for (const item of page.body.items) {
      expect(item).toEqual({ id: expect.stringMatching(/^cmt-[0-9a-f]{16}\.[1-9][0-9]*$/), caseCode: expect.stringMatching(/^cmt-[0-9a-f]{16}$/), template: 'committee_case_update', params: expect.any(Object), at: expect.any(String) });
      expect(item.id.startsWith(`${item.caseCode}.`)).toBe(true);
    }
    const text = JSON.stringify(page.body);
    for (const id of caseIds) expect(text).not.toContain(id);
    expect(text).not.toMatch(/M-CMT/);

    const stored = await stack.sql('SELECT case_id, code FROM committee_pseudonyms ORDER BY case_id');
    expect(stored.map((r) => r.case_id).sort()).toEqual([...caseIds].sort());
    expect(new Set(stored.map((r) => r.code))).toEqual(codes);
    // Random, not a function of the case: the code of a case is made once and then kept.
    const again = await updates('?limit=100').expect(200);
    expect(new Set(again.body.items.map((i: { caseCode: string }) => i.caseCode))).toEqual(codes);
  });

  it('pages with a cursor that holds only what the page showed', async () => {
    const first = await updates('?limit=2').expect(200);
    expect(first.body.items).toHaveLength(2);
    const cursor = JSON.parse(Buffer.from(first.body.nextCursor, 'base64url').toString('utf8'));
    expect(Object.keys(cursor).sort()).toEqual(['at', 'id']);
    expect(cursor.id).toBe(first.body.items[1].id);
    const second = await updates(`?limit=2&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items.length).toBeGreaterThan(0);
    const firstIds = first.body.items.map((i: { id: string }) => i.id);
    for (const item of second.body.items) {
      expect(firstIds).not.toContain(item.id);
      expect(Date.parse(item.at)).toBeLessThanOrEqual(Date.parse(first.body.items[1].at));
    }
    const forged = Buffer.from(JSON.stringify({ at: first.body.items[1].at, key: caseIds[0] })).toString('base64url');
    expect((await updates(`?cursor=${forged}`).expect(400)).body.errors).toEqual([{ field: 'cursor', reason: expect.any(String) }]);
  });
});
