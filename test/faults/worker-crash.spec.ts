import { FaultStack } from '../support/fault-stack.harness';
import { WebhookSink } from '../support/webhook-sink.harness';
import { caseRecords, expectCompleteOnce } from '../support/case-records.check';
import { eventually } from '../support/eventually';
import { USERS } from '../support/auth';
import { driveToClosure, startCase } from '../../scripts/load/case-lifecycle.driver';

/**
 * SIGKILL of the worker process: once while a notification delivery (an
 * activity) is in flight, once while the case waits on a timer. A new worker
 * takes over; every case finishes and Postgres holds each record once.
 */
describe('worker killed with SIGKILL (real processes, real servers)', () => {
  let stack: FaultStack;
  let webhook: WebhookSink;
  const workerEnv = () => ({ NOTIFY_WEBHOOK_URL: webhook.url });

  beforeAll(async () => {
    webhook = await WebhookSink.start();
    stack = await FaultStack.start('worker-crash');
    await stack.startApi();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
    await webhook?.close();
  });

  it('in the middle of an activity: the activity is retried by the next worker, the case finishes, nothing twice', async () => {
    await stack.killWorkers();
    const worker = await stack.startWorker(workerEnv());
    const held = webhook.holdNextDelivery();
    const api = stack.client(USERS.admin);
    await stack.registerMembers('M-FAULT-ACT-1');
    const id = await startCase(api, 'M-FAULT-ACT-1');
    // The first outreach attempt's notification is being delivered, and its HTTP call never answers.
    const inFlight = await held;
    expect(inFlight.template).toBe('outreach_attempt_due');
    await worker.kill('SIGKILL');

    await stack.startWorker(workerEnv());
    // The killed attempt times out (start-to-close 30 s) and the new worker delivers it again.
    const redelivered = await eventually(async () => webhook.received.filter((d) => d.key === inFlight.key).length, (n) => n >= 2, 60_000, 500);
    expect(redelivered).toBeGreaterThanOrEqual(2);
    await driveToClosure(api, id);
    const result = await (await stack.temporal()).workflow.getHandle(id).result();
    expect(result).toMatchObject({ closureReason: 'goals_met' });

    const records = await eventually(() => caseRecords(stack, id), (r) => r.eventKinds.case_closed === 1 && r.notifications.every((n) => n.status === 'delivered'));
    expectCompleteOnce(records);
    expect(records.attempts).toEqual([{ number: 1, outcome: 'reached' }]);
    // At-least-once towards the channel (same Idempotency-Key), exactly once in the outbox.
    expect(new Set(records.notifications.map((n) => n.key))).toEqual(new Set([...webhook.keys()].filter((k) => records.notifications.some((n) => n.key === k))));
    expect(records.notifications.find((n) => n.key === inFlight.key)).toEqual({ key: inFlight.key, status: 'delivered' });
  }, 150_000);

  it('in the middle of a long wait: the timer fires for the next worker, the case finishes, nothing twice', async () => {
    await stack.killWorkers();
    const worker = await stack.startWorker(workerEnv());
    const api = stack.client(USERS.admin);
    await stack.registerMembers('M-FAULT-WAIT-1');
    const id = await startCase(api, 'M-FAULT-WAIT-1', { policyOverrides: { screening: { attemptResponseWindowMs: '6s', attemptSpacingMs: ['1s'] } } });
    // The case waits for the outcome of attempt 1 (a 6 s timer); the worker dies during the wait.
    await eventually(() => api.expect(200, 'read', 'GET', `/cases/${id}`), (c) => (c.attempts as unknown[]).length === 1, 20_000);
    await worker.kill('SIGKILL');
    await new Promise((r) => setTimeout(r, 8_000));

    await stack.startWorker(workerEnv());
    // Attempt 1 timed out while no worker ran; attempt 2 starts one second later.
    const second = await eventually(
      () => api.expect(200, 'read', 'GET', `/cases/${id}`),
      (c) => (c.attempts as unknown[]).length === 2,
      60_000,
      500,
    );
    expect(second.attempts).toEqual([expect.objectContaining({ number: 1, outcome: 'timed_out' }), expect.objectContaining({ number: 2, outcome: null })]);
    await driveToClosure(api, id, { reachedOnAttempt: 2 });
    await (await stack.temporal()).workflow.getHandle(id).result();

    const records = await eventually(() => caseRecords(stack, id), (r) => r.eventKinds.case_closed === 1 && r.notifications.every((n) => n.status === 'delivered'));
    expectCompleteOnce(records);
    expect(records.attempts).toEqual([
      { number: 1, outcome: 'timed_out' },
      { number: 2, outcome: 'reached' },
    ]);
  }, 150_000);
});
