/**
 * The current workflow time. Inside the Temporal sandbox `Date` is replaced
 * by a deterministic clock (the time of the current workflow task), so this
 * is replay-safe; calling it makes that intent explicit where `Date.now()`
 * would look like a wall-clock read.
 */
export function workflowNow(): Date {
  return new Date();
}
