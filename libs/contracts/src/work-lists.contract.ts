import type { DischargeEvent, TransitionTask } from '@careloop/domain';
import type { ComplaintView } from './complaint.contract';
import type { DischargeStatus, TransitionTaskStatus } from './discharge.contract';
import type { ProviderRequestView } from './case-provider.messages';
import type { UtilizationReviewView } from './utilization-review.contract';

/**
 * The lists of work that has no worklist of its own (issue 17): discharges,
 * the utilization reviewer's queue, complaints, stop-participation decisions.
 * Each is read from Postgres (the workflows' read models), never by asking a
 * workflow per row; the pages of one item still read the workflow.
 */

/**
 * What the discharge workflow reports to the case timeline (`external_event_recorded`,
 * `reference` = the discharge id, `key` = `<discharge id>:<task>:<step>`): the discharge
 * list reads task outcomes from these. Must stay the workflow's `report(…)` kinds
 * (workflows/discharge.state.ts).
 */
export const DISCHARGE_REPORT_KINDS = {
  reported: 'discharge_reported',
  done: 'transition_task_done',
  missed: 'transition_task_missed',
  escalated: 'transition_task_escalated',
} as const;

/** One transition-of-care task as the discharge list shows it. */
export interface DischargeListTask {
  readonly task: TransitionTask;
  /** As recorded on the case timeline: `open` until the workflow reported it done, missed or escalated. */
  readonly status: TransitionTaskStatus;
  /** The deadline, from the discharge time and the program's transition-of-care policy. */
  readonly dueAt: string;
  /** When an open (missed) task goes to the supervisor. */
  readonly escalateAt: string;
  /** Past its deadline and not done (the discharge not cancelled). */
  readonly overdue: boolean;
}

export interface DischargeListItem {
  readonly dischargeId: string;
  readonly caseId: string;
  readonly programCode: string;
  readonly format: DischargeEvent['format'];
  readonly dischargedAt: string;
  readonly status: DischargeStatus;
  /** The case's team and care manager (null: not known, or unassigned). */
  readonly teamId: string | null;
  readonly careManagerId: string | null;
  readonly cancelledAt: string | null;
  readonly overdue: boolean;
  readonly tasks: readonly DischargeListTask[];
}

/** The decision clock of a review (seed 004: standard 7 days, expedited 72 hours; appeals their own window). */
export interface DecisionClock {
  /** The deadline while the clock runs; null while pended (stopped). */
  readonly dueAt: string | null;
  /** The window this deadline was counted with (policy: decision or appeal decision, by urgency). */
  readonly windowMs: number;
  readonly stopped: boolean;
  /** Time left now (running clock), or when it was stopped (pended); negative: overdue by that much. */
  readonly remainingMs: number;
  readonly overdue: boolean;
}

export interface UtilizationReviewListItem extends UtilizationReviewView {
  readonly clock: DecisionClock;
}

export interface ComplaintListItem extends ComplaintView {
  /** Not acknowledged and past acknowledgeBy. */
  readonly acknowledgementOverdue: boolean;
  /** Not resolved and past resolveBy. */
  readonly resolutionOverdue: boolean;
  readonly overdue: boolean;
}

/** A provider's open request that the patient stop participating, awaiting the supervisor's decision. */
export interface StopParticipationListItem extends Pick<ProviderRequestView, 'requestId' | 'receivedAt'> {
  /** The requesting provider (null only if the request's event is not in the read model). */
  readonly providerId: string | null;
  readonly caseId: string;
  readonly programCode: string;
  readonly teamId: string | null;
  readonly careManagerId: string | null;
  /** The supervisor's decision is due by then (case task stop_participation_review). */
  readonly decisionDueAt: string;
  readonly overdue: boolean;
}

export interface ListPage<T> {
  readonly items: readonly T[];
  /** Pass as ?cursor= for the next page; null on the last page. */
  readonly nextCursor: string | null;
}
