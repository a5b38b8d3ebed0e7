import type {
  AssessmentAnswers,
  AttemptOutcome,
  CarePlan,
  CaseClockId,
  CasePhase,
  ClosureReason,
  CommitteeUpdate,
  ContactChannel,
  GoalStatus,
  MemberContactMethod,
  MemberDiscussionOutcome,
  PlanConsent,
  PlanReviewOutcome,
  RecoveryStep,
  RiskAssessment,
  ScreeningAnswers,
} from '@careloop/domain';
import type { CaseStartReason, CaseTaskKind, ConsentingRepresentative, ProviderRequestKind } from './case.vocabulary';

/**
 * Everything that happens to a case is an event with a per-case sequence
 * number. The workflow appends events to an ordered outbox; a persistence
 * activity writes them (and their projections: attempts, plan versions,
 * tasks, …) in one transaction keyed by (case id, seq), so a retried or
 * replayed write is a no-op. `summary` is PHI-free (it feeds logs and
 * supervisor lists); `data` may carry PHI and lives only in Postgres and in
 * encrypted workflow payloads.
 */
export type CaseEventData =
  | { readonly kind: 'case_opened'; readonly runId: string; readonly memberRef: string; readonly programCode: string; readonly enrollmentDate: string; readonly policyVersion: string; readonly startReason?: CaseStartReason; readonly teamId?: string; readonly memberId?: string }
  | { readonly kind: 'phase_changed'; readonly from: CasePhase; readonly to: CasePhase; readonly closureReason: ClosureReason | null }
  | { readonly kind: 'step_changed'; readonly from: RecoveryStep | null; readonly to: RecoveryStep | null }
  | { readonly kind: 'attempt_started'; readonly number: number; readonly channel: ContactChannel; readonly dueAt: string }
  | { readonly kind: 'attempt_recorded'; readonly number: number; readonly outcome: AttemptOutcome; readonly note: string | null; readonly contactPoint?: string }
  | { readonly kind: 'contact_preference_changed'; readonly method: MemberContactMethod; readonly points: readonly string[] }
  | { readonly kind: 'screening_submitted'; readonly answers: ScreeningAnswers; readonly initialRisk: RiskAssessment }
  | { readonly kind: 'assessment_submitted'; readonly answers: AssessmentAnswers; readonly risk: RiskAssessment; readonly reassessment?: boolean }
  | { readonly kind: 'plan_reviewed'; readonly outcome: PlanReviewOutcome; readonly planVersion: number | null; readonly summary: string | null }
  | { readonly kind: 'plan_proposed'; readonly version: number; readonly plan: CarePlan }
  | { readonly kind: 'plan_consented'; readonly version: number; readonly consent: PlanConsent; readonly representative?: ConsentingRepresentative }
  | { readonly kind: 'goal_progress_recorded'; readonly planVersion: number; readonly goalId: string; readonly status: GoalStatus; readonly note: string | null }
  | { readonly kind: 'paused'; readonly reason: string }
  | { readonly kind: 'resumed' }
  | { readonly kind: 'note_added'; readonly noteKind: 'note' | 'call_record'; readonly text: string }
  | { readonly kind: 'task_opened'; readonly key: string; readonly taskKind: CaseTaskKind; readonly dueAt: string }
  | { readonly kind: 'external_event_recorded'; readonly key: string; readonly source: string; readonly eventKind: string; readonly occurredAt: string; readonly reference: string | null }
  | { readonly kind: 'task_rescheduled'; readonly key: string; readonly from: string; readonly dueAt: string; readonly reason: string | null }
  | { readonly kind: 'task_nudged'; readonly key: string; readonly reason: string }
  | { readonly kind: 'notifications_redelivered'; readonly keys: readonly string[]; readonly reason: string }
  | { readonly kind: 'task_closed'; readonly key: string; readonly resolution: 'done' | 'timed_out' | 'cancelled' }
  /** A pause suspended the task's clock (TASK_CLOCKS_ON_PAUSE): it keeps `remainingMs` (negative: already overdue by that much). */
  | { readonly kind: 'task_suspended'; readonly key: string; readonly remainingMs: number }
  /** On resume the suspended task is re-armed with its remaining time. */
  | { readonly kind: 'task_resumed'; readonly key: string; readonly dueAt: string }
  /** A clock (CASE_CLOCKS, docs/lifecycle.md) reminded the task's owner ahead of its due time (since the task-clocks patch). */
  | { readonly kind: 'task_reminded'; readonly key: string; readonly clock: CaseClockId; readonly dueAt: string }
  /**
   * The due time passed with the work not done: the task stays open (overdue) unless its rule closes it
   * (an outreach attempt times out), and the supervisor gets an escalation work item and notice.
   */
  | { readonly kind: 'task_missed'; readonly key: string; readonly clock: CaseClockId; readonly taskKind: CaseTaskKind | null; readonly dueAt: string }
  | { readonly kind: 'case_closed'; readonly reason: ClosureReason; readonly detail: string | null }
  | { readonly kind: 'member_discussed'; readonly outcome: MemberDiscussionOutcome; readonly summary: string | null }
  | { readonly kind: 'contact_recorded'; readonly number: number; readonly channel: ContactChannel; readonly outcome: 'completed' | 'missed'; readonly summary: string | null }
  | { readonly kind: 'committee_update_sent'; readonly update: CommitteeUpdate }
  | { readonly kind: 'intervention_recorded'; readonly interventionKind: string; readonly description: string }
  | { readonly kind: 'provider_report_received'; readonly providerId: string; readonly summary: string; readonly discussedWithMember: boolean }
  | { readonly kind: 'progress_recorded'; readonly progressKind: string; readonly detail: string }
  | { readonly kind: 'supplemental_info_requested'; readonly dueAt: string }
  | { readonly kind: 'supplemental_info_received'; readonly summary: string }
  | { readonly kind: 'supplemental_info_escalated' }
  | { readonly kind: 'care_manager_assigned'; readonly careManagerId: string; readonly languageMatch: boolean }
  | { readonly kind: 'assignment_unavailable' }
  | { readonly kind: 'care_manager_reassigned'; readonly from: string | null; readonly to: string; readonly reason: string }
  | { readonly kind: 'pcp_changed'; readonly from: string | null; readonly to: string }
  | { readonly kind: 'provider_request_received'; readonly requestId: string; readonly requestKind: ProviderRequestKind; readonly providerId: string; readonly reason: string }
  | { readonly kind: 'provider_request_decided'; readonly requestId: string; readonly decision: 'approved' | 'rejected'; readonly reason: string }
  | { readonly kind: 'notification_requested'; readonly notification: NotificationRequest };

export type CaseEventKind = CaseEventData['kind'];

export interface CaseEvent {
  readonly seq: number;
  /** Workflow time of the event (ISO), so a retried write stores the same instant. */
  readonly at: string;
  readonly actorId: string;
  readonly summary: string;
  readonly data: CaseEventData;
}

/** The workflow's own identity on the timeline (timeouts, deadlines). */
export const SYSTEM_ACTOR = 'system:careloop';

export const NOTIFICATION_AUDIENCES = ['care_team', 'member', 'provider', 'supervisor', 'committee'] as const;
export type NotificationAudience = (typeof NOTIFICATION_AUDIENCES)[number];

/**
 * A message to deliver. `key` makes delivery idempotent (the outbox row is
 * unique on it). `template` names the message; `params` are PHI-free values
 * the template may show (ids, due dates, counts) — channels never receive
 * notes or clinical answers.
 */
export interface NotificationRequest {
  readonly key: string;
  readonly caseId: string;
  readonly audience: NotificationAudience;
  readonly channel: ContactChannel | 'task_queue';
  readonly template: string;
  readonly params: Readonly<Record<string, string | number | null>>;
  /**
   * The directory id of the provider a provider-audience notice is for. Optional and additive (histories
   * recorded before it replay unchanged); when absent, delivery reads `params.providerId` or `params.pcpId`.
   */
  readonly recipientProviderId?: string;
}
