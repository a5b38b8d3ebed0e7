import { FaultStack } from '../support/fault-stack.harness';
import { caseRecords, expectCompleteOnce } from '../support/case-records.check';
import { eventually } from '../support/eventually';
import { USERS } from '../support/auth';
import { driveToClosure, startCase } from '../../scripts/load/case-lifecycle.driver';

/**
 * The Temporal dev server (SQLite file) is stopped and started again in the
 * middle of a case, while the case waits on a timer. API and worker keep
 * running and reconnect by themselves; the case continues where it was.
 */
describe('Temporal server restarted mid-case', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await FaultStack.start('temporal-restart');
    await stack.startApi();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('the case continues after the restart, its timer fires, nothing lost or twice', async () => {
    const worker = await stack.startWorker();
    const api = stack.client(USERS.admin);
    await stack.registerMembers('M-FAULT-TEMPORAL-1');
    const id = await startCase(api, 'M-FAULT-TEMPORAL-1', { policyOverrides: { screening: { maxAttempts: 6, attemptResponseWindowMs: '8s', attemptSpacingMs: ['1s'] } } });
    await eventually(() => api.expect(200, 'read', 'GET', `/cases/${id}`), (c) => (c.attempts as unknown[]).length === 1, 20_000);

    await stack.stopTemporal();
    // Meanwhile the API answers, and says Temporal is down instead of hanging.
    const down = await api.request('read', 'GET', `/cases/${id}`);
    expect(down.status).toBeGreaterThanOrEqual(500);
    await new Promise((r) => setTimeout(r, 3_000));
    await stack.startTemporal();
    const restarted = performance.now();

    // The API reconnects within seconds (reconnect backoff capped at 3 s).
    const back = await eventually(() => api.request('read', 'GET', `/cases/${id}`), (r) => r.status === 200, 30_000, 250);
    expect(back.status).toBe(200);
    expect(performance.now() - restarted).toBeLessThan(15_000);
    // Attempt 1's timer survived the restart: it times out (the worker writes it) and attempt 2 starts.
    const later = await eventually(
      () => api.request('read', 'GET', `/cases/${id}`),
      (r) => r.status === 200 && (r.body.attempts as unknown[]).length >= 2,
      30_000,
      250,
    );
    const attempts = later.body.attempts as { number: number; outcome: string | null }[];
    expect(attempts[0]).toMatchObject({ number: 1, outcome: 'timed_out' });
    expect(worker.running).toBe(true);
    const open = attempts.find((a) => a.outcome === null)!;
    await driveToClosure(api, id, { reachedOnAttempt: open.number });
    await expect((await stack.temporal()).workflow.getHandle(id).result()).resolves.toMatchObject({ closureReason: 'goals_met' });

    const records = await eventually(() => caseRecords(stack, id), (r) => r.eventKinds.case_closed === 1 && r.notifications.every((n) => n.status === 'delivered'));
    expectCompleteOnce(records);
    expect(records.attempts).toEqual(Array.from({ length: open.number }, (_, i) => ({ number: i + 1, outcome: i + 1 === open.number ? 'reached' : 'timed_out' })));
  }, 180_000);
});
