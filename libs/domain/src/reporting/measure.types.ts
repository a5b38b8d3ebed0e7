import type { MeasureId } from './measure.definitions';
import type { TransitionTask } from '../transition-of-care';

/**
 * A reporting period: the half-open interval (start, end] of ISO instants (UTC). A measure counts an
 * item in the period that holds its due instant (or, for decisions and states, the instant it
 * counts at), so the periods of a year partition its items: daily snapshots sum to the month, and a
 * closed period is reproducible, because every event that can decide an item is at or before its
 * due instant, which is at or before the period's end. `end` is exclusive of nothing after it:
 * events `at > end` are never read.
 */
export interface ReportPeriod {
  readonly start: string;
  readonly end: string;
}

/** One row of case_events as recorded (data as stored; the engine reads only the fields it needs). */
export interface CaseEventFact {
  readonly episodeId: string;
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A case and its timeline (all episodes, ordered by at, then seq). */
export interface CaseFacts {
  readonly caseId: string;
  readonly memberId: string | null;
  readonly programCode: string;
  readonly teamId: string | null;
  readonly events: readonly CaseEventFact[];
}

/** A discharge (discharge_events) and when each transition-of-care task was done (null: not done). */
export interface DischargeFacts {
  readonly dischargeId: string;
  readonly caseId: string;
  readonly memberId: string | null;
  readonly programCode: string;
  readonly teamId: string | null;
  readonly dischargedAt: string;
  readonly cancelledAt: string | null;
  readonly tasks: Readonly<Partial<Record<TransitionTask, { readonly doneAt: string | null }>>>;
}

export interface ReviewDecisionFact {
  readonly level: 'initial' | 'appeal';
  readonly kind: string;
  readonly reason: string | null;
  readonly decidedAt: string;
  readonly dueAt: string;
  readonly onTime: boolean;
}

/** A utilization review (utilization_reviews) with its decisions (utilization_review_decisions). */
export interface ReviewFacts {
  readonly reviewId: string;
  readonly caseId: string | null;
  readonly memberId: string | null;
  readonly programCode: string | null;
  readonly teamId: string | null;
  readonly urgency: 'standard' | 'expedited';
  readonly receivedAt: string;
  /** The initial decision's due time (null while pended for information, if the clock is stopped). */
  readonly decisionDueAt: string | null;
  readonly status: string;
  readonly decisions: readonly ReviewDecisionFact[];
}

/** A complaint (complaints row and its view). */
export interface ComplaintFacts {
  readonly complaintId: string;
  readonly caseId: string | null;
  readonly memberId: string | null;
  readonly programCode: string | null;
  readonly teamId: string | null;
  readonly receivedAt: string;
  readonly acknowledgeBy: string;
  readonly acknowledgedAt: string | null;
  readonly resolveBy: string;
  readonly resolvedAt: string | null;
}

/** Everything a report reads for a period (the loader may pass more; the engine filters by time). */
export interface MeasureInput {
  readonly period: ReportPeriod;
  readonly cases: readonly CaseFacts[];
  readonly discharges: readonly DischargeFacts[];
  readonly reviews: readonly ReviewFacts[];
  readonly complaints: readonly ComplaintFacts[];
}

/** Restricts a report to a program and/or team (an item without a case has the program/team it was filed under, or none). */
export interface MeasureFilter {
  readonly programCode?: string;
  readonly teamId?: string;
}

export interface MeasureStratum {
  readonly code: string;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator (mean hours for a duration); null when the denominator is 0. */
  readonly value: number | null;
  /** Durations only. */
  readonly median: number | null;
}

export interface MeasureValue {
  readonly measureId: MeasureId;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator: a share, a ratio, or (duration) mean hours; null when the denominator is 0. */
  readonly value: number | null;
  /** Durations only: the median hours; null otherwise or when there is nothing to measure. */
  readonly median: number | null;
  readonly strata: readonly MeasureStratum[];
  /** Whether the value meets its definition's target; null without a target or a value. */
  readonly meetsTarget: boolean | null;
}

export type MeasureOutcome = 'met' | 'not_met' | 'excluded';

/**
 * One subject of a measure in the period: the drill-down (care-gap) list. PHI-free by construction:
 * ids, codes, times and counts only; `detail` is written by the engine from codes (e.g. "3 attempts:
 * no_answer, voicemail, no_answer"), never from notes.
 */
export interface MeasureRow {
  readonly measureId: MeasureId;
  /** The case, discharge, review, complaint or care-manager id (MeasureDefinition.subject). */
  readonly subjectId: string;
  readonly caseId: string | null;
  readonly memberId: string | null;
  readonly programCode: string | null;
  readonly teamId: string | null;
  readonly outcome: MeasureOutcome;
  /** The stratum the row counts in (e.g. `expedited`, `late`), or null. */
  readonly stratum: string | null;
  readonly dueAt: string | null;
  readonly doneAt: string | null;
  readonly detail: string;
}

export interface MeasureComputation {
  readonly period: ReportPeriod;
  readonly values: readonly MeasureValue[];
  readonly rows: readonly MeasureRow[];
}

/**
 * Where a report's facts come from (libs/persistence MeasureFactsRepository reads Postgres). It may
 * return more than the period needs (the engine filters by time) but never events after `period.end`.
 */
export interface MeasureFactsReader {
  read(period: ReportPeriod, filter: MeasureFilter): Promise<MeasureInput>;
}
