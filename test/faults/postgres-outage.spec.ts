import { FaultStack } from '../support/fault-stack.harness';
import { TcpGate } from '../support/tcp-gate.harness';
import { caseRecords, expectCompleteOnce } from '../support/case-records.check';
import { eventually } from '../support/eventually';
import { USERS } from '../support/auth';
import { driveToClosure, startCase } from '../../scripts/load/case-lifecycle.driver';
import { freePort } from '../../scripts/ports';

interface StuckRow {
  readonly caseId: string;
  readonly reasons: { kind: string; detail: string }[];
}

/**
 * The worker loses Postgres (its connection goes through a TCP gate that is
 * closed like a dead network: open connections dropped, the port refused)
 * while the care team keeps working. Writes retry with backoff; the case is
 * listed as failing_activity meanwhile (flagged by the worker through
 * Temporal, since the outbox in Postgres cannot say it); when Postgres is
 * back the case resumes, and nothing is lost or written twice.
 */
describe('Postgres unreachable from the worker during activities', () => {
  let stack: FaultStack;
  let gate: TcpGate;

  beforeAll(async () => {
    stack = await FaultStack.start('postgres-outage');
    const direct = new URL(stack.databaseUrl);
    gate = await TcpGate.open(await freePort(), { host: direct.hostname, port: Number(direct.port) });
    const gated = new URL(stack.databaseUrl);
    gated.port = String(gate.port);
    await stack.startApi();
    await stack.startWorker({ DATABASE_URL: gated.toString(), ACTIVITY_RETRY_REPORT_ATTEMPT: '2' });
  }, 120_000);

  afterAll(async () => {
    await gate?.restore();
    await gate?.cut();
    await stack?.close();
  });

  it('retries with backoff, shows the failing activity, resumes when Postgres is back, nothing lost or twice', async () => {
    const api = stack.client(USERS.admin);
    const supervisor = stack.client(USERS.admin);
    await stack.registerMembers('M-FAULT-PG-1');
    const id = await startCase(api, 'M-FAULT-PG-1');
    // The opening is written and its notification delivered: the outbox is idle when Postgres goes away.
    await eventually(() => caseRecords(stack, id), (r) => r.eventKinds.attempt_started === 1 && r.notifications.length > 0 && r.notifications.every((n) => n.status === 'delivered'));

    await gate.cut();
    // The care team keeps working: actions are accepted by the workflow; their records wait in its outbox.
    await driveToClosure(api, id, { until: 'plan' });
    const stuck = await eventually(
      () => supervisor.expect(200, 'stuck', 'GET', '/supervisor/stuck-cases?kind=failing_activity'),
      (b) => (b.items as StuckRow[]).some((row) => row.caseId === id),
      30_000,
      500,
    );
    const row = (stuck.items as StuckRow[]).find((r) => r.caseId === id);
    expect(row?.reasons.map((r) => r.kind)).toContain('failing_activity');
    const diagnosis = await supervisor.expect(200, 'diagnosis', 'GET', `/supervisor/cases/${id}/diagnosis`);
    expect(diagnosis.workflow).toMatchObject({ flags: expect.arrayContaining(['activity_retrying']) });
    expect(diagnosis.pendingActivities).toEqual([expect.objectContaining({ activityType: 'persistCaseEvents', attempt: expect.any(Number) })]);
    expect((diagnosis.pendingActivities as { attempt: number }[])[0]!.attempt).toBeGreaterThanOrEqual(2);
    // Nothing of the outage's actions reached Postgres yet.
    expect((await caseRecords(stack, id)).eventKinds.screening_submitted).toBeUndefined();

    await gate.restore();
    // Backoff (1 s doubling) brings the next attempt within seconds; the records arrive and the flag clears.
    const resumed = await eventually(() => caseRecords(stack, id), (r) => r.eventKinds.assessment_submitted === 1, 60_000, 500);
    expect(resumed.eventKinds.screening_submitted).toBe(1);
    const cleared = await eventually(
      () => supervisor.expect(200, 'stuck', 'GET', '/supervisor/stuck-cases?kind=failing_activity'),
      (b) => !(b.items as StuckRow[]).some((r) => r.caseId === id),
      30_000,
      500,
    );
    expect((cleared.items as StuckRow[]).map((r) => r.caseId)).not.toContain(id);

    await driveToClosure(api, id, { from: 'plan' });
    await expect((await stack.temporal()).workflow.getHandle(id).result()).resolves.toMatchObject({ closureReason: 'goals_met' });
    const records = await eventually(() => caseRecords(stack, id), (r) => r.eventKinds.case_closed === 1 && r.notifications.every((n) => n.status === 'delivered'));
    expectCompleteOnce(records);
    expect(records.attempts).toEqual([{ number: 1, outcome: 'reached' }]);
  }, 180_000);
});
