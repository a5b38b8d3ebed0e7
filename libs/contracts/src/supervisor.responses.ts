import type { StuckKind } from '@careloop/domain';
import type { CaseActionResult, CaseTaskView, TimelineEntryView } from './case.messages';

/**
 * The HTTP answers of the supervisor endpoints (apps/api/src/supervisor),
 * defined once for the API's Swagger view classes (`implements`) and the
 * console (`import type`). The stuck-case rows are StuckCaseRow of
 * libs/domain, paged as Page (case.responses.ts).
 */

export interface StuckKindInfo {
  readonly meaning: string;
  readonly remedy: string;
}

/** `GET /supervisor/stuck-cases/summary`: a case stuck in two ways counts in both. */
export interface StuckCaseSummaryView {
  readonly counts: Record<StuckKind, number>;
  /** What each kind means and what to do. */
  readonly kinds: Record<StuckKind, StuckKindInfo>;
}

/** Open cases by risk tier (`none`: not yet assessed). */
export interface RiskTierCounts {
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  readonly none: number;
}

/** One care manager's open cases against the caseload cap. */
export interface CaseloadSummaryView {
  readonly careManagerId: string;
  readonly cap: number;
  readonly open: number;
  readonly byRiskTier: RiskTierCounts;
  readonly available: number;
  readonly overCap: boolean;
  /** Whose cap `cap` is: the care manager's own, else the strictest of the programs they hold cases in (or the default program policy's). */
  readonly capSource: 'care_manager' | 'program';
  /** Open cases per program, each against the cap that decides whether they may take another case of it. */
  readonly byProgram: readonly ProgramCaseloadView[];
}

export interface ProgramCaseloadView {
  readonly programCode: string;
  readonly open: number;
  readonly cap: number;
  /** How many more cases of this program they may take (the cap counts open cases of every program). */
  readonly available: number;
}

/** `GET /supervisor/caseloads`. */
export interface CaseloadListView {
  readonly items: readonly CaseloadSummaryView[];
}

export interface WorkflowDiagnosis {
  readonly status: string;
  readonly runId: string;
  readonly historyLength: number;
  readonly reportedProblems: readonly string[];
  readonly flags: readonly string[];
}

/** A pending activity as Temporal describes it; Temporal leaves any field unset at times, hence the nulls. */
export interface PendingActivityEntry {
  readonly activityId: string | null;
  readonly activityType: string | null;
  /** Temporal PendingActivityState (1 scheduled, 2 started, 3 cancel requested, …). */
  readonly state: number | null;
  readonly attempt: number | null;
  readonly maximumAttempts: number | null;
  readonly lastFailure: string | null;
  readonly lastAttemptCompleteTime: string | null;
  readonly nextAttemptScheduleTime: string | null;
}

export interface FailedNotificationEntry {
  readonly key: string;
  readonly template: string;
  readonly audience: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly since: string | null;
}

export interface SupervisorActionEntry {
  readonly caseId: string;
  readonly action: string;
  readonly actorId: string;
  readonly reason: string;
  readonly details: Record<string, unknown>;
  /** `applied`, or the error code that refused it. */
  readonly outcome: string;
  readonly at: string;
}

/** `GET /supervisor/cases/:id/diagnosis`: why a case is stuck, in detail. */
export interface CaseDiagnosisView {
  readonly caseId: string;
  readonly workflow: WorkflowDiagnosis;
  readonly pendingActivities: readonly PendingActivityEntry[];
  readonly failedNotifications: readonly FailedNotificationEntry[];
  /** The workflow's own view when it answers; the stored record when it cannot. */
  readonly source: 'workflow' | 'postgres';
  readonly openTasks: readonly CaseTaskView[];
  readonly lastEvents: readonly TimelineEntryView[];
  readonly supervisorActions: readonly SupervisorActionEntry[];
}

/** `POST /supervisor/cases/:id/retry`: activities restarted, notifications queued again. */
export interface RetryNowResult {
  readonly activitiesReset: number;
  readonly notificationsRequeued: number;
  /** The case update that queued the notifications, if any. */
  readonly result: CaseActionResult | null;
}
