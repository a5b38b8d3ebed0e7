import request from 'supertest';
import { randomBytes } from 'node:crypto';
import { caseWorkflowId } from '@careloop/contracts';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { testToken, USERS, type TestUser } from '../support/auth';
import { dateFromToday } from '../support/fixture-dates';

/**
 * Policy overrides at case start are for local demos and tests, and never loosen a regulatory clock
 * (issue: a care manager could set a screening deadline ten years out). Through HTTP against the real
 * Temporal dev server and Postgres: a deployment on a private signing secret takes overrides only from
 * an admin; no caller anywhere lengthens the 90-day screening deadline or the 28-day committee cadence.
 */
describe('POST /cases policyOverrides (real Temporal, real Postgres)', () => {
  const body = (memberRef: string, policyOverrides?: Record<string, unknown>) => ({ memberRef, programCode: 'CCM', enrollmentDate: dateFromToday(-10), ...(policyOverrides ? { policyOverrides } : {}) });

  async function expectNothingStarted(stack: E2eStack, memberRef: string, secret = 'careloop-local-development-only'): Promise<void> {
    const id = caseWorkflowId(memberRef, 'CCM', secret);
    const runs = [];
    for await (const wf of stack.temporal.workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(wf);
    expect(runs).toEqual([]);
    expect(await stack.sql('SELECT id FROM cases WHERE member_ref = $1', [memberRef])).toEqual([]);
  }

  describe('on the local development secret', () => {
    let stack: E2eStack;
    beforeAll(async () => {
      stack = await startE2eStack('overrides_local');
    });
    afterAll(async () => {
      await stack?.close();
    });

    it('no caller, not even an admin, sets the screening deadline past 90 days or the committee cadence past 28 days: 400 naming the field and the rule', async () => {
      for (const user of [USERS.cm1, USERS.admin]) {
        const res = await stack.as(user).post('/cases').send(body('M-OVR-LONG', { screening: { deadlineMs: '3650d' }, committeeUpdateMaxIntervalMs: '60d' })).expect(400);
        expect(res.body).toMatchObject({ code: 'validation_failed', status: 400 });
        expect(res.body.errors).toEqual(
          expect.arrayContaining([
            { field: 'policyOverrides.screening.deadlineMs', reason: expect.stringMatching(/^must be at most 90d: .*90 days of the enrollment date/) },
            { field: 'policyOverrides.committeeUpdateMaxIntervalMs', reason: expect.stringMatching(/^must be at most 28d/) },
          ]),
        );
      }
      await expectNothingStarted(stack, 'M-OVR-LONG');
    });

    it('a care manager may shorten the clocks (demos and tests run them in seconds)', async () => {
      await stack.registerMember('M-OVR-SHORT');
      const res = await stack.as(USERS.cm1).post('/cases').send(body('M-OVR-SHORT', { screening: { deadlineMs: '30d' } })).expect(201);
      expect(res.body.policyVersion).toBe('CCM@default+custom');
    });
  });

  describe('on a private signing secret (a real deployment)', () => {
    let stack: E2eStack;
    const secret = `private-${randomBytes(24).toString('hex')}`;
    const as = (user: TestUser) => ({ authorization: `Bearer ${testToken(user, {}, secret)}` });
    beforeAll(async () => {
      stack = await startE2eStack('overrides_private', { AUTH_JWT_SECRET: secret });
    });
    afterAll(async () => {
      await stack?.close();
    });

    it('a care manager or supervisor sending overrides gets 403 naming policyOverrides, and nothing starts', async () => {
      for (const user of [USERS.cm1, USERS.sup1]) {
        const res = await request(stack.baseUrl).post('/cases').set(as(user)).send(body('M-OVR-CM', { screening: { deadlineMs: '30d' } })).expect(403);
        expect(res.body).toMatchObject({ code: 'forbidden', status: 403, errors: [{ field: 'policyOverrides', reason: expect.stringMatching(/admin/) }] });
      }
      await expectNothingStarted(stack, 'M-OVR-CM');
      // Without overrides the same care manager starts the case on the program's policy.
      await stack.registerMember('M-OVR-CM');
      const res = await request(stack.baseUrl).post('/cases').set(as(USERS.cm1)).send(body('M-OVR-CM')).expect(201);
      expect(res.body.policyVersion).toBe('CCM@default');
    });

    it('an admin may shorten the clocks, but not lengthen a regulatory one', async () => {
      await stack.registerMember('M-OVR-ADMIN');
      await stack.registerMember('M-OVR-ADMIN-2');
      const ok = await request(stack.baseUrl).post('/cases').set(as(USERS.admin)).send(body('M-OVR-ADMIN', { screening: { deadlineMs: '45d' } })).expect(201);
      expect(ok.body.policyVersion).toBe('CCM@default+custom');
      const refused = await request(stack.baseUrl).post('/cases').set(as(USERS.admin)).send(body('M-OVR-ADMIN-2', { screening: { deadlineMs: '91d' } })).expect(400);
      expect(refused.body.errors).toEqual([{ field: 'policyOverrides.screening.deadlineMs', reason: expect.stringMatching(/^must be at most 90d/) }]);
    });
  });
});
