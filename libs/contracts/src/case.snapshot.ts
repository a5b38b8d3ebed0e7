import type {
  AttemptOutcome,
  CarePlan,
  CaseContactPreference,
  CasePhase,
  CaseStatus,
  ClosureReason,
  ContactChannel,
  GoalStatus,
  PlanConsent,
  RecoveryStep,
  RiskAssessment,
  RiskTier,
} from '@careloop/domain';
import type { CaseEvent, NotificationRequest } from './case-events';
import type { TimelineEntryView } from './case.messages';
import type { CaseTaskKind } from './case.vocabulary';
import type { ProviderRequestView } from './case-provider.messages';

export interface AttemptRecord {
  readonly number: number;
  readonly channel: ContactChannel;
  readonly startedAt: string;
  readonly dueAt: string;
  outcome: AttemptOutcome | null;
  recordedAt: string | null;
  /** What the care team tried (PHI-free contact point); absent on attempts recorded before contact points. */
  contactPoint?: string;
}

export interface CaseTask {
  readonly key: string;
  readonly kind: CaseTaskKind;
  readonly openedAt: string;
  dueAt: string;
  /** When the owner was reminded that the task falls due (once per due time; a new due time clears it). */
  remindedAt?: string;
  /** Since the task-clocks patch: when the due time passed with the work not done (escalated then). A new due time clears it. */
  missedAt?: string;
  /**
   * Set while a pause suspends the task's clock (TASK_CLOCKS_ON_PAUSE). The
   * remaining time is `dueAt - suspendedAt` (a later `dueAt` from an extension
   * adds to it); on resume `dueAt` becomes resume time + remaining.
   */
  suspendedAt?: string;
}

export interface PlanVersionRecord {
  readonly version: number;
  readonly plan: CarePlan;
  readonly proposedAt: string;
  consent: PlanConsent | null;
  consentedAt: string | null;
}

/**
 * The whole state of a case workflow, carried across continue-as-new so a
 * multi-year case keeps every run's history short. Plain JSON only.
 */
export interface CaseSnapshot {
  readonly caseId: string;
  /** Run id that opened the case; with the case id it keys every stored event of this case. */
  readonly episodeId: string;
  phase: CasePhase;
  status: CaseStatus;
  step: RecoveryStep | null;
  closureReason: ClosureReason | null;
  parked: boolean;
  openedAt: string;
  lastProgressAt: string;
  attempts: AttemptRecord[];
  screeningReachedAt: string | null;
  initialRisk: RiskAssessment | null;
  risk: RiskAssessment | null;
  riskTier: RiskTier | null;
  legalGuardian: boolean;
  /** The member's contact preference (PHI-free), from the case input or the latest contactPreferenceChanged signal; absent on older snapshots. */
  contact?: CaseContactPreference | null;
  preferredLanguage: string | null;
  careManagerId: string | null;
  /** A named care manager is needed but nobody had capacity (seed 001: never assign over the cap). */
  unassigned: boolean;
  pcpId: string | null;
  latestPlan: PlanVersionRecord | null;
  activePlanVersion: number | null;
  /** The care team's judgement of each goal by goal id (absent: open); kept across plan versions for goals they keep. */
  goalProgress?: Record<string, GoalStatus>;
  tasks: CaseTask[];
  /** Recovery support: regular contacts made, the last one, and the last committee update. */
  contactsMade: number;
  lastContactAt: string | null;
  lastCommitteeUpdateAt: string | null;
  /** When the next committee update is due at the latest (set on entering recovery support). */
  committeeDueAt: string | null;
  /** Counters since the last committee update (what the de-identified update reports). */
  sinceCommittee: { contacts: number; missed: number; symptomIncreases: number; adherenceVariations: number };
  /** Step 8: an outstanding request to the treating physician, escalated once when overdue. */
  supplementalInfo: { requestedAt: string; dueAt: string; escalated: boolean } | null;
  /** When the member was last assessed (the reassessment cadence counts from it). */
  lastAssessedAt: string | null;
  /** How many plan reviews and reassessments have been scheduled (numbers their task keys). */
  reviews: { plan: number; reassessment: number };
  /** Providers' requests on the case (seed 000): stop participation, care-manager change. */
  providerRequests: { -readonly [K in keyof ProviderRequestView]: ProviderRequestView[K] }[];
  /** Keys of the most recent external events, so a repeated signal is recorded once. */
  externalKeys: string[];
  /**
   * The answers of the most recent accepted updates by update id (the API's
   * `<update>:<Idempotency-Key>`), carried across continue-as-new: Temporal
   * deduplicates update ids within one run only, so a repeat that reaches a
   * later run gets the first answer from here instead of acting twice. Bounded.
   */
  updateAnswers: { id: string; answer: unknown }[];
  timeline: TimelineEntryView[];
  nextSeq: number;
  /** Events not yet confirmed written by the persistence activity. */
  pending: CaseEvent[];
  /** Notifications of written events, waiting for delivery (in order). */
  deliveries: NotificationRequest[];
  /** Clock C2 (the screening deadline while the member is not yet reached): set on first use, absent on older snapshots. */
  screeningClock?: { remindedAt?: string; missedAt?: string };
}
