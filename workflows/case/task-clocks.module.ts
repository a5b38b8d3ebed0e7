import { CASE_CLOCKS, reminderAt, reminderLeadMs, type CaseClockSubject } from '@careloop/domain';
import { SYSTEM_ACTOR, caseWorkItemId, clockOfTask, escalationWorkItemId, type CaseTask } from '@careloop/contracts';
import { sleep } from '@temporalio/workflow';
import { msUntil, nowIso } from '../shared/workflow-time';
import type { CaseKernel } from './kernel/case.kernel';
import type { LifecycleClock } from './kernel/lifecycle-clock';

/** The virtual task key of clock C2 (no task exists before the member is reached). */
export const SCREENING_DEADLINE_KEY = 'screening-deadline';

/**
 * One running clock: an open task's due time (C1, C3–C12), or the screening deadline while the member
 * is not yet reached (C2). Marks live on the task (`remindedAt`, `missedAt`) or on `rec.screeningClock`.
 */
interface ClockEntry {
  readonly key: string;
  readonly subject: CaseClockSubject;
  readonly task: CaseTask | null;
  readonly openedAt: string;
  readonly dueAt: string;
  readonly remindedAt: string | undefined;
  readonly missedAt: string | undefined;
}

/**
 * The clocks of the case (CASE_CLOCKS, docs/lifecycle.md "Clocks"), since the task-clocks patch: a loop
 * beside the lifecycle's phases, so a clock fires whatever phase the case is in. Ahead of each due time
 * the owner is reminded (the policy's lead time); at the due time, work not done is missed: a
 * `task_missed` event (the work item projection opens the supervisor's escalation item) and the
 * supervisor's notice. A suspended task (pause) has no running clock. Ends with the run (closure or
 * continue-as-new); the next run starts it again from the carried marks.
 */
export async function runTaskClocks(k: CaseKernel, clock: LifecycleClock): Promise<void> {
  if (k.behaviour.clockTimersKept) {
    return runKeepingTimers(k, clock);
  }
  while (clock.mayAct) {
    const wakeAt = nextClockAt(k);
    const changed = await clock.waitFor(() => nextClockAt(k) !== wakeAt, wakeAt ?? undefined);
    if (!changed && clock.mayAct) {
      fireClocks(k, nowIso());
    }
  }
}

/**
 * The loop since the clock-timers-kept patch: one timer per wake time, never cancelled. When the next
 * wake moves (work done, a new due time, a pause) a timer is started for the new time if none runs for
 * it; a timer no longer needed fires later and finds nothing due. So no workflow task of the clocks
 * ever cancels a timer that may have fired meanwhile (see `CaseBehaviour.clockTimersKept`).
 */
async function runKeepingTimers(k: CaseKernel, clock: LifecycleClock): Promise<void> {
  const armed = new Set<string>();
  let woke = false;
  while (clock.mayAct) {
    const wakeAt = nextClockAt(k);
    if (wakeAt !== null && !armed.has(wakeAt)) {
      const ms = msUntil(wakeAt);
      if (ms > 0) {
        armed.add(wakeAt);
        sleep(ms).then(
          () => {
            armed.delete(wakeAt);
            woke = true;
          },
          () => armed.delete(wakeAt),
        );
      } else {
        woke = true;
      }
    }
    await clock.waitFor(() => woke || nextClockAt(k) !== wakeAt);
    if (woke && clock.mayAct) {
      woke = false;
      fireClocks(k, nowIso());
    }
  }
}

function entries(k: CaseKernel): ClockEntry[] {
  const out: ClockEntry[] = k.rec.tasks
    .filter((t) => t.suspendedAt === undefined)
    .map((t) => ({ key: t.key, subject: clockOfTask(t.kind).subject, task: t, openedAt: t.openedAt, dueAt: t.dueAt, remindedAt: t.remindedAt, missedAt: t.missedAt }));
  if (screeningDeadlineRuns(k)) {
    const marks = k.rec.screeningClock ?? {};
    out.push({ key: SCREENING_DEADLINE_KEY, subject: 'screening_deadline', task: null, openedAt: k.rec.openedAt, dueAt: k.screeningDueAt, remindedAt: marks.remindedAt, missedAt: marks.missedAt });
  }
  return out;
}

/** C2 runs from the opening until the member is reached (regulatory: it keeps running while paused or parked). */
function screeningDeadlineRuns(k: CaseKernel): boolean {
  return k.phase === 'screening' && k.rec.screeningReachedAt === null;
}

function remindTime(k: CaseKernel, e: ClockEntry): string {
  return reminderAt(e.openedAt, e.dueAt, reminderLeadMs(k.policy, e.subject));
}

/** The earliest time a clock must act: a reminder not yet sent, or a due time not yet missed. Null: no clock runs. */
export function nextClockAt(k: CaseKernel): string | null {
  let next: string | null = null;
  for (const e of entries(k)) {
    const at = e.missedAt !== undefined ? null : e.remindedAt === undefined ? remindTime(k, e) : e.dueAt;
    if (at !== null && (next === null || at < next)) next = at;
  }
  return next;
}

/** Acts on every clock due by `now`: reminders first, then misses (a clock past its due time is missed without a late reminder). */
export function fireClocks(k: CaseKernel, now: string): void {
  for (const e of entries(k)) {
    if (e.missedAt !== undefined) continue;
    if (now >= e.dueAt) {
      missClock(k, e, now);
    } else if (e.remindedAt === undefined && now >= remindTime(k, e)) {
      remindClock(k, e, now);
    }
  }
}

function remindClock(k: CaseKernel, e: ClockEntry, now: string): void {
  const info = CASE_CLOCKS[e.subject];
  if (e.task) e.task.remindedAt = now;
  else k.rec.screeningClock = { ...k.rec.screeningClock, remindedAt: now };
  k.emit(now, SYSTEM_ACTOR, `${info.id} reminder: ${e.key} due ${e.dueAt}`, { kind: 'task_reminded', key: e.key, clock: info.id, dueAt: e.dueAt });
  k.notify(now, {
    key: k.episodeKey(e.key, 'reminder', Date.parse(e.dueAt)),
    audience: info.owner,
    template: 'task_reminder',
    params: clockParams(k, e, caseWorkItemId(k.caseId, k.episodeId, e.key)),
  });
}

function missClock(k: CaseKernel, e: ClockEntry, now: string): void {
  const info = CASE_CLOCKS[e.subject];
  if (e.task) e.task.missedAt = now;
  else k.rec.screeningClock = { ...k.rec.screeningClock, missedAt: now };
  k.emit(now, SYSTEM_ACTOR, `${info.id} missed: ${e.key} was due ${e.dueAt}; escalated to the supervisor`, {
    kind: 'task_missed',
    key: e.key,
    clock: info.id,
    taskKind: e.task?.kind ?? null,
    dueAt: e.dueAt,
  });
  k.notify(now, {
    key: k.episodeKey(e.key, 'missed', Date.parse(e.dueAt)),
    audience: 'supervisor',
    template: 'task_missed',
    params: clockParams(k, e, escalationWorkItemId(k.caseId, k.episodeId, e.key)),
  });
}

function clockParams(k: CaseKernel, e: ClockEntry, workItemId: string) {
  return { taskKey: e.key, clock: CASE_CLOCKS[e.subject].id, subject: e.subject, dueAt: e.dueAt, workItemId, careManagerId: k.rec.careManagerId };
}

/**
 * A rule is about to end a clock's work at its due time (an attempt timing out, the screening deadline
 * closing or parking the case): the clock's miss comes first, whichever timer the workflow ran first.
 */
export function missDueClocks(k: CaseKernel, now: string): void {
  if (!k.behaviour.taskClocks) return;
  for (const e of entries(k)) {
    if (e.missedAt === undefined && now >= e.dueAt) missClock(k, e, now);
  }
}
