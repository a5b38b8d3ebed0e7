import { condition, defineUpdate, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The ceiling of the throughput benchmark: a workflow that does nothing but
 * what Temporal itself costs — one start, `updates` no-op updates and
 * `activities` no-op activities, then completes. With `upserts` > 0 it also
 * upserts search attributes that many times (at the start, on each update,
 * after activities: spread over workflow tasks as CareLoop's are), a
 * diagnostic of how much of CareLoop's cost is the visibility its
 * supervisors query.
 */
export const noopUpdate = defineUpdate<number, [number]>('noop');

// Two of CareLoop's registered attributes (the benchmark's dev server registers them).
const PROGRESS = defineSearchAttributeKey('CareLoopLastProgressAt', SearchAttributeType.DATETIME);
const STEP = defineSearchAttributeKey('CareLoopStep', SearchAttributeType.KEYWORD);

const { noopActivity } = proxyActivities<{ noopActivity(): Promise<void> }>({ startToCloseTimeout: '30 seconds' });

export async function benchNoopWorkflow(updates: number, activities: number, upserts = 0): Promise<number> {
  let received = 0;
  let ran = 0;
  let upserted = 0;
  const upsert = () => {
    if (upserted < upserts) {
      upserted += 1;
      upsertSearchAttributes([
        { key: PROGRESS, value: new Date(workflowInfo().startTime.getTime() + upserted) },
        { key: STEP, value: `step-${upserted}` },
      ]);
    }
  };
  upsert();
  setHandler(noopUpdate, (n) => {
    received += 1;
    upsert();
    return n;
  });
  // Activities run beside the updates, as CareLoop's outbox runs beside the care team's actions.
  const work = (async () => {
    for (; ran < activities; ran++) {
      await noopActivity();
      upsert();
    }
  })();
  await condition(() => received >= updates);
  await work;
  while (upserted < upserts) {
    upsert();
  }
  return ran;
}
