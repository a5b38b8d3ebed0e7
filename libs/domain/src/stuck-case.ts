/**
 * Why a supervisor should look at a case (DESIGN §5). Each kind is detected
 * from what the workflows keep current in Temporal visibility; a failing
 * activity also from the notification outbox in Postgres (the worker flags a
 * case whose activity keeps retrying, and the workflow's description names it).
 */
export const STUCK_KINDS = ['overdue', 'failing_activity', 'failing_workflow_task', 'no_progress', 'unassigned'] as const;
export type StuckKind = (typeof STUCK_KINDS)[number];

/** What each kind means and what a supervisor can do about it (shown by the API and the docs). */
export const STUCK_KIND_INFO: Record<StuckKind, { readonly meaning: string; readonly remedy: string }> = {
  overdue: { meaning: 'a human step is past its due time', remedy: 'nudge the care team, extend the due date with a reason, or reassign' },
  failing_activity: { meaning: 'an activity keeps failing and retrying (e.g. the notification channel is down)', remedy: 'fix the cause, then retry now' },
  failing_workflow_task: { meaning: 'the workflow itself cannot progress (a bug or non-determinism)', remedy: 'deploy a fix, or reset the workflow to its last good point (docs/operations.md)' },
  no_progress: { meaning: 'nothing has been recorded for longer than the policy allows', remedy: 'nudge the care team or reassign' },
  unassigned: { meaning: 'a high or medium risk case has no named care manager', remedy: 'reassign to a care manager with capacity (or override the cap with a reason)' },
};

/** The visibility fields of one case that detection reads (all non-PHI). */
export interface StuckSignals {
  readonly nextDueAt: string | null;
  readonly nextDueKind: string | null;
  readonly stalledAt: string | null;
  readonly flags: readonly string[];
  /** Values of the server's TemporalReportedProblems attribute, e.g. `category=WorkflowTaskFailed`. */
  readonly reportedProblems: readonly string[];
  /** Failed deliveries recorded in the outbox for this case, if any. */
  readonly failingNotifications?: { readonly count: number; readonly attempts: number; readonly lastError: string | null; readonly since: string };
  readonly lastProgressAt: string | null;
}

export interface StuckReason {
  readonly kind: StuckKind;
  /** Since when the case has been stuck this way (ISO), when known. */
  readonly since: string | null;
  /** PHI-free explanation: task kinds, counts, times, error codes. */
  readonly detail: string;
}

/**
 * Every reason a case is stuck at `now`. `overdueByMs` is the supervisor's
 * "overdue by more than" filter (0: anything past due).
 */
export function stuckReasons(s: StuckSignals, now: string, overdueByMs = 0): StuckReason[] {
  const reasons: StuckReason[] = [];
  const nowMs = Date.parse(now);
  if (s.nextDueAt !== null && Date.parse(s.nextDueAt) < nowMs - overdueByMs) {
    reasons.push({ kind: 'overdue', since: s.nextDueAt, detail: `${s.nextDueKind ?? 'task'} overdue by ${formatAge(nowMs - Date.parse(s.nextDueAt))}` });
  }
  if (s.failingNotifications && s.failingNotifications.count > 0) {
    const f = s.failingNotifications;
    reasons.push({
      kind: 'failing_activity',
      since: f.since,
      detail: `${f.count} notification(s) failing, ${f.attempts} attempt(s)${f.lastError ? `; last error: ${f.lastError}` : ''}`,
    });
  }
  if (s.flags.includes('activity_retrying') && !reasons.some((r) => r.kind === 'failing_activity')) {
    reasons.push({ kind: 'failing_activity', since: null, detail: 'an activity keeps failing and retrying (the diagnosis names it and its attempts)' });
  }
  const problems = s.reportedProblems.filter((p) => p.startsWith('category='));
  if (problems.length) {
    reasons.push({ kind: 'failing_workflow_task', since: null, detail: s.reportedProblems.join('; ') });
  }
  if (s.stalledAt !== null && Date.parse(s.stalledAt) <= nowMs) {
    reasons.push({ kind: 'no_progress', since: s.lastProgressAt, detail: `nothing recorded since ${s.lastProgressAt ?? 'the start'}` });
  }
  if (s.flags.includes('unassigned')) {
    reasons.push({ kind: 'unassigned', since: null, detail: 'no care manager had capacity' });
  }
  return reasons;
}

function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) {
    return `${Math.max(minutes, 0)}m`;
  }
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours}h` : `${Math.floor(hours / 24)}d`;
}

/** One row of the stuck-case list (`GET /supervisor/stuck-cases`): PHI-free ids, codes and times only. */
export interface StuckCaseRow {
  readonly caseId: string;
  readonly programCode: string | null;
  readonly phase: string | null;
  readonly step: string | null;
  readonly riskTier: string | null;
  readonly careManagerId: string | null;
  /** Every reason the case is stuck, each with since when and a PHI-free detail. */
  readonly reasons: readonly StuckReason[];
  /** The earliest `since` among the reasons, when known. */
  readonly stuckSince: string | null;
  readonly nextDue: { readonly kind: string | null; readonly dueAt: string } | null;
  readonly lastProgressAt: string | null;
}
