import { MEASURE_IDS, type MeasureId } from './measure.definitions';
import type { CaseFacts, MeasureComputation, MeasureFilter, MeasureInput } from './measure.types';
import type { MeasurePolicy } from './measure.policy';
import { caseTimeline } from './case-timeline';
import type { CaseContext, MeasureRun } from './measure.context';
import { MeasureTally, periodBounds } from './measure.tally';
import { screeningMeasures } from './screening.measures';
import { caseTaskMeasures } from './case-tasks.measures';
import { assignmentMeasures, Caseload, consentMeasure } from './assignment.measures';
import { committeeMeasure } from './committee.measures';
import { TransitionDues, transitionMeasures } from './transitions.measures';
import { reviewMeasures } from './review.measures';
import { complaintMeasures } from './complaint.measures';

export { DEFAULT_MEASURE_POLICY, type MeasurePolicy } from './measure.policy';

function matches(filter: MeasureFilter, programCode: string | null, teamId: string | null): boolean {
  return (filter.programCode === undefined || filter.programCode === programCode) && (filter.teamId === undefined || filter.teamId === teamId);
}

function caseContext(c: CaseFacts, endMs: number): CaseContext {
  return {
    caseId: c.caseId,
    scope: { caseId: c.caseId, memberId: c.memberId, programCode: c.programCode, teamId: c.teamId },
    episodes: caseTimeline(c.events, endMs),
  };
}

/**
 * Every measure of MEASURE_IDS for `input.period`, restricted by `filter`. Pure and deterministic:
 * the same input gives the same values and rows (rows ordered by measure, then due time, then id).
 * Events after the period's end are never read, so a closed period always gives the same answer.
 * One pass over each case's events; docs/reporting.md defines every measure.
 */
export function computeMeasures(input: MeasureInput, policy: MeasurePolicy, filter: MeasureFilter = {}): MeasureComputation {
  const tallies = new Map<MeasureId, MeasureTally>(MEASURE_IDS.map((id) => [id, new MeasureTally(id, id === 'contacts_on_cadence')]));
  const run: MeasureRun = { bounds: periodBounds(input.period), policy, tally: (id) => tallies.get(id)! };
  const caseload = new Caseload();

  for (const facts of input.cases) {
    if (!matches(filter, facts.programCode, facts.teamId)) continue;
    const c = caseContext(facts, run.bounds.endMs);
    screeningMeasures(c, run);
    caseTaskMeasures(c, run);
    consentMeasure(c, run);
    assignmentMeasures(c, run, caseload);
    committeeMeasure(c, run);
  }
  caseload.finish(run);

  const dues = new TransitionDues(run);
  for (const d of input.discharges) {
    if (matches(filter, d.programCode, d.teamId)) transitionMeasures(d, run, dues);
  }
  for (const r of input.reviews) {
    if (matches(filter, r.programCode, r.teamId)) reviewMeasures(r, run);
  }
  for (const c of input.complaints) {
    if (matches(filter, c.programCode, c.teamId)) complaintMeasures(c, run);
  }

  const ordered = MEASURE_IDS.map((id) => tallies.get(id)!);
  return {
    period: input.period,
    values: ordered.map((t) => t.value()),
    rows: ordered.flatMap((t) => t.sortedRows()),
  };
}

