import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ReviewPolicy, TreatmentRequest, UrDecision, UrDocument, UrRequiredItem, UrUrgency } from '@careloop/domain';

/** Workflow type name, shared by the API (starts it) and the worker (registers it). */
export const UTILIZATION_REVIEW_WORKFLOW_TYPE = 'utilizationReviewWorkflow';

/** Input of a utilization review; carries PHI (member, justification), so it travels only in encrypted payloads. */
export interface UtilizationReviewInput {
  readonly providerId: string;
  readonly memberRef: string;
  readonly programCode: string | null;
  /** The member's open case, when there is one: the review shows on its timeline. */
  readonly caseId: string | null;
  readonly urgency: UrUrgency;
  readonly request: TreatmentRequest;
  readonly policy: ReviewPolicy;
}

export const UR_STATUSES = ['pended', 'in_review', 'decided', 'appeal_review', 'closed'] as const;
export type UrStatus = (typeof UR_STATUSES)[number];

interface Action {
  readonly actorId: string;
}
/** The provider sends what a pended request was missing. */
export interface SupplyInformationInput extends Action {
  readonly diagnosisCodes?: readonly string[];
  readonly documents?: readonly UrDocument[];
}
/** A reviewer's decision; only while the request (or its appeal) is in review. */
export interface DecideReviewInput extends Action {
  readonly decision: UrDecision;
}
/** The provider (or member) appeals an adverse decision, within the appeal window. */
export interface AppealReviewInput extends Action {
  readonly reason: string;
  readonly documents?: readonly UrDocument[];
}

export interface UrDecisionView {
  readonly level: 'initial' | 'appeal';
  readonly decision: UrDecision;
  readonly reviewerId: string;
  readonly decidedAt: string;
  /** The deadline it was due by, and whether it was met. */
  readonly dueAt: string;
  readonly onTime: boolean;
}

/**
 * What `GET /utilization-reviews/:id` shows. No member reference and no
 * justification text: status, codes, due times and decisions only.
 */
export interface UtilizationReviewView {
  readonly reviewId: string;
  readonly providerId: string;
  readonly caseId: string | null;
  readonly urgency: UrUrgency;
  readonly serviceCode: string;
  readonly quantity: number;
  readonly status: UrStatus;
  readonly policyVersion: string;
  readonly receivedAt: string;
  /** Open request for missing information, if pended. */
  readonly pend: { readonly missing: readonly UrRequiredItem[]; readonly requestedAt: string; readonly dueAt: string } | null;
  /** The decision deadline while the clock runs; null while pended (the clock is stopped). */
  readonly decisionDueAt: string | null;
  readonly clockStopped: boolean;
  /** Time left on the decision clock (ms) at the moment of the query. */
  readonly remainingMs: number;
  /** When the supervisor was warned that the deadline nears, and told it was missed. */
  readonly escalatedAt: { readonly near: string | null; readonly missed: string | null };
  readonly decisions: readonly UrDecisionView[];
  /** Until when an adverse initial decision can be appealed. */
  readonly appealableUntil: string | null;
  readonly documentCount: number;
}

/** What every accepted action answers. */
export interface UrActionResult {
  readonly status: UrStatus;
  readonly decisionDueAt: string | null;
}

export const supplyInformationUpdate = defineUpdate<UrActionResult, [SupplyInformationInput]>('supplyInformation');
export const decideReviewUpdate = defineUpdate<UrActionResult, [DecideReviewInput]>('decideReview');
export const appealReviewUpdate = defineUpdate<UrActionResult, [AppealReviewInput]>('appealReview');
export const utilizationReviewQuery = defineQuery<UtilizationReviewView>('utilizationReview');
/**
 * Effects (saves, notices, case events) a review or complaint workflow has
 * queued but not finished; non-zero for long means a failing write or channel.
 * Registered by both the utilization-review and the complaint workflow.
 */
export const reviewBacklogQuery = defineQuery<number>('reviewBacklog');

/** What the persistence activity stores (upserted by version: a retried or older write changes nothing). */
export interface UtilizationReviewRecord {
  readonly version: number;
  readonly memberRef: string;
  readonly request: TreatmentRequest;
  readonly view: UtilizationReviewView;
}
