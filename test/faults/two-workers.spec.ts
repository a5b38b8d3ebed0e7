import { FaultStack } from '../support/fault-stack.harness';
import { caseRecords, expectCompleteOnce } from '../support/case-records.check';
import { eventually } from '../support/eventually';
import { USERS } from '../support/auth';
import { runCase } from '../../scripts/load/case-lifecycle.driver';

/**
 * Two worker processes on one task queue; one is killed (SIGKILL) while
 * cases are in the middle of their lifecycle. The survivor picks up every
 * case (sticky caches are lost with the process; the server re-dispatches
 * their workflow tasks to the normal queue) and none stalls.
 */
describe('two workers on one task queue, one killed mid-run', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await FaultStack.start('two-workers');
    await stack.startApi();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('every case finishes, each record once', async () => {
    const [doomed, survivor] = await Promise.all([stack.startWorker(), stack.startWorker()]);
    const api = stack.client(USERS.admin, 60_000);
    await stack.registerMembers(...Array.from({ length: 8 }, (_, i) => `M-FAULT-TWO-${i}`));
    let killed: Promise<void> | undefined;
    const started = performance.now();
    const ids = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runCase(api, `M-FAULT-TWO-${i}`, {
          // The third case to reach its plan kills one worker while the others are at various steps.
          before: async (action) => {
            if (action === 'plan' && !killed && ++plansReached === 3) {
              killed = doomed.kill('SIGKILL');
            }
          },
        }),
      ),
    );
    await killed;
    expect(doomed.running).toBe(false);
    expect(survivor.running).toBe(true);
    const temporal = await stack.temporal();
    for (const id of ids) {
      await expect(temporal.workflow.getHandle(id).result()).resolves.toMatchObject({ closureReason: 'goals_met' });
    }
    // Bounded: losing a worker costs the sticky-queue timeout (seconds), not a stall.
    expect(performance.now() - started).toBeLessThan(120_000);
    for (const id of ids) {
      const records = await eventually(() => caseRecords(stack, id), (r) => r.eventKinds.case_closed === 1 && r.notifications.every((n) => n.status === 'delivered'));
      expectCompleteOnce(records);
      expect(records.attempts).toEqual([{ number: 1, outcome: 'reached' }]);
    }
  }, 180_000);
});

let plansReached = 0;
