import { ApiProperty } from '@nestjs/swagger';
import { STUCK_KINDS, type StuckCaseRow, type StuckKind, type StuckReason } from '@careloop/domain';
import type {
  ListPage,
  StopParticipationListItem,
  CaseDiagnosisView,
  CaseloadListView,
  CaseloadSummaryView,
  ProgramCaseloadView,
  FailedNotificationEntry,
  Page,
  PendingActivityEntry,
  RetryNowResult,
  RiskTierCounts,
  StuckCaseSummaryView,
  StuckKindInfo,
  SupervisorActionEntry,
  WorkflowDiagnosis,
} from '@careloop/contracts';
import { ActionResultView, TaskView, TimelineEntry } from '../cases/case.view';

/** The answers of the supervisor endpoints (apps/api/src/supervisor), typed for the OpenAPI document. */
export class StuckReasonView implements StuckReason {
  @ApiProperty({ enum: STUCK_KINDS }) kind!: StuckKind;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when, when known.' }) since!: string | null;
  @ApiProperty({ description: 'PHI-free explanation: task kinds, counts, times, error codes.' }) detail!: string;
}

class NextDueView {
  @ApiProperty({ type: String, nullable: true }) kind!: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

export class StuckCaseView implements StuckCaseRow {
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: String, nullable: true }) programCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) phase!: string | null;
  @ApiProperty({ type: String, nullable: true }) step!: string | null;
  @ApiProperty({ type: String, nullable: true }) riskTier!: string | null;
  @ApiProperty({ type: String, nullable: true }) careManagerId!: string | null;
  @ApiProperty({ type: [StuckReasonView] }) reasons!: StuckReasonView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) stuckSince!: string | null;
  @ApiProperty({ type: NextDueView, nullable: true }) nextDue!: NextDueView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastProgressAt!: string | null;
}

export class StuckCasePageView implements Page<StuckCaseRow> {
  @ApiProperty({ type: [StuckCaseView] }) items!: StuckCaseView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page.' }) nextCursor!: string | null;
}

class StuckKindInfoView implements StuckKindInfo {
  @ApiProperty() meaning!: string;
  @ApiProperty() remedy!: string;
}

/** One property per stuck kind, so the document lists them (the kinds are defined once, in libs/domain). */
class StuckCountsView {}
class StuckKindsView {}
for (const kind of STUCK_KINDS) {
  ApiProperty({ type: 'integer', description: `Open cases stuck as ${kind}.` })(StuckCountsView.prototype, kind);
  ApiProperty({ type: StuckKindInfoView })(StuckKindsView.prototype, kind);
}

export class StuckSummaryView implements StuckCaseSummaryView {
  @ApiProperty({ type: StuckCountsView }) counts!: Record<StuckKind, number>;
  @ApiProperty({ type: StuckKindsView, description: 'What each kind means and what to do.' }) kinds!: Record<StuckKind, StuckKindInfoView>;
}

class RiskTierCountsView implements RiskTierCounts {
  @ApiProperty() high!: number;
  @ApiProperty() medium!: number;
  @ApiProperty() low!: number;
  @ApiProperty() none!: number;
}

class ProgramCaseloadEntryView implements ProgramCaseloadView {
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty() open!: number;
  @ApiProperty() cap!: number;
  @ApiProperty() available!: number;
}

class CaseloadView implements CaseloadSummaryView {
  @ApiProperty({ example: 'cm-1' }) careManagerId!: string;
  @ApiProperty() cap!: number;
  @ApiProperty() open!: number;
  @ApiProperty({ type: RiskTierCountsView }) byRiskTier!: RiskTierCountsView;
  @ApiProperty() available!: number;
  @ApiProperty() overCap!: boolean;
  @ApiProperty({ enum: ['care_manager', 'program'], description: "Whose cap applies: the care manager's own, else the programs' policy caps." }) capSource!: 'care_manager' | 'program';
  @ApiProperty({ type: [ProgramCaseloadEntryView] }) byProgram!: ProgramCaseloadEntryView[];
}

export class CaseloadsView implements CaseloadListView {
  @ApiProperty({ type: [CaseloadView] }) items!: CaseloadView[];
}

class WorkflowDiagnosisView implements WorkflowDiagnosis {
  @ApiProperty({ example: 'RUNNING' }) status!: string;
  @ApiProperty() runId!: string;
  @ApiProperty() historyLength!: number;
  @ApiProperty({ type: [String] }) reportedProblems!: string[];
  @ApiProperty({ type: [String] }) flags!: string[];
}

class PendingActivityView implements PendingActivityEntry {
  @ApiProperty({ type: String, nullable: true }) activityId!: string | null;
  @ApiProperty({ type: String, nullable: true }) activityType!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Temporal PendingActivityState (1 scheduled, 2 started, 3 cancel requested, …).' }) state!: number | null;
  @ApiProperty({ type: Number, nullable: true }) attempt!: number | null;
  @ApiProperty({ type: Number, nullable: true }) maximumAttempts!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastFailure!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptCompleteTime!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptScheduleTime!: string | null;
}

class FailedNotificationView implements FailedNotificationEntry {
  @ApiProperty() key!: string;
  @ApiProperty() template!: string;
  @ApiProperty() audience!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since!: string | null;
}

class SupervisorActionView implements SupervisorActionEntry {
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'reassign' }) action!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
  @ApiProperty({ example: 'applied', description: 'applied, or the error code that refused it.' }) outcome!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class DiagnosisView implements CaseDiagnosisView {
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: WorkflowDiagnosisView }) workflow!: WorkflowDiagnosisView;
  @ApiProperty({ type: [PendingActivityView] }) pendingActivities!: PendingActivityView[];
  @ApiProperty({ type: [FailedNotificationView] }) failedNotifications!: FailedNotificationView[];
  @ApiProperty({ enum: ['workflow', 'postgres'], description: "The workflow's own view when it answers; the stored record when it cannot." }) source!: CaseDiagnosisView['source'];
  @ApiProperty({ type: [TaskView] }) openTasks!: TaskView[];
  @ApiProperty({ type: [TimelineEntry] }) lastEvents!: TimelineEntry[];
  @ApiProperty({ type: [SupervisorActionView] }) supervisorActions!: SupervisorActionView[];
}

export class RetryResultView implements RetryNowResult {
  @ApiProperty() activitiesReset!: number;
  @ApiProperty() notificationsRequeued!: number;
  @ApiProperty({ type: ActionResultView, nullable: true, description: 'The case update that queued the notifications, if any.' }) result!: ActionResultView | null;
}

class StopParticipationItemView implements StopParticipationListItem {
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'pr-1' }) requestId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'prov-1' }) providerId!: string | null;
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty({ type: String, nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) careManagerId!: string | null;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ description: "The supervisor's decision is due by then." }) decisionDueAt!: string;
  @ApiProperty() overdue!: boolean;
}

export class StopParticipationPageView implements ListPage<StopParticipationListItem> {
  @ApiProperty({ type: [StopParticipationItemView] }) items!: StopParticipationItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page.' }) nextCursor!: string | null;
}
