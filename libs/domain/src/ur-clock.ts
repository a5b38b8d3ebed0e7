/**
 * The decision clock of a utilization review.
 *
 * Rule (docs/utilization-review.md): the clock starts when the request is
 * received and counts the policy's decision window (72 h expedited, 7
 * calendar days standard). While the request is pended for information the
 * provider must supply, the clock stops: time the plan waits on the
 * provider does not count against the plan (tolling, as in
 * 29 CFR 2560.503-1(f)(2)(iii)). It restarts, with the time that was left,
 * when the information arrives or the provider's window ends. Times are
 * ISO strings; functions are pure (the workflow passes workflow time).
 */
export interface DecisionClock {
  /** The whole decision window (ms). */
  readonly budgetMs: number;
  /** Time counted before the current run (ms). */
  readonly usedMs: number;
  /** When the clock last started; null while stopped. */
  readonly runningSince: string | null;
}

export function startClock(budgetMs: number, now: string): DecisionClock {
  return { budgetMs, usedMs: 0, runningSince: now };
}

export function stopClock(clock: DecisionClock, now: string): DecisionClock {
  if (clock.runningSince === null) {
    return clock;
  }
  return { ...clock, usedMs: clock.usedMs + Math.max(0, Date.parse(now) - Date.parse(clock.runningSince)), runningSince: null };
}

export function restartClock(clock: DecisionClock, now: string): DecisionClock {
  return clock.runningSince === null ? { ...clock, runningSince: now } : clock;
}

/** The decision deadline while the clock runs; null while it is stopped. */
export function clockDueAt(clock: DecisionClock): string | null {
  if (clock.runningSince === null) {
    return null;
  }
  return new Date(Date.parse(clock.runningSince) + clock.budgetMs - clock.usedMs).toISOString();
}

/** Time left of the window at `now` (never negative). */
export function clockRemainingMs(clock: DecisionClock, now: string): number {
  const running = clock.runningSince === null ? 0 : Math.max(0, Date.parse(now) - Date.parse(clock.runningSince));
  return Math.max(0, clock.budgetMs - clock.usedMs - running);
}

/** When to warn the supervisor: `leadMs` before the deadline (not before the clock started). */
export function escalationDueAt(clock: DecisionClock, leadMs: number): string | null {
  const due = clockDueAt(clock);
  if (due === null) {
    return null;
  }
  const at = Date.parse(due) - leadMs;
  return new Date(Math.max(at, Date.parse(clock.runningSince!))).toISOString();
}
