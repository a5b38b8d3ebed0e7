import { HOUR_MS } from '../duration';
import type { ReviewDecisionFact, ReviewFacts } from './measure.types';
import { parseInstant } from './instant';
import type { MeasureRun } from './measure.context';
import { outcomeOf, within, type RowScope } from './measure.tally';

/** Partial approvals count as approvals in ur_approved (and as denials of the rest in ur_denial_with_reason). */
export const APPROVED_KINDS: ReadonlySet<string> = new Set(['approved', 'partially_approved']);
/** Decisions that deny something and owe a specific reason. */
export const DENYING_KINDS: ReadonlySet<string> = new Set(['denied', 'partially_approved']);

interface Decision {
  readonly fact: ReviewDecisionFact;
  readonly decidedMs: number;
  readonly dueMs: number;
}

function decisionsOf(r: ReviewFacts): Decision[] {
  return r.decisions
    .map((fact) => ({ fact, decidedMs: parseInstant(fact.decidedAt), dueMs: parseInstant(fact.dueAt) }))
    .filter((d) => !Number.isNaN(d.decidedMs))
    .sort((a, b) => a.decidedMs - b.decidedMs);
}

function hours(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / HOUR_MS;
}

function formatHours(h: number): string {
  return `${Math.round(h * 10) / 10} h`;
}

/** The ur_* measures for one review (stratum: its urgency). */
export function reviewMeasures(r: ReviewFacts, run: MeasureRun): void {
  const receivedMs = parseInstant(r.receivedAt);
  if (Number.isNaN(receivedMs) || receivedMs > run.bounds.endMs) return;
  const scope: RowScope = { caseId: r.caseId, memberId: r.memberId, programCode: r.programCode, teamId: r.teamId };
  const decisions = decisionsOf(r);
  const initial = decisions.find((d) => d.fact.level === 'initial') ?? null;
  const stratum = r.urgency;
  const row = (d: Decision, detail: string, inNumerator: boolean, id: Parameters<MeasureRun['tally']>[0]) =>
    run.tally(id).row({ subjectId: r.reviewId, scope, outcome: outcomeOf(id, inNumerator), stratum, dueMs: d.dueMs, doneMs: d.decidedMs, detail });

  if (initial && within(initial.decidedMs, run.bounds)) {
    const kind = initial.fact.kind;
    const approved = APPROVED_KINDS.has(kind);
    const denied = kind === 'denied';
    run.tally('ur_approved').count(approved, stratum);
    row(initial, `initial decision ${kind}`, approved, 'ur_approved');
    run.tally('ur_denied').count(denied, stratum);
    row(initial, `initial decision ${kind}`, denied, 'ur_denied');
    const h = hours(receivedMs, initial.decidedMs);
    run.tally('ur_decision_time').duration(h, stratum);
    const onTime = initial.decidedMs <= initial.dueMs;
    run.tally('ur_decision_time').row({
      subjectId: r.reviewId,
      scope,
      outcome: onTime ? 'met' : 'not_met',
      stratum,
      dueMs: initial.dueMs,
      doneMs: initial.decidedMs,
      detail: `decided in ${formatHours(h)}`,
    });
  }

  for (const d of decisions) {
    if (!within(d.decidedMs, run.bounds)) continue;
    if (d.fact.level === 'appeal') {
      const approved = APPROVED_KINDS.has(d.fact.kind);
      run.tally('ur_approved_after_appeal').count(approved, stratum);
      row(d, `appeal decision ${d.fact.kind}`, approved, 'ur_approved_after_appeal');
    }
    if (DENYING_KINDS.has(d.fact.kind)) {
      const withReason = (d.fact.reason ?? '').trim() !== '';
      run.tally('ur_denial_with_reason').count(withReason, stratum);
      row(d, `${d.fact.level} decision ${d.fact.kind} ${withReason ? 'with' : 'without'} a reason`, withReason, 'ur_denial_with_reason');
    }
  }

  // The initial decision's own due is authoritative (a pend moves it); undecided: the review's current due.
  const dueMs = initial ? initial.dueMs : r.decisionDueAt === null ? Number.NaN : parseInstant(r.decisionDueAt);
  if (!Number.isNaN(dueMs) && within(dueMs, run.bounds)) {
    const late = !(initial && initial.decidedMs <= dueMs);
    run.tally('ur_decided_late').count(late, stratum);
    run.tally('ur_decided_late').row({
      subjectId: r.reviewId,
      scope,
      outcome: outcomeOf('ur_decided_late', late),
      stratum,
      dueMs,
      doneMs: initial && initial.decidedMs <= run.bounds.endMs ? initial.decidedMs : null,
      detail: !late ? 'initial decision by its due' : initial && initial.decidedMs <= run.bounds.endMs ? 'initial decision after its due' : 'no initial decision by its due',
    });
  }
}
