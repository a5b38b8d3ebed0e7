import { condition } from '@temporalio/workflow';
import { workflowNow } from './workflow-time';

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
