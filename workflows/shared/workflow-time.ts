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

/** The current workflow time as an ISO instant (what the state classes take as `now`). */
export function nowIso(): string {
  return workflowNow().toISOString();
}

/** Milliseconds from now until `iso`, never negative. */
export function msUntil(iso: string): number {
  return Math.max(0, Date.parse(iso) - workflowNow().getTime());
}

/**
 * Waits until `done()` or the time `until` (ISO; null: no time limit).
 * Returns whether it ended by the condition rather than the time; a time
 * already passed returns `done()` at once, without a timer.
 *
 * Replay: the shape of this function (an async function returning the
 * condition's promise) is part of when its caller resumes within a workflow
 * task; keep it as it is.
 */
export async function waitUntil(done: () => boolean, until: string | null): Promise<boolean> {
  if (until === null) {
    await condition(done);
    return true;
  }
  const ms = msUntil(until);
  return ms > 0 ? condition(done, ms) : done();
}
