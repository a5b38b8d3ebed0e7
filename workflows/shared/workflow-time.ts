import { condition } from '@temporalio/workflow';

/**
 * The current workflow time. Inside the Temporal sandbox `Date` is replaced
 * by a deterministic clock (the time of the current workflow task), so this
 * is replay-safe; calling it makes that intent explicit where `Date.now()`
 * would look like a wall-clock read.
 */
export function workflowNow(): Date {
  return new Date();
}

export function nowIso(): string {
  return workflowNow().toISOString();
}

/**
 * Waits until `done()` or the time `until` (ISO; null: no time limit).
 * Returns whether it ended by the condition rather than the time.
 */
export async function waitUntil(done: () => boolean, until: string | null): Promise<boolean> {
  if (until === null) {
    await condition(done);
    return true;
  }
  const ms = Date.parse(until) - workflowNow().getTime();
  return ms > 0 ? condition(done, ms) : done();
}
