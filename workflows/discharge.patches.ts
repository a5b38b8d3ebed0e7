/**
 * Every `patched()` id of the discharge workflow. A run records each marker when it starts, so a run
 * started before a change replays with the behaviour it had (histories under test/replay/histories).
 */
export const DISCHARGE_PATCH_IDS = {
  /** A task's done report carries the recorded completion time (issue 18: the transition-of-care measures). */
  doneAtCompletionTime: 'discharge-done-at-completion-time',
} as const;
