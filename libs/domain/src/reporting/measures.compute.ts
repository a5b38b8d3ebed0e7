import { MEASURE_IDS, type MeasureId } from './measure.definitions';
import type { CaseFacts, MeasureComputation, MeasureFilter, MeasureInput } from './measure.types';
import type { MeasurePolicy } from './measure.policy';
import { caseTimeline } from './case-timeline';
import type { CaseContext, MeasureRun } from './measure.context';
import { MeasureTally, periodBounds } from './measure.tally';
import { ScreeningDeadlines, screeningMeasures } from './screening.measures';
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

/** What a caller needs besides the values (all optional: by default every row of every measure). */
export interface MeasureOptions {
  /**
   * The drill-down rows to build: true (all, the default), false (none: snapshots and the summary
   * only need values), or the measures whose rows are wanted (a members list). Values are the same
   * either way; leaving rows out saves most of the time and memory of a long period.
   */
  readonly rows?: boolean | readonly MeasureId[];
}

/**
 * Every measure of MEASURE_IDS for `input.period`, restricted by `filter`. Pure and deterministic:
 * the same input gives the same values and rows (rows ordered by measure, then due time, then id).
 * Events after the period's end are never read, so a closed period always gives the same answer.
 * One pass over each case's events; docs/reporting.md defines every measure.
 */
export function computeMeasures(input: MeasureInput, policy: MeasurePolicy, filter: MeasureFilter = {}, options: MeasureOptions = {}): MeasureComputation {
  const wanted = options.rows ?? true;
  const keepsRows = (id: MeasureId) => (typeof wanted === 'boolean' ? wanted : wanted.includes(id));
  const tallies = new Map<MeasureId, MeasureTally>(MEASURE_IDS.map((id) => [id, new MeasureTally(id, id === 'contacts_on_cadence', keepsRows(id))]));
  const run: MeasureRun = { bounds: periodBounds(input.period), policy, tally: (id) => tallies.get(id)! };
  const caseload = new Caseload();
  const deadlines = new ScreeningDeadlines(run);

  for (const facts of input.cases) {
    if (!matches(filter, facts.programCode, facts.teamId)) continue;
    const c = caseContext(facts, run.bounds.endMs);
    screeningMeasures(c, run, deadlines);
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

