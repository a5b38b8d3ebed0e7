import type { MeasureId } from './measure.definitions';
import type { TaskInstance } from './case-timeline';
import type { CaseContext, MeasureRun } from './measure.context';
import { outcomeOf, within, type MeasureTally } from './measure.tally';

/** How a task with a due in the period ended, judged at its due (docs/reporting.md "Case tasks"). */
export type TaskVerdict = 'on_time' | 'late' | 'missed' | 'excluded';

/**
 * on_time: closed `done` at or before the due; excluded: closed `cancelled` at or before the due
 * (the case closed, or the work was no longer owed); late: closed `done` after the due (by the
 * period's end, since no later event is read); missed: anything else (still open, timed out,
 * cancelled once overdue).
 */
export function taskVerdict(task: TaskInstance): TaskVerdict {
  const due = task.dueMs!;
  if (task.closedMs !== null && task.closedMs <= due) {
    if (task.resolution === 'done') return 'on_time';
    if (task.resolution === 'cancelled') return 'excluded';
    return 'missed';
  }
  return task.resolution === 'done' ? 'late' : 'missed';
}

function verdictDetail(task: TaskInstance, verdict: TaskVerdict): string {
  switch (verdict) {
    case 'on_time':
      return `task ${task.key} done by its due`;
    case 'late':
      return `task ${task.key} done after its due`;
    case 'excluded':
      return `task ${task.key} cancelled before its due`;
    case 'missed':
      return task.resolution === null ? `task ${task.key} not done` : `task ${task.key} ${task.resolution}, not done by its due`;
  }
}

/**
 * The tasks of `taskKind` whose due lies in the period, judged once each. Suspended tasks (a paused
 * member) have no due and are not counted; a resumed one counts at its new due.
 */
export function forEachDueTask(c: CaseContext, run: MeasureRun, taskKind: string, each: (task: TaskInstance, verdict: TaskVerdict) => void): void {
  for (const episode of c.episodes) {
    for (const task of episode.tasks) {
      if (task.kind !== taskKind || task.dueMs === null || !within(task.dueMs, run.bounds)) continue;
      each(task, taskVerdict(task));
    }
  }
}

/** A proportion over one task kind: numerator on_time, cancelled-before-due excluded. */
export function taskOnTimeMeasure(c: CaseContext, run: MeasureRun, measureId: MeasureId, taskKind: string): void {
  const tally: MeasureTally = run.tally(measureId);
  forEachDueTask(c, run, taskKind, (task, verdict) => {
    const onTime = verdict === 'on_time';
    if (verdict !== 'excluded') tally.count(onTime);
    tally.row({
      subjectId: c.caseId,
      scope: c.scope,
      outcome: verdict === 'excluded' ? 'excluded' : outcomeOf(measureId, onTime),
      dueMs: task.dueMs,
      doneMs: task.resolution === 'done' ? task.closedMs : null,
      detail: verdictDetail(task, verdict),
    });
  });
}

/** contacts_on_cadence: contact tasks, stratified on_time / late / missed. */
export function contactMeasure(c: CaseContext, run: MeasureRun): void {
  const tally = run.tally('contacts_on_cadence');
  forEachDueTask(c, run, 'contact', (task, verdict) => {
    if (verdict !== 'excluded') tally.categorize(verdict === 'on_time', verdict);
    tally.row({
      subjectId: c.caseId,
      scope: c.scope,
      outcome: verdict === 'excluded' ? 'excluded' : outcomeOf('contacts_on_cadence', verdict === 'on_time'),
      stratum: verdict === 'excluded' ? null : verdict,
      dueMs: task.dueMs,
      doneMs: task.resolution === 'done' ? task.closedMs : null,
      detail: verdictDetail(task, verdict),
    });
  });
}

/** assessment_on_time, care_plan_on_time and contacts_on_cadence. */
export function caseTaskMeasures(c: CaseContext, run: MeasureRun): void {
  taskOnTimeMeasure(c, run, 'assessment_on_time', 'assessment');
  taskOnTimeMeasure(c, run, 'care_plan_on_time', 'care_plan');
  contactMeasure(c, run);
}
