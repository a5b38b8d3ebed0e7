import type { ComplaintFacts } from './measure.types';
import { parseInstant } from './instant';
import type { MeasureRun } from './measure.context';
import { outcomeOf, within } from './measure.tally';

function parse(at: string | null): number | null {
  if (at === null) return null;
  const ms = parseInstant(at);
  return Number.isNaN(ms) ? null : ms;
}

/** complaint_acknowledged_on_time and complaint_resolved_on_time for one complaint. */
export function complaintMeasures(c: ComplaintFacts, run: MeasureRun): void {
  const scope = { caseId: c.caseId, memberId: c.memberId, programCode: c.programCode, teamId: c.teamId };
  const steps = [
    { id: 'complaint_acknowledged_on_time', byMs: parse(c.acknowledgeBy), doneMs: parse(c.acknowledgedAt), word: 'acknowledged' },
    { id: 'complaint_resolved_on_time', byMs: parse(c.resolveBy), doneMs: parse(c.resolvedAt), word: 'resolved' },
  ] as const;
  for (const step of steps) {
    if (step.byMs === null || !within(step.byMs, run.bounds)) continue;
    const done = step.doneMs !== null && step.doneMs <= run.bounds.endMs ? step.doneMs : null;
    const onTime = done !== null && done <= step.byMs;
    run.tally(step.id).count(onTime);
    run.tally(step.id).row({
      subjectId: c.complaintId,
      scope,
      outcome: outcomeOf(step.id, onTime),
      dueMs: step.byMs,
      doneMs: done,
      detail: onTime ? `${step.word} within the window` : done !== null ? `${step.word} after the window` : `not ${step.word}`,
    });
  }
}
