import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  AssessmentAnswers,
  AttemptOutcome,
  CarePlan,
  CasePhase,
  CaseStatus,
  ClosureReason,
  ContactChannel,
  CaseContactPreference,
  ContactOutcome,
  PlanConsent,
  RecoveryStep,
  RiskAssessment,
  RiskTier,
  ScreeningAnswers,
  GoalStatus,
  MemberDiscussionOutcome,
  PlanReviewOutcome,
} from '@careloop/domain';
import type { NotificationRequest } from './case-events';
import type { CaseTaskKind, ConsentingRepresentative } from './case.vocabulary';

/**
 * Messages of the case workflow, defined once and used by the API (client
 * side) and the workflow (handlers). Care-team actions that need an answer
 * are updates with validators: a rejected update never reaches history.
 * Every input names the acting user (`actorId`), recorded on the timeline.
 */
interface Action {
  readonly actorId: string;
}

export interface RecordAttemptInput extends Action {
  readonly attemptNumber: number;
  readonly outcome: ContactOutcome;
  readonly note?: string;
  /**
   * What was tried, PHI-free (`sms:mobile`, `letter:address`, `representative:rep_…`; see
   * CONTACT_POINT_PATTERN). The API checks it against the member's record; absent from older clients.
   */
  readonly contactPoint?: string;
}
export interface SubmitScreeningInput extends Action {
  readonly answers: ScreeningAnswers;
}
export interface SubmitAssessmentInput extends Action {
  readonly answers: AssessmentAnswers;
}
export interface ProposePlanInput extends Action {
  readonly plan: CarePlan;
}
export interface RecordConsentInput extends Action {
  readonly planVersion: number;
  readonly consent: PlanConsent;
  /**
   * Set by the API (never the client) when a registry representative consented and their authority
   * was checked: who, by PHI-free id and relationship. Recorded on the plan_consented event.
   */
  readonly representative?: ConsentingRepresentative;
}
export interface PauseInput extends Action {
  readonly reason: string;
}
export type ResumeInput = Action;
export interface AddNoteInput extends Action {
  readonly kind: 'note' | 'call_record';
  readonly text: string;
}
/** Step 2 (seed 003): the member agrees with the plan, or has concerns that send it back to step 1. */
export interface MemberDiscussionInput extends Action {
  readonly outcome: MemberDiscussionOutcome;
  readonly summary?: string;
}
/** Step 3: a regular contact with the member, due on the risk tier's cadence. */
export interface RecordContactInput extends Action {
  readonly channel: ContactChannel;
  readonly outcome: 'completed' | 'missed';
  readonly summary?: string;
}
/** Step 4: an intervention on medical recommendation. */
export interface RecordInterventionInput extends Action {
  readonly kind: 'referral' | 'utilization_review' | 'education' | 'medication_review' | 'other';
  readonly description: string;
}
/** Step 5: a service provider's report, forwarded to the treating physician and discussed with the member. */
export interface ProviderReportInput extends Action {
  readonly providerId: string;
  readonly summary: string;
  readonly discussedWithMember: boolean;
}
/** Step 6: what monitoring found. Symptom increases and adherence variations notify the provider (seed 000). */
export interface ProgressEventInput extends Action {
  readonly kind: 'progress' | 'symptom_increase' | 'adherence_variation' | 'behind_expected_course';
  readonly detail: string;
}
/** Step 8: the treating physician's supplemental information arrived. */
export interface SupplementalInfoInput extends Action {
  readonly summary: string;
}
/** Hand the case to another care manager (within their caseload cap). */
export interface ReassignInput extends Action {
  readonly careManagerId: string;
  readonly reason: string;
  /** Supervisors only: assign even above the care manager's caseload cap (the reason says why). */
  readonly overrideCap?: boolean;
}
/** Supervisor: give an open task a later due time, with the reason. */
export interface ExtendDueDateInput extends Action {
  readonly taskKey: string;
  readonly dueAt: string;
  readonly reason: string;
}
/** Supervisor: remind the care team of an open task (the notification is sent again). */
export interface NudgeTaskInput extends Action {
  readonly taskKey: string;
  readonly reason: string;
}
/** Supervisor: deliver again notifications whose delivery failed (taken from the outbox). */
export interface RedeliverInput extends Action {
  readonly notifications: readonly NotificationRequest[];
  readonly reason: string;
}
/** The member changed primary care provider: plan and referrals carry over, the new PCP is informed (seed 002 §4.11.7.4.4). */
export interface ChangePcpInput extends Action {
  readonly pcpId: string;
}
/** Periodic plan review (DESIGN §3.5): the plan stays as it is, or goes back for revision (recovery step 7). */
export interface ReviewPlanInput extends Action {
  readonly outcome: PlanReviewOutcome;
  readonly summary?: string;
}
/** The care team's judgement of one goal of the latest plan: met, behind, or open again (the committee counts goals by it). */
export interface RecordGoalProgressInput extends Action {
  readonly goalId: string;
  readonly status: GoalStatus;
  readonly note?: string;
}
export interface CloseCaseInput extends Action {
  readonly reason: ClosureReason;
  readonly detail?: string;
}

/** What every accepted action answers: where the case stands now. */
export interface CaseActionResult {
  readonly phase: CasePhase;
  readonly status: CaseStatus;
  readonly step: RecoveryStep | null;
  /** Timeline sequence number of the event this action recorded. */
  readonly eventSeq: number;
}

export interface ScreeningResult extends CaseActionResult {
  readonly initialRisk: RiskAssessment;
}
export interface AssessmentResult extends CaseActionResult {
  readonly risk: RiskAssessment;
}
export interface PlanProposalResult extends CaseActionResult {
  readonly planVersion: number;
}

export const recordAttemptUpdate = defineUpdate<CaseActionResult, [RecordAttemptInput]>('recordAttempt');
export const submitScreeningUpdate = defineUpdate<ScreeningResult, [SubmitScreeningInput]>('submitScreening');
export const submitAssessmentUpdate = defineUpdate<AssessmentResult, [SubmitAssessmentInput]>('submitAssessment');
export const proposePlanUpdate = defineUpdate<PlanProposalResult, [ProposePlanInput]>('proposePlan');
export const recordConsentUpdate = defineUpdate<CaseActionResult, [RecordConsentInput]>('recordConsent');
export const pauseUpdate = defineUpdate<CaseActionResult, [PauseInput]>('pause');
export const resumeUpdate = defineUpdate<CaseActionResult, [ResumeInput]>('resume');
export const addNoteUpdate = defineUpdate<CaseActionResult, [AddNoteInput]>('addNote');
export const closeCaseUpdate = defineUpdate<CaseActionResult, [CloseCaseInput]>('closeCase');
export const memberDiscussionUpdate = defineUpdate<CaseActionResult, [MemberDiscussionInput]>('memberDiscussion');
export const recordContactUpdate = defineUpdate<CaseActionResult, [RecordContactInput]>('recordContact');
export const recordInterventionUpdate = defineUpdate<CaseActionResult, [RecordInterventionInput]>('recordIntervention');
export const providerReportUpdate = defineUpdate<CaseActionResult, [ProviderReportInput]>('providerReport');
export const progressEventUpdate = defineUpdate<CaseActionResult, [ProgressEventInput]>('progressEvent');
export const reassignUpdate = defineUpdate<CaseActionResult, [ReassignInput]>('reassign');
export const changePcpUpdate = defineUpdate<CaseActionResult, [ChangePcpInput]>('changePcp');
export const supplementalInfoUpdate = defineUpdate<CaseActionResult, [SupplementalInfoInput]>('supplementalInfoReceived');
export const reviewPlanUpdate = defineUpdate<CaseActionResult, [ReviewPlanInput]>('reviewPlan');
export const recordGoalProgressUpdate = defineUpdate<CaseActionResult, [RecordGoalProgressInput]>('recordGoalProgress');
export const extendDueDateUpdate = defineUpdate<CaseActionResult, [ExtendDueDateInput]>('extendDueDate');
export const nudgeTaskUpdate = defineUpdate<CaseActionResult, [NudgeTaskInput]>('nudgeTask');
export const redeliverUpdate = defineUpdate<CaseActionResult, [RedeliverInput]>('redeliverNotifications');

/**
 * Something that happened outside the care team's actions — another
 * workflow (discharge planning, utilization review) or an integration —
 * reported into the case's timeline. A signal: fire-and-forget, never
 * refused (the sender validates); `key` makes a repeated send count once.
 * `summary` is shown on timelines and lists, so it must hold no PHI.
 */
export interface ExternalCaseEvent {
  readonly key: string;
  readonly source: string;
  readonly kind: string;
  readonly summary: string;
  readonly occurredAt: string;
  readonly reference?: string;
}
export const externalEventSignal = defineSignal<[ExternalCaseEvent]>('externalEvent');

/**
 * Sent by the worker (an activity interceptor) when one of the case's
 * activities has failed several attempts in a row and keeps retrying, e.g.
 * while Postgres is unreachable: the case then shows the `activity_retrying`
 * flag (and the stuck-case kind `failing_activity`) until the workflow sees
 * that activity finish. Only the activity type, attempt and times: no data.
 */
export interface ActivityRetrying {
  readonly activityType: string;
  readonly attempt: number;
  /** When the activity was first scheduled (ISO). */
  readonly since: string;
}
/**
 * The member's contact preference changed in the registry (PUT /members/:id): the API sends the
 * PHI-free preference (method, which contact points exist) to each open case of the member, and the
 * next outreach attempt follows it. A signal: the case keeps the latest one it received.
 */
export const contactPreferenceSignal = defineSignal<[CaseContactPreference]>('contactPreferenceChanged');

export const activityRetryingSignal = defineSignal<[ActivityRetrying]>('activityRetrying');
export const ACTIVITY_RETRYING_FLAG = 'activity_retrying';

/** An open piece of human work with a due time (outreach attempt, assessment, plan, …). */
export interface CaseTaskView {
  readonly key: string;
  readonly kind: CaseTaskKind;
  /** While suspended by a pause: when it would have been due (the remaining time is `dueAt - suspendedAt`). */
  readonly dueAt: string;
  readonly openedAt: string;
  /** When a pause suspended the task's clock; null when it runs. */
  readonly suspendedAt: string | null;
  /** When its clock reminded the owner (CASE_CLOCKS); null before, and again after a new due time. */
  readonly remindedAt: string | null;
  /** When its due time passed with the work not done (escalated to the supervisor); null otherwise. */
  readonly missedAt: string | null;
}


export interface AttemptView {
  readonly number: number;
  readonly channel: ContactChannel;
  readonly startedAt: string;
  readonly outcome: AttemptOutcome | null;
  readonly recordedAt: string | null;
  /** The contact point the care team recorded as tried (PHI-free), or null. */
  readonly contactPoint: string | null;
}

export interface TimelineEntryView {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly actorId: string;
  readonly summary: string;
}

/** The live state of a case, read by `GET /cases/:id` (query). */
export interface CaseDetailView {
  readonly caseId: string;
  readonly programCode: string;
  readonly phase: CasePhase;
  readonly status: CaseStatus;
  readonly step: RecoveryStep | null;
  readonly policyVersion: string;
  readonly screeningDueAt: string;
  readonly nextDueAt: string | null;
  readonly openTasks: readonly CaseTaskView[];
  readonly attempts: readonly AttemptView[];
  readonly riskTier: RiskTier | null;
  readonly riskReasons: readonly string[];
  readonly careManagerId: string | null;
  /** Who the member and providers contact: the named care manager, else the program's care team. */
  readonly pointOfContact: string;
  readonly pcpId: string | null;
  readonly activePlanVersion: number | null;
  readonly latestPlanVersion: number | null;
  readonly closureReason: ClosureReason | null;
  readonly lastProgressAt: string;
  readonly recentTimeline: readonly TimelineEntryView[];
  /** Events recorded by the workflow but not yet written to Postgres (non-zero for long = a failing write). */
  readonly outboxBacklog: number;
}

export const caseDetailQuery = defineQuery<CaseDetailView>('caseDetail');

/**
 * Failure type of a case action the workflow refused (wrong phase, already
 * recorded, invalid plan…). The API answers it with 409 and the message,
 * which is written to be shown to users and never contains PHI.
 */
export const CASE_RULE_VIOLATION = 'CaseRuleViolation';
