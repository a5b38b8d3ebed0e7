import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASE_PHASES,
  CASE_STATUSES,
  CLOSURE_REASONS,
  RECOVERY_STEPS,
  RISK_TIERS,
  STUCK_KINDS,
  type CasePhase,
  type CaseStatus,
  type ClosureReason,
  type RecoveryStep,
  type RiskTier,
  type StuckKind,
  type StuckReason,
} from '@careloop/domain';
import {
  CASE_TASK_KINDS,
  type AttemptView,
  type CaseActionResult,
  type CaseStateView,
  type CaseSummaryView,
  type CaseTaskView,
  type Page,
  type StoredCaseView,
  type TimelineEntryView,
} from '@careloop/contracts';

export class CaseRecordView implements StoredCaseView {
  @ApiProperty({ example: 'M-000123' }) memberRef!: string;
  @ApiProperty({ type: String, nullable: true, example: 'mbr_0123456789abcdefghjkmnpqrs', description: 'The registry member; null for cases started before the member registry.' })
  memberId!: string | null;
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty({ format: 'date' }) enrollmentDate!: string;
  @ApiProperty({ enum: CASE_PHASES }) phase!: CasePhase;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiPropertyOptional({ enum: RISK_TIERS, nullable: true }) riskTier!: RiskTier | null;
  @ApiPropertyOptional({ type: String, nullable: true }) careManagerId!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) activePlanVersion!: number | null;
  @ApiPropertyOptional({ enum: CLOSURE_REASONS, nullable: true }) closureReason!: ClosureReason | null;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time' }) phaseChangedAt!: string;
}

export class TaskView implements CaseTaskView {
  @ApiProperty({ example: 'attempt-1' }) key!: string;
  @ApiProperty({ enum: CASE_TASK_KINDS }) kind!: CaseTaskView['kind'];
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When a pause suspended this task (contacts, plan review, reassessment); it is not due until resumed, with dueAt - suspendedAt left. Null while it runs.',
  })
  suspendedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: "When the task's clock reminded its owner (docs/lifecycle.md, Clocks); null before, and again after a new due time." })
  remindedAt!: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'When the due time passed with the work not done: missed, and escalated to the supervisor. The task stays open (overdue). Null otherwise.',
  })
  missedAt!: string | null;
}

export class AttemptViewDto implements AttemptView {
  @ApiProperty() number!: number;
  @ApiProperty({ enum: ['phone', 'sms', 'letter', 'portal'] }) channel!: AttemptView['channel'];
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiPropertyOptional({ enum: ['reached', 'no_answer', 'wrong_number', 'declined', 'timed_out'], nullable: true }) outcome!: AttemptView['outcome'];
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) recordedAt!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'sms:mobile', description: 'The contact point recorded as tried (PHI-free), or null.' })
  contactPoint!: string | null;
}

export class TimelineEntry implements TimelineEntryView {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'attempt_recorded' }) kind!: string;
  @ApiProperty({ example: 'cm-17' }) actorId!: string;
  @ApiProperty({ example: 'outreach attempt 1: no_answer' }) summary!: string;
}

/** Why a supervisor should look at the case: the same kinds and reasons as a row of `GET /supervisor/stuck-cases`. */
export class StuckReasonView implements StuckReason {
  @ApiProperty({ enum: STUCK_KINDS }) kind!: StuckKind;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Since when, when known.' }) since!: string | null;
  @ApiProperty({ example: 'no care manager had capacity', description: 'PHI-free explanation: task kinds, counts, times, error codes.' }) detail!: string;
}

export class ContactMemberView {
  @ApiProperty({ example: 'cm-17' }) id!: string;
  @ApiProperty({ example: 'Care manager one' }) displayName!: string;
}

/** The team queue a point of contact `team:<teamId>` stands for, resolved to its active members. */
export class TeamContactView {
  @ApiProperty({ example: 'north' }) teamId!: string;
  @ApiProperty({ example: 'North' }) name!: string;
  @ApiProperty({ type: [ContactMemberView] }) members!: ContactMemberView[];
}

export class CaseView implements CaseStateView {
  @ApiProperty({ description: 'Case id (the workflow id; contains no PHI).', example: 'case-ccm-3f2a9c0d1e4b5a6978c0d1e2' }) id!: string;
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty({ enum: CASE_PHASES, description: "Current phase, read from the case workflow's state." }) phase!: CasePhase;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiPropertyOptional({ enum: RECOVERY_STEPS, nullable: true }) step!: RecoveryStep | null;
  @ApiProperty({ enum: ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT', 'UNKNOWN'] }) workflowStatus!: string;
  @ApiProperty({ example: 'CCM@2026-11' }) policyVersion!: string;
  @ApiProperty({ format: 'date-time', description: 'Initial screening due (enrollment date + policy window).' }) screeningDueAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'Earliest due time among open tasks.' }) nextDueAt!: string | null;
  @ApiProperty({ type: [TaskView] }) openTasks!: TaskView[];
  @ApiProperty({ type: [AttemptViewDto] }) attempts!: AttemptViewDto[];
  @ApiPropertyOptional({ enum: RISK_TIERS, nullable: true }) riskTier!: RiskTier | null;
  @ApiProperty({ type: [String] }) riskReasons!: string[];
  @ApiPropertyOptional({ type: String, nullable: true }) careManagerId!: string | null;
  @ApiProperty({
    example: 'cm-17',
    description: "Who the member and providers contact: the named care manager, else the case team's queue team:<teamId>, else care-team:<program> (cases without a team).",
  })
  pointOfContact!: string;
  @ApiPropertyOptional({ type: TeamContactView, nullable: true, description: 'With a team:<teamId> point of contact: the team and its active members.' })
  pointOfContactTeam!: TeamContactView | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'pcp-44' }) pcpId!: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) activePlanVersion!: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true }) latestPlanVersion!: number | null;
  @ApiPropertyOptional({ enum: CLOSURE_REASONS, nullable: true }) closureReason!: ClosureReason | null;
  @ApiProperty({ format: 'date-time' }) lastProgressAt!: string;
  @ApiProperty({ type: [TimelineEntry] }) recentTimeline!: TimelineEntry[];
  @ApiProperty({
    type: [String],
    example: ['unassigned'],
    description: "The case's flags as supervisors see them (CareLoopFlags): paused, unable_to_reach, unassigned, activity_retrying.",
  })
  flags!: string[];
  @ApiProperty({
    type: [StuckReasonView],
    description: 'Every reason the case is stuck now, as the stuck-case list gives it (e.g. unassigned: a high or medium risk case without a named care manager). Empty when none.',
  })
  stuckReasons!: StuckReasonView[];
  @ApiProperty({ description: 'Events recorded by the workflow and not yet written to Postgres; non-zero for long means a failing write.' })
  outboxBacklog!: number;
  @ApiPropertyOptional({
    type: CaseRecordView,
    nullable: true,
    description: 'The stored read-model row; null for a moment after the case starts, until the workflow has written it.',
  })
  record!: CaseRecordView | null;
}

export class ActionResultView implements CaseActionResult {
  @ApiProperty({ enum: CASE_PHASES }) phase!: CasePhase;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiPropertyOptional({ enum: RECOVERY_STEPS, nullable: true }) step!: RecoveryStep | null;
  @ApiProperty({ description: 'Timeline sequence number of the recorded event.' }) eventSeq!: number;
}

export class TimelinePage implements Page<TimelineEntryView> {
  @ApiProperty({ type: [TimelineEntry] }) items!: TimelineEntry[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as ?after= for the next page; null on the last page.' }) nextCursor!: string | null;
}

export class CaseSummary implements CaseSummaryView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'M-000123' }) memberRef!: string;
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty({ enum: CASE_PHASES }) phase!: CasePhase;
  @ApiPropertyOptional({ enum: RECOVERY_STEPS, nullable: true }) step!: RecoveryStep | null;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiPropertyOptional({ enum: RISK_TIERS, nullable: true }) riskTier!: RiskTier | null;
  @ApiPropertyOptional({ type: String, nullable: true }) careManagerId!: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) nextDueAt!: string | null;
  @ApiProperty({ description: 'An open task is past its due time.' }) overdue!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
}

export class CaseListPage implements Page<CaseSummaryView> {
  @ApiProperty({ type: [CaseSummary] }) items!: CaseSummary[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page.' }) nextCursor!: string | null;
}
