import { condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/**
 * The ceiling of the throughput benchmark: a workflow that does nothing but
 * what Temporal itself costs — one start, `updates` no-op updates and
 * `activities` no-op activities, then completes.
 */
export const noopUpdate = defineUpdate<number, [number]>('noop');

const { noopActivity } = proxyActivities<{ noopActivity(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

export async function benchNoopWorkflow(updates: number, activities: number): Promise<number> {
  let received = 0;
  let ran = 0;
  setHandler(noopUpdate, (n) => {
    received += 1;
    return n;
  });
  // Activities run beside the updates, as CareLoop's outbox runs beside the care team's actions.
  const work = (async () => {
    for (; ran < activities; ran++) {
      await noopActivity();
    }
  })();
  await condition(() => received >= updates);
  await work;
  return ran;
}
