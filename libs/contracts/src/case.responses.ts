import type { CarePlan, CasePhase, CaseStatus, ClosureReason, PlanConsent, RecoveryStep, RiskTier, StuckReason } from '@careloop/domain';
import type { CaseDetailView } from './case.messages';

/**
 * The HTTP answers of the case endpoints (apps/api/src/cases), defined once:
 * the API's Swagger view classes `implements` these (a drift is a compile
 * error there) and the console reads them with `import type` (nothing of
 * contracts is bundled). Field names and enums are those of /openapi.json.
 */

/** One page of a keyset-paged list; pass `nextCursor` back for the next page (null on the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** The stored read-model row of a case (`record` of `GET /cases/:id`). */
export interface StoredCaseView {
  readonly memberRef: string;
  /** The registry member (`mbr_…`) the case was started for; null for cases started before the member registry. */
  readonly memberId: string | null;
  readonly programCode: string;
  /** Calendar date YYYY-MM-DD. */
  readonly enrollmentDate: string;
  readonly phase: CasePhase;
  readonly status: CaseStatus;
  readonly riskTier: RiskTier | null;
  readonly careManagerId: string | null;
  readonly activePlanVersion: number | null;
  readonly closureReason: ClosureReason | null;
  readonly policyVersion: string;
  readonly openedAt: string;
  readonly phaseChangedAt: string;
}

/** `GET /cases/:id` and `POST /cases`: the workflow's live state (CaseDetailView, `caseId` as `id`) plus what supervisors see and the stored row. */
export interface CaseStateView extends Omit<CaseDetailView, 'caseId'> {
  readonly id: string;
  /** The Temporal execution status (RUNNING, COMPLETED, …). */
  readonly workflowStatus: string;
  /** The case's flags (CareLoopFlags): paused, unable_to_reach, unassigned, activity_retrying. */
  readonly flags: readonly string[];
  /** Every reason the case is stuck now, as the stuck-case list gives it; empty when none. */
  readonly stuckReasons: readonly StuckReason[];
  /** Null for a moment after the case starts, until the workflow has written it. */
  readonly record: StoredCaseView | null;
}

/** A row of `GET /cases`. */
export interface CaseSummaryView {
  readonly id: string;
  readonly memberRef: string;
  readonly programCode: string;
  readonly phase: CasePhase;
  readonly step: RecoveryStep | null;
  readonly status: CaseStatus;
  readonly riskTier: RiskTier | null;
  readonly careManagerId: string | null;
  readonly nextDueAt: string | null;
  /** An open task is past its due time. */
  readonly overdue: boolean;
  readonly openedAt: string;
}

/** `GET /cases/:id/records`: the documentation of the case's current episode, each list newest first. */
export interface CaseDocumentationView {
  readonly planVersions: readonly PlanVersionEntry[];
  readonly notes: readonly NoteEntry[];
  readonly providerReports: readonly ProviderReportEntry[];
  readonly notifications: readonly NotificationEntry[];
}

export interface PlanVersionEntry {
  readonly version: number;
  /** The plan as proposed. */
  readonly plan: CarePlan;
  readonly proposedBy: string;
  readonly proposedAt: string;
  /** Null until consent is recorded; the version is active from then. */
  readonly consent: PlanConsent | null;
  readonly consentedAt: string | null;
}

export interface NoteEntry {
  readonly seq: number;
  /** `note` or `call_record`. */
  readonly kind: string;
  readonly text: string;
  readonly authorId: string;
  readonly writtenAt: string;
}

export interface ProviderReportEntry {
  readonly seq: number;
  readonly at: string;
  readonly providerId: string;
  readonly summary: string;
  readonly discussedWithMember: boolean;
  /** Who recorded the report. */
  readonly recordedBy: string;
}

/** A notification about the case and its delivery (no parameters: those stay in the outbox). */
export interface NotificationEntry {
  readonly key: string;
  readonly audience: string;
  readonly channel: string;
  readonly template: string;
  /** `pending`, `delivered` or `failed`. */
  readonly status: string;
  readonly attempts: number;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
}
