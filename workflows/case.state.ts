import {
  addMs,
  attemptChannel,
  attemptDelayMs,
  canTransition,
  needsNamedCareManager,
  screeningDeadline,
  screeningRisk,
  stratifyRisk,
  validateCarePlan,
  validateConsent,
  deidentifyCommitteeUpdate,
  directClosureRefusal,
  DEFAULT_PROGRAM_POLICY,
  type AttemptOutcome,
  type CasePhase,
  type ClosureReason,
  type ProgramPolicy,
  type RecoveryStep,
  type RiskTier,
} from '@careloop/domain';
import {
  SYSTEM_ACTOR,
  type AddNoteInput,
  type AssignmentOutcome,
  type AssignmentRequest,
  type ChangePcpInput,
  type ReassignInput,
  type ReassignmentOutcome,
  type ReassignmentRequest,
  type AttemptRecord,
  type CaseActionResult,
  type CaseDetailView,
  type CaseEvent,
  type CaseEventData,
  type CaseSnapshot,
  type CaseTask,
  type CaseTaskKind,
  type CaseStartReason,
  type CaseWorkflowInput,
  type CaseWorkflowResult,
  type CloseCaseInput,
  type NotificationRequest,
  type PauseInput,
  type MemberDiscussionInput,
  type ProposePlanInput,
  type RecordContactInput,
  type RecordInterventionInput,
  type ProviderReportInput,
  type ProgressEventInput,
  type SupplementalInfoInput,
  type RecordAttemptInput,
  type RecordConsentInput,
  type ResumeInput,
  type ExtendDueDateInput,
  type NudgeTaskInput,
  type RedeliverInput,
  type ExternalCaseEvent,
  type DecideStopParticipationInput,
  type ProviderCaseView,
  type ProviderRequestInput,
  type ProviderRequestKind,
  type ProviderRequestResult,
  type ReviewPlanInput,
  type SubmitAssessmentInput,
  type SubmitScreeningInput,
  ACTIVITY_RETRYING_FLAG,
  suspendedByPause,
  type ActivityRetrying,
} from '@careloop/contracts';
import { CaseRuleViolation } from './case.errors';

const TIMELINE_LENGTH = 20;
const EXTERNAL_KEYS_KEPT = 200;
/** Answers of this many recent updates are kept (and carried across continue-as-new) for repeated requests. */
const UPDATE_ANSWERS_KEPT = 100;
const MAX_EXTERNAL_SUMMARY = 200;
/** Bookkeeping events: stored, but not shown on the recent timeline. */
const UNTIMELINED: ReadonlySet<CaseEventData['kind']> = new Set(['task_opened', 'task_closed', 'task_suspended', 'task_resumed', 'notification_requested']);
const MAX_NOTE_LENGTH = 10_000;

/**
 * Behaviour added after cases were already running, each behind a `patched()`
 * marker in case.workflow.ts: false while replaying a history recorded before it.
 */
export interface CaseBehaviour {
  /** A pause suspends the care team's clocks (TASK_CLOCKS_ON_PAUSE) and resume re-arms them with their remaining time. */
  readonly pauseSuspendsClocks: boolean;
  /** Accepted updates' answers are kept by update id and carried across continue-as-new, so a repeat in a later run is answered, not applied. */
  readonly updateAnswersCarried: boolean;
}

export const CURRENT_BEHAVIOUR: CaseBehaviour = { pauseSuspendsClocks: true, updateAnswersCarried: true };

/**
 * The case's state inside the workflow and every rule about how it changes.
 * The workflow function and the message handlers only delegate here, so the
 * lifecycle reads in one place. Deterministic: time is always passed in.
 *
 * Each change appends events to `pending` (the outbox the persistence pump
 * drains) and to the recent timeline. `check*` methods are update
 * validators: they throw CaseRuleViolation (with a PHI-free reason) and
 * change nothing.
 */
export class CaseState {
  readonly policy: ProgramPolicy;
  readonly screeningDueAt: string;
  private readonly s: CaseSnapshot;
  /** An activity reported as retrying by the worker; not carried over a continue-as-new (the next failure reports it again). */
  private retrying: ActivityRetrying | null = null;

  private constructor(
    private readonly input: CaseWorkflowInput,
    snapshot: CaseSnapshot,
    /** False while replaying a history recorded before periodic reviews existed (a `patched` marker decides). */
    private readonly periodicReviews: boolean,
    /** False while replaying a history recorded before providers were sent plan notices and told which provider (patched). */
    private readonly providerNotices: boolean,
    private readonly behaviour: CaseBehaviour,
  ) {
    this.policy = input.policy;
    this.screeningDueAt = screeningDeadline(input.enrollmentDate, input.policy.screening.deadlineMs).toISOString();
    this.s = snapshot;
  }

  /** A brand-new case: records the opening and enters screening. */
  /** `startReason` is given only for cases started for a reason other than enrollment (patched: older histories never pass it). */
  static open(
    caseId: string,
    input: CaseWorkflowInput,
    runId: string,
    now: string,
    periodicReviews = true,
    providerNotices = true,
    startReason?: CaseStartReason,
    behaviour: CaseBehaviour = CURRENT_BEHAVIOUR,
  ): CaseState {
    const state = new CaseState(input, {
      caseId,
      episodeId: runId,
      phase: 'enrolled',
      status: 'active',
      step: null,
      closureReason: null,
      parked: false,
      openedAt: now,
      lastProgressAt: now,
      attempts: [],
      screeningReachedAt: null,
      initialRisk: null,
      risk: null,
      riskTier: null,
      legalGuardian: false,
      preferredLanguage: null,
      careManagerId: null,
      unassigned: false,
      pcpId: null,
      latestPlan: null,
      activePlanVersion: null,
      tasks: [],
      contactsMade: 0,
      lastContactAt: null,
      lastCommitteeUpdateAt: null,
      committeeDueAt: null,
      sinceCommittee: { contacts: 0, missed: 0, symptomIncreases: 0, adherenceVariations: 0 },
      supplementalInfo: null,
      lastAssessedAt: null,
      reviews: { plan: 0, reassessment: 0 },
      externalKeys: [],
      updateAnswers: [],
      providerRequests: [],
      timeline: [],
      nextSeq: 1,
      pending: [],
      deliveries: [],
    }, periodicReviews, providerNotices, behaviour);
    state.emit(now, SYSTEM_ACTOR, startReason ? `case opened (${startReason})` : 'case opened', {
      kind: 'case_opened',
      runId,
      memberRef: input.memberRef,
      programCode: input.programCode,
      enrollmentDate: input.enrollmentDate,
      policyVersion: input.policy.version,
      ...(startReason ? { startReason } : {}),
    });
    state.moveTo('screening', now, SYSTEM_ACTOR);
    return state;
  }

  /** A case continued from a previous run (snapshots older than periodic reviews lack their fields). */
  static resume(input: CaseWorkflowInput, carried: CaseSnapshot, periodicReviews = true, providerNotices = true, behaviour: CaseBehaviour = CURRENT_BEHAVIOUR): CaseState {
    const added: Pick<CaseSnapshot, 'lastAssessedAt' | 'reviews' | 'deliveries' | 'externalKeys' | 'updateAnswers' | 'providerRequests'> = {
      lastAssessedAt: null,
      reviews: { plan: 0, reassessment: 0 },
      deliveries: [],
      externalKeys: [],
      updateAnswers: [],
      providerRequests: [],
    };
    return new CaseState(input, Object.assign(added, carried), periodicReviews, providerNotices, behaviour);
  }

  // ---- reading ---------------------------------------------------------------------------

  get caseId(): string {
    return this.s.caseId;
  }
  get episodeId(): string {
    return this.s.episodeId;
  }
  get phase(): CasePhase {
    return this.s.phase;
  }
  get isClosed(): boolean {
    return this.s.phase === 'closed';
  }
  get isPaused(): boolean {
    return this.s.status === 'paused';
  }
  get isParked(): boolean {
    return this.s.parked;
  }
  get screeningReached(): boolean {
    return this.s.screeningReachedAt !== null;
  }
  get attempts(): readonly AttemptRecord[] {
    return this.s.attempts;
  }
  get pendingEvents(): readonly CaseEvent[] {
    return this.s.pending;
  }
  /** Notifications of persisted events, not yet delivered (or given up on). */
  get pendingDeliveries(): readonly NotificationRequest[] {
    return this.s.deliveries;
  }
  get outboxBacklog(): number {
    return this.s.pending.length + this.s.deliveries.length;
  }

  /** The started attempt still waiting for its outcome, if any. */
  get openAttempt(): AttemptRecord | undefined {
    return this.s.attempts.find((a) => a.outcome === null);
  }

  /** The open task due first: what a supervisor's "overdue" view sorts on and names. A task suspended by a pause is not due. */
  get nextDueTask(): CaseTask | null {
    return this.s.tasks.reduce<CaseTask | null>((min, t) => (t.suspendedAt !== undefined ? min : min === null || t.dueAt < min.dueAt ? t : min), null);
  }
  get nextDueAt(): string | null {
    return this.nextDueTask?.dueAt ?? null;
  }

  get flags(): string[] {
    return [
      ...(this.isPaused ? ['paused'] : []),
      ...(this.s.parked ? ['unable_to_reach'] : []),
      ...(this.s.unassigned ? ['unassigned'] : []),
      ...(this.retrying ? [ACTIVITY_RETRYING_FLAG] : []),
    ];
  }

  /** The worker says an activity of this case keeps failing (activityRetryingSignal). */
  noteActivityRetrying(report: ActivityRetrying): void {
    this.retrying = report;
  }

  /** High and medium risk need a named care manager (seed 001 a.); asked once, then left to a supervisor if nobody had capacity. */
  get assignmentDue(): boolean {
    return !this.isClosed && this.s.riskTier !== null && needsNamedCareManager(this.s.riskTier) && this.s.careManagerId === null && !this.s.unassigned;
  }

  assignmentRequest(now: string): AssignmentRequest {
    return {
      caseId: this.caseId,
      episodeId: this.episodeId,
      riskTier: this.s.riskTier!,
      preferredLanguage: this.s.preferredLanguage,
      caseloadCap: this.policy.caseloadCap,
      at: now,
    };
  }

  applyAssignment(outcome: AssignmentOutcome, now: string): void {
    this.retrying = null;
    if (outcome.careManagerId !== null) {
      this.s.careManagerId = outcome.careManagerId;
      this.emit(now, SYSTEM_ACTOR, `care manager ${outcome.careManagerId} assigned`, {
        kind: 'care_manager_assigned',
        careManagerId: outcome.careManagerId,
        languageMatch: outcome.languageMatch,
      });
      this.notify(now, {
        key: `${this.caseId}:${this.episodeId}:assigned:${outcome.careManagerId}`,
        caseId: this.caseId,
        audience: 'care_team',
        channel: 'task_queue',
        template: 'case_assigned',
        params: { careManagerId: outcome.careManagerId, riskTier: this.s.riskTier },
      });
      return;
    }
    this.s.unassigned = true;
    this.emit(now, SYSTEM_ACTOR, 'no care manager with capacity: flagged unassigned', { kind: 'assignment_unavailable' });
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:unassigned`,
      caseId: this.caseId,
      audience: 'supervisor',
      channel: 'task_queue',
      template: 'no_care_manager_capacity',
      params: { riskTier: this.s.riskTier },
    });
  }

  searchable() {
    return {
      nextDueKind: this.nextDueTask?.kind ?? null,
      // The no-progress clock is the care team's: suspended while paused (pause and resume count as progress, so it restarts in full).
      stalledAt: this.isClosed || (this.isPaused && this.behaviour.pauseSuspendsClocks) ? null : addMs(this.s.lastProgressAt, this.policy.noProgressAlertMs),
      phase: this.s.phase,
      step: this.s.step,
      riskTier: this.s.riskTier,
      careManagerId: this.s.careManagerId,
      nextDueAt: this.nextDueAt,
      lastProgressAt: this.s.lastProgressAt,
      flags: this.flags,
    };
  }

  msUntil(iso: string, now: string): number {
    return Math.max(0, Date.parse(iso) - Date.parse(now));
  }

  // ---- screening: outreach attempts ------------------------------------------------------

  /** When the next attempt may start: right away for the first, else after the policy's spacing. */
  nextAttemptAt(): string {
    const last = this.s.attempts.at(-1);
    if (!last) {
      return this.s.openedAt;
    }
    return addMs(last.recordedAt ?? last.dueAt, attemptDelayMs(this.s.attempts.length + 1, this.policy));
  }

  outreachExhausted(now: string): boolean {
    return this.s.attempts.length >= this.policy.screening.maxAttempts || now >= this.screeningDueAt;
  }

  startAttempt(now: string): AttemptRecord {
    const number = this.s.attempts.length + 1;
    const channel = attemptChannel(number, this.policy);
    const windowEnd = addMs(now, this.policy.screening.attemptResponseWindowMs);
    const dueAt = windowEnd < this.screeningDueAt ? windowEnd : this.screeningDueAt;
    const attempt: AttemptRecord = { number, channel, startedAt: now, dueAt, outcome: null, recordedAt: null };
    this.s.attempts.push(attempt);
    this.emit(now, SYSTEM_ACTOR, `outreach attempt ${number} started (${channel})`, { kind: 'attempt_started', number, channel, dueAt });
    this.openTask(`attempt-${number}`, 'outreach_attempt', dueAt, now);
    this.notify(now, {
      key: `${this.caseId}:attempt-${number}`,
      caseId: this.caseId,
      audience: 'care_team',
      channel: 'task_queue',
      template: 'outreach_attempt_due',
      params: { attemptNumber: number, channel, dueAt },
    });
    return attempt;
  }

  checkRecordAttempt(input: RecordAttemptInput): void {
    this.requireOpen();
    this.requirePhase('screening', 'record an outreach attempt');
    const attempt = this.s.attempts.find((a) => a.number === input.attemptNumber);
    if (!attempt) {
      throw new CaseRuleViolation(`outreach attempt ${input.attemptNumber} has not been started`);
    }
    if (attempt.outcome !== null) {
      throw new CaseRuleViolation(`outreach attempt ${input.attemptNumber} already has the outcome ${attempt.outcome}`);
    }
  }

  recordAttempt(input: RecordAttemptInput, now: string): CaseActionResult {
    this.checkRecordAttempt(input);
    return this.result(this.setAttemptOutcome(input.attemptNumber, input.outcome, now, input.actorId, input.note ?? null));
  }

  /** The care team recorded nothing within the attempt's window. */
  timeOutAttempt(number: number, now: string): void {
    this.setAttemptOutcome(number, 'timed_out', now, SYSTEM_ACTOR, null);
  }

  private setAttemptOutcome(number: number, outcome: AttemptOutcome, now: string, actorId: string, note: string | null): number {
    const attempt = this.s.attempts.find((a) => a.number === number)!;
    attempt.outcome = outcome;
    attempt.recordedAt = now;
    const seq = this.emit(now, actorId, `outreach attempt ${number}: ${outcome}`, { kind: 'attempt_recorded', number, outcome, note });
    this.closeTask(`attempt-${number}`, outcome === 'timed_out' ? 'timed_out' : 'done', now);
    if (actorId !== SYSTEM_ACTOR) {
      this.s.lastProgressAt = now;
    }
    if (outcome === 'reached') {
      this.s.screeningReachedAt = now;
      this.openTask('screening', 'screening', this.screeningDueAt, now);
    } else if (outcome === 'declined') {
      this.close('member_declined', now, actorId, 'member declined at outreach');
    }
    return seq;
  }

  /** All attempts used or the deadline passed without reaching the member (seed 002 §5.1.1). */
  unableToReach(now: string): void {
    if (this.policy.screening.onUnableToReach === 'close') {
      this.close('unable_to_reach', now, SYSTEM_ACTOR, `${this.s.attempts.length} documented outreach attempt(s)`);
    } else {
      this.s.parked = true;
      this.emit(now, SYSTEM_ACTOR, 'unable to reach: parked for supervisor review', {
        kind: 'notification_requested',
        notification: {
          key: `${this.caseId}:unable-to-reach`,
          caseId: this.caseId,
          audience: 'supervisor',
          channel: 'task_queue',
          template: 'unable_to_reach_parked',
          params: { attempts: this.s.attempts.length },
        },
      });
    }
  }

  checkSubmitScreening(input: SubmitScreeningInput): void {
    this.requireOpen();
    this.requirePhase('screening', 'submit screening answers');
    if (!this.screeningReached) {
      throw new CaseRuleViolation('screening answers need an outreach attempt with the outcome reached first');
    }
    this.guardDomain(() => screeningRisk(input.answers));
  }

  submitScreening(input: SubmitScreeningInput, now: string) {
    this.checkSubmitScreening(input);
    const initialRisk = screeningRisk(input.answers);
    this.s.initialRisk = initialRisk;
    this.s.preferredLanguage = input.answers.preferredLanguage;
    const seq = this.emit(now, input.actorId, `screening submitted: initial risk ${initialRisk.tier}`, {
      kind: 'screening_submitted',
      answers: input.answers,
      initialRisk,
    });
    this.closeTask('screening', 'done', now);
    this.moveTo('assessment', now, input.actorId);
    this.openTask('assessment', 'assessment', addMs(now, this.policy.assessmentDueMs), now);
    return { ...this.result(seq), initialRisk };
  }

  // ---- assessment and care plan ----------------------------------------------------------

  /** The initial assessment in `assessment`; in recovery support, a reassessment (periodic, or when needs change). */
  checkSubmitAssessment(input: SubmitAssessmentInput): void {
    this.requireOpen();
    if (this.s.phase !== 'assessment' && this.s.phase !== 'recovery_support') {
      throw new CaseRuleViolation(`cannot submit an assessment in phase ${this.s.phase}; the case must be in assessment (or recovery_support, for a reassessment)`);
    }
    this.guardDomain(() => stratifyRisk(input.answers));
  }

  submitAssessment(input: SubmitAssessmentInput, now: string) {
    this.checkSubmitAssessment(input);
    const reassessment = this.s.phase === 'recovery_support';
    const previousTier = this.s.riskTier;
    const risk = stratifyRisk(input.answers);
    this.s.risk = risk;
    this.s.riskTier = risk.tier;
    this.s.legalGuardian = input.answers.caregiver.legalGuardian;
    this.s.preferredLanguage = input.answers.cultural.preferredLanguage;
    this.s.lastAssessedAt = now;
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `${reassessment ? 'reassessment' : 'assessment'} submitted: risk ${risk.tier}`, {
      kind: 'assessment_submitted',
      answers: input.answers,
      risk,
      ...(reassessment ? { reassessment } : {}),
    });
    if (reassessment) {
      this.afterReassessment(previousTier, now);
    } else {
      this.closeTask('assessment', 'done', now);
      this.moveTo('care_planning', now, input.actorId);
      this.openTask('care-plan', 'care_plan', addMs(now, this.policy.carePlanDueMs), now);
    }
    return { ...this.result(seq), risk };
  }

  checkProposePlan(input: ProposePlanInput, today: string): void {
    this.requireOpen();
    if (this.s.phase !== 'care_planning' && this.s.phase !== 'recovery_support') {
      throw new CaseRuleViolation(`a care plan can be proposed in care_planning or recovery_support, not in ${this.s.phase}`);
    }
    const issues = validateCarePlan(input.plan, today);
    if (issues.length) {
      throw new CaseRuleViolation(`the care plan is not valid: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`);
    }
  }

  proposePlan(input: ProposePlanInput, now: string) {
    this.checkProposePlan(input, now.slice(0, 10));
    const version = (this.s.latestPlan?.version ?? 0) + 1;
    this.s.latestPlan = { version, plan: input.plan, proposedAt: now, consent: null, consentedAt: null };
    const seq = this.emit(now, input.actorId, `care plan version ${version} proposed`, { kind: 'plan_proposed', version, plan: input.plan });
    this.closeTask('plan-consent', 'cancelled', now);
    this.openTask('plan-consent', 'plan_consent', addMs(now, this.policy.carePlanDueMs), now);
    return { ...this.result(seq), planVersion: version };
  }

  checkRecordConsent(input: RecordConsentInput): void {
    this.requireOpen();
    const latest = this.s.latestPlan;
    if (!latest) {
      throw new CaseRuleViolation('there is no proposed care plan to consent to');
    }
    if (input.planVersion !== latest.version) {
      throw new CaseRuleViolation(`consent must be for the latest plan version ${latest.version}, not ${input.planVersion}`);
    }
    if (latest.consent !== null) {
      throw new CaseRuleViolation(`care plan version ${latest.version} already has consent recorded`);
    }
    const issues = validateConsent(input.consent, { legalGuardian: this.s.legalGuardian });
    if (issues.length) {
      throw new CaseRuleViolation(`consent is not valid: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`);
    }
  }

  /** Consent makes the plan version active (seed 001 (B)); the first active plan starts recovery support. */
  recordConsent(input: RecordConsentInput, now: string): CaseActionResult {
    this.checkRecordConsent(input);
    const latest = this.s.latestPlan!;
    latest.consent = input.consent;
    latest.consentedAt = now;
    this.s.activePlanVersion = latest.version;
    const revision = this.s.phase === 'recovery_support';
    const seq = this.emit(now, input.actorId, `care plan version ${latest.version} active (consent by ${input.consent.consentedBy})`, {
      kind: 'plan_consented',
      version: latest.version,
      consent: input.consent,
    });
    this.closeTask('plan-consent', 'done', now);
    this.closeTask('care-plan', 'done', now);
    if (this.s.phase === 'care_planning') {
      this.moveTo('recovery_support', now, input.actorId);
      this.s.committeeDueAt = addMs(now, this.policy.committeeUpdateMaxIntervalMs);
      this.enterStep('recovery_plan', now, input.actorId);
      this.openTask('member-discussion', 'member_discussion', addMs(now, this.policy.carePlanDueMs), now);
      this.ensurePeriodicReviews(now);
    } else if (this.s.step === 'recovery_plan') {
      // A plan revised after the member's concerns goes back to the member (seed 003 steps 1-2).
      this.openTask('member-discussion', 'member_discussion', addMs(now, this.policy.carePlanDueMs), now);
    } else {
      this.enterStep('adjustments', now, input.actorId);
    }
    if (revision) {
      // A newly active plan restarts the review clock: the next review is one interval from now.
      this.scheduleNextReview('plan_review', now);
    }
    if (this.providerNotices) {
      // Seed 000: providers receive program information and their patients' plan summaries, and take part in the plan.
      this.notify(now, {
        key: `${this.caseId}:${this.episodeId}:plan-summary:${latest.version}`,
        caseId: this.caseId,
        audience: 'provider',
        channel: 'task_queue',
        template: 'care_plan_summary_available',
        params: { providerId: this.s.pcpId, planVersion: latest.version, programCode: this.input.programCode, pointOfContact: this.pointOfContact },
      });
    }
    return this.result(seq);
  }

  // ---- reassignment and PCP change (any open phase) ---------------------------------------

  checkReassign(input: ReassignInput): void {
    this.requireOpen();
    if (input.careManagerId === this.s.careManagerId) {
      throw new CaseRuleViolation(`the case is already assigned to ${input.careManagerId}`);
    }
  }

  reassignmentRequest(input: ReassignInput, now: string): ReassignmentRequest {
    return {
      caseId: this.caseId,
      episodeId: this.episodeId,
      toCareManagerId: input.careManagerId,
      riskTier: this.s.riskTier ?? 'low',
      caseloadCap: this.policy.caseloadCap,
      at: now,
      allowOverCap: input.overrideCap === true,
    };
  }

  /** Applies the assignment the activity made, or refuses with why (never over cap: seed 001). */
  applyReassignment(input: ReassignInput, outcome: ReassignmentOutcome, now: string): CaseActionResult {
    this.requireOpen();
    if (outcome.careManagerId === null) {
      throw new CaseRuleViolation(
        outcome.status === 'over_cap'
          ? `${input.careManagerId} is at the caseload cap; choose someone with capacity`
          : `${input.careManagerId} is not an active care manager`,
      );
    }
    const from = this.s.careManagerId;
    this.s.careManagerId = outcome.careManagerId;
    this.s.unassigned = false;
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `reassigned ${from ?? 'none'} -> ${outcome.careManagerId}`, {
      kind: 'care_manager_reassigned',
      from,
      to: outcome.careManagerId,
      reason: input.overrideCap ? `${input.reason} (caseload cap overridden)` : input.reason,
    });
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:assigned:${outcome.careManagerId}:${seq}`,
      caseId: this.caseId,
      audience: 'care_team',
      channel: 'task_queue',
      template: 'case_assigned',
      params: { careManagerId: outcome.careManagerId, riskTier: this.s.riskTier },
    });
    return this.result(seq);
  }

  checkChangePcp(input: ChangePcpInput): void {
    this.requireOpen();
    if (input.pcpId === this.s.pcpId) {
      throw new CaseRuleViolation(`${input.pcpId} is already the member's PCP`);
    }
  }

  /** The care plan and referrals stay with the case; the new PCP is informed (seed 002 §4.11.7.4.4). */
  changePcp(input: ChangePcpInput, now: string): CaseActionResult {
    this.checkChangePcp(input);
    const from = this.s.pcpId;
    this.s.pcpId = input.pcpId;
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `PCP changed ${from ?? 'none'} -> ${input.pcpId}`, { kind: 'pcp_changed', from, to: input.pcpId });
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:pcp:${input.pcpId}:${seq}`,
      caseId: this.caseId,
      audience: 'provider',
      channel: 'task_queue',
      template: 'pcp_care_plan_handover',
      params: { pcpId: input.pcpId, activePlanVersion: this.s.activePlanVersion },
    });
    return this.result(seq);
  }

  // ---- recovery support (seed 003) ---------------------------------------------------------

  get committeeDueAt(): string | null {
    return this.s.committeeDueAt;
  }

  checkMemberDiscussion(_input: MemberDiscussionInput): void {
    this.requireOpen();
    this.requirePhase('recovery_support', 'record the member discussion');
    if (!this.s.tasks.some((t) => t.key === 'member-discussion')) {
      throw new CaseRuleViolation('there is no plan awaiting discussion with the member; revise the plan first');
    }
  }

  /** Step 2: agreement moves on to regular support; concerns send the plan back for re-evaluation (step 1). */
  memberDiscussion(input: MemberDiscussionInput, now: string): CaseActionResult {
    this.checkMemberDiscussion(input);
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `member discussion: ${input.outcome}`, {
      kind: 'member_discussed',
      outcome: input.outcome,
      summary: input.summary ?? null,
    });
    this.closeTask('member-discussion', 'done', now);
    if (input.outcome === 'agrees') {
      this.enterStep('support_and_assistance', now, input.actorId);
      if (!this.s.tasks.some((t) => t.kind === 'contact')) {
        this.scheduleContact(now);
      }
    } else {
      this.enterStep('recovery_plan', now, input.actorId);
      this.openTask('care-plan', 'care_plan', addMs(now, this.policy.carePlanDueMs), now);
    }
    return this.result(seq);
  }

  checkRecordContact(_input: RecordContactInput): void {
    this.requireOpen();
    this.requirePhase('recovery_support', 'record a regular contact');
    if (!this.s.tasks.some((t) => t.kind === 'contact')) {
      throw new CaseRuleViolation('no regular contact is scheduled yet; the member must first agree to the plan');
    }
  }

  /** Step 3: a contact on the tier's cadence (seed 001: daily to bimonthly); the next one is scheduled from it. */
  recordContact(input: RecordContactInput, now: string): CaseActionResult {
    this.checkRecordContact(input);
    const task = this.s.tasks.find((t) => t.kind === 'contact')!;
    const number = this.s.contactsMade + 1;
    this.s.contactsMade = number;
    this.s.lastProgressAt = now;
    if (input.outcome === 'completed') {
      this.s.lastContactAt = now;
      this.s.sinceCommittee.contacts++;
    } else {
      this.s.sinceCommittee.missed++;
    }
    const seq = this.emit(now, input.actorId, `contact ${number}: ${input.outcome} (${input.channel})`, {
      kind: 'contact_recorded',
      number,
      channel: input.channel,
      outcome: input.outcome,
      summary: input.summary ?? null,
    });
    this.closeTask(task.key, 'done', now);
    this.enterStep('support_and_assistance', now, input.actorId);
    this.scheduleContact(now);
    return this.result(seq);
  }

  checkRecoveryAction(): void {
    this.requireOpen();
    this.requirePhase('recovery_support', 'record this');
  }

  /** Step 4. */
  recordIntervention(input: RecordInterventionInput, now: string): CaseActionResult {
    this.checkRecoveryAction();
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `intervention: ${input.kind}`, {
      kind: 'intervention_recorded',
      interventionKind: input.kind,
      description: input.description,
    });
    this.enterStep('intervention', now, input.actorId);
    return this.result(seq);
  }

  /** Step 5: forwarded to the treating physician; new information in the file also goes to the committee (step 9). */
  providerReport(input: ProviderReportInput, now: string): CaseActionResult {
    this.checkRecoveryAction();
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `provider report from ${input.providerId}`, {
      kind: 'provider_report_received',
      providerId: input.providerId,
      summary: input.summary,
      discussedWithMember: input.discussedWithMember,
    });
    this.enterStep('reporting', now, input.actorId);
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:report:${seq}`,
      caseId: this.caseId,
      audience: 'provider',
      channel: 'task_queue',
      template: 'provider_report_forwarded',
      params: { reportSeq: seq },
    });
    this.sendCommitteeUpdate(now, 'new_information');
    return this.result(seq);
  }

  /** Step 6 (and 8 when progress is behind the expected course). */
  progressEvent(input: ProgressEventInput, now: string): CaseActionResult {
    this.checkRecoveryAction();
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `monitoring: ${input.kind}`, { kind: 'progress_recorded', progressKind: input.kind, detail: input.detail });
    this.enterStep('monitoring', now, input.actorId);
    if (input.kind === 'symptom_increase' || input.kind === 'adherence_variation') {
      // Seed 000: providers have the right to be notified of both.
      if (input.kind === 'symptom_increase') {
        this.s.sinceCommittee.symptomIncreases++;
      } else {
        this.s.sinceCommittee.adherenceVariations++;
      }
      this.notify(now, {
        key: `${this.caseId}:${this.episodeId}:${input.kind}:${seq}`,
        caseId: this.caseId,
        audience: 'provider',
        channel: 'task_queue',
        template: input.kind,
        // Which provider: the member's PCP (recorded since the provider-notices patch).
        params: this.providerNotices ? { eventSeq: seq, providerId: this.s.pcpId } : { eventSeq: seq },
      });
    }
    if (input.kind === 'behind_expected_course' && this.s.supplementalInfo === null) {
      this.requestSupplementalInfo(now, input.actorId);
    }
    return this.result(seq);
  }

  /** Step 8: ask the treating physician for supplemental information, with a due date and escalation. */
  private requestSupplementalInfo(now: string, actorId: string): void {
    const dueAt = addMs(now, this.policy.supplementalInfo.dueMs);
    this.s.supplementalInfo = { requestedAt: now, dueAt, escalated: false };
    this.emit(now, actorId, 'supplemental information requested from the treating physician', { kind: 'supplemental_info_requested', dueAt });
    this.enterStep('additional_information', now, actorId);
    this.openTask('supplemental-info', 'supplemental_info', dueAt, now);
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:supplemental:${now}`,
      caseId: this.caseId,
      audience: 'provider',
      channel: 'task_queue',
      template: 'supplemental_info_requested',
      params: { dueAt },
    });
  }

  /** When an unanswered request should be escalated to the supervisor (null if none or already escalated). */
  get supplementalEscalationAt(): string | null {
    const r = this.s.supplementalInfo;
    return r && !r.escalated ? addMs(r.dueAt, this.policy.supplementalInfo.escalateAfterMs) : null;
  }

  escalateSupplementalInfo(now: string): void {
    this.s.supplementalInfo!.escalated = true;
    this.emit(now, SYSTEM_ACTOR, 'supplemental information overdue: escalated to the supervisor', { kind: 'supplemental_info_escalated' });
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:supplemental-overdue:${this.s.supplementalInfo!.requestedAt}`,
      caseId: this.caseId,
      audience: 'supervisor',
      channel: 'task_queue',
      template: 'supplemental_info_overdue',
      params: { dueAt: this.s.supplementalInfo!.dueAt },
    });
  }

  checkSupplementalInfo(): void {
    this.checkRecoveryAction();
    if (this.s.supplementalInfo === null) {
      throw new CaseRuleViolation('no supplemental information has been requested');
    }
  }

  /** Step 8 → 7: the answer arrived; the plan is adjusted with it. */
  supplementalInfoReceived(input: SupplementalInfoInput, now: string): CaseActionResult {
    this.checkSupplementalInfo();
    this.s.supplementalInfo = null;
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, 'supplemental information received', { kind: 'supplemental_info_received', summary: input.summary });
    this.closeTask('supplemental-info', 'done', now);
    this.enterStep('adjustments', now, input.actorId);
    this.sendCommitteeUpdate(now, 'new_information');
    return this.result(seq);
  }

  private scheduleContact(now: string): void {
    const cadence = this.policy.contactCadenceMs[this.s.riskTier ?? 'low'];
    this.openTask(`contact-${this.s.contactsMade + 1}`, 'contact', addMs(this.s.lastContactAt ?? now, cadence), now);
  }

  /**
   * Step 9: the committee hears about the case at least every four weeks
   * (policy), de-identified: codes, counts and months only (seed 003).
   */
  sendCommitteeUpdate(now: string, trigger: 'scheduled' | 'new_information'): void {
    const plan = this.s.latestPlan?.plan;
    const update = deidentifyCommitteeUpdate(
      {
        caseId: this.caseId,
        programCode: this.input.programCode,
        phase: this.s.phase,
        step: this.s.step,
        riskTier: this.s.riskTier,
        memberRef: this.input.memberRef,
        enrollmentDate: this.input.enrollmentDate,
        openedAt: this.s.openedAt,
        goals: (plan?.goals ?? []).map((g) => ({ description: g.description, targetDate: g.targetDate, status: 'open' as const })),
        contactsSinceLastUpdate: this.s.sinceCommittee.contacts,
        missedContactsSinceLastUpdate: this.s.sinceCommittee.missed,
        symptomIncreasesSinceLastUpdate: this.s.sinceCommittee.symptomIncreases,
        adherenceVariationsSinceLastUpdate: this.s.sinceCommittee.adherenceVariations,
        supplementalInfoOutstanding: this.s.supplementalInfo !== null,
        planVersion: this.s.activePlanVersion,
        notes: [],
        trigger,
      },
      now,
    );
    this.s.lastCommitteeUpdateAt = now;
    // Scheduled updates keep their cadence from the due time (no drift by task latency).
    const due = this.s.committeeDueAt;
    const base = trigger === 'scheduled' && due !== null && due < now ? due : now;
    this.s.committeeDueAt = addMs(base, this.policy.committeeUpdateMaxIntervalMs);
    this.s.sinceCommittee = { contacts: 0, missed: 0, symptomIncreases: 0, adherenceVariations: 0 };
    this.emit(now, SYSTEM_ACTOR, `committee update (${trigger})`, { kind: 'committee_update_sent', update });
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:committee:${now}`,
      caseId: this.caseId,
      audience: 'committee',
      channel: 'task_queue',
      template: 'committee_case_update',
      params: { monthsInProgram: update.monthsInProgram, riskTier: update.riskTier, step: update.step },
    });
    if (trigger === 'scheduled') {
      this.enterStep('regular_updates', now, SYSTEM_ACTOR);
    }
  }

  // ---- periodic reviews (DESIGN §3.5) --------------------------------------------------------

  /**
   * Recovery support always has one open plan-review task and one open
   * reassessment task, due on the policy cadence. Opened on entering recovery
   * support, and on resuming a snapshot taken before reviews existed.
   */
  ensurePeriodicReviews(now: string): void {
    if (this.s.phase !== 'recovery_support') {
      return;
    }
    if (!this.s.tasks.some((t) => t.kind === 'plan_review')) {
      this.scheduleNextReview('plan_review', this.s.latestPlan?.consentedAt ?? now, now);
    }
    if (!this.s.tasks.some((t) => t.kind === 'reassessment')) {
      this.scheduleNextReview('reassessment', this.s.lastAssessedAt ?? now, now);
    }
  }

  /** Closes the open review of `kind` (it happened) and opens the next one, one interval after `from`. */
  private scheduleNextReview(kind: 'plan_review' | 'reassessment', from: string, now: string = from): void {
    if (!this.periodicReviews) {
      return;
    }
    const open = this.s.tasks.find((t) => t.kind === kind);
    if (open) {
      this.closeTask(open.key, 'done', now);
    }
    const interval = kind === 'plan_review' ? this.policy.planReviewIntervalMs : this.policy.reassessmentIntervalMs;
    const counter = kind === 'plan_review' ? 'plan' : 'reassessment';
    this.s.reviews[counter]++;
    this.openTask(`${kind.replace('_', '-')}-${this.s.reviews[counter]}`, kind, addMs(from, interval), now);
  }

  checkReviewPlan(_input: ReviewPlanInput): void {
    this.requireOpen();
    this.requirePhase('recovery_support', 'record a plan review');
  }

  /** The care team reviewed the active plan: it continues, or goes back for revision (step 7). */
  reviewPlan(input: ReviewPlanInput, now: string): CaseActionResult {
    this.checkReviewPlan(input);
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `plan review: ${input.outcome}`, {
      kind: 'plan_reviewed',
      outcome: input.outcome,
      planVersion: this.s.activePlanVersion,
      summary: input.summary ?? null,
    });
    this.scheduleNextReview('plan_review', now);
    if (input.outcome === 'revise') {
      this.enterStep('adjustments', now, input.actorId);
      if (!this.s.tasks.some((t) => t.key === 'care-plan')) {
        this.openTask('care-plan', 'care_plan', addMs(now, this.policy.carePlanDueMs), now);
      }
    }
    return this.result(seq);
  }

  /**
   * A reassessment in recovery support: the next one is scheduled from it; a
   * changed tier moves the open contact to the new cadence (and a tier that
   * now needs a named care manager gets one through `assignmentDue`). New
   * information in the file goes to the committee (step 9).
   */
  private afterReassessment(previousTier: RiskTier | null, now: string): void {
    this.scheduleNextReview('reassessment', now);
    const contact = this.s.tasks.find((t) => t.kind === 'contact');
    if (contact && previousTier !== this.s.riskTier) {
      this.rescheduleTask(
        contact.key,
        addMs(this.s.lastContactAt ?? contact.openedAt, this.policy.contactCadenceMs[this.s.riskTier!]),
        now,
        SYSTEM_ACTOR,
        `contact cadence of risk tier ${this.s.riskTier}`,
      );
    }
    this.sendCommitteeUpdate(now, 'new_information');
  }

  /** Open review tasks past due that the care team has not yet been reminded of. */
  private get reviewReminderAt(): string | null {
    return this.s.tasks
      .filter((t) => (t.kind === 'plan_review' || t.kind === 'reassessment') && t.remindedAt === undefined && t.suspendedAt === undefined)
      .reduce<string | null>((min, t) => (min === null || t.dueAt < min ? t.dueAt : min), null);
  }

  private remindDueReviews(now: string): void {
    for (const task of this.s.tasks) {
      if ((task.kind === 'plan_review' || task.kind === 'reassessment') && task.remindedAt === undefined && task.suspendedAt === undefined && task.dueAt <= now) {
        task.remindedAt = now;
        this.notify(now, {
          key: `${this.caseId}:${this.episodeId}:${task.key}:due`,
          caseId: this.caseId,
          audience: 'care_team',
          channel: 'task_queue',
          template: `${task.kind}_due`,
          params: { taskKey: task.key, dueAt: task.dueAt, careManagerId: this.s.careManagerId },
        });
      }
    }
  }

  // ---- recovery support: what the workflow does by itself, on time ---------------------------

  /** The earliest time the workflow must act on its own: committee update, supplemental-info escalation, review reminder. */
  get nextScheduledAt(): string {
    const times = [this.s.committeeDueAt!, this.supplementalEscalationAt, this.reviewReminderAt].filter((t): t is string => t !== null);
    return times.reduce((min, t) => (t < min ? t : min));
  }

  /** Does whatever has come due by `now` (called when the `nextScheduledAt` timer fires). */
  runScheduled(now: string): void {
    const escalationAt = this.supplementalEscalationAt;
    if (escalationAt !== null && now >= escalationAt) {
      this.escalateSupplementalInfo(now);
    }
    this.remindDueReviews(now);
    if (now >= this.s.committeeDueAt!) {
      this.sendCommitteeUpdate(now, 'scheduled');
    }
  }

  // ---- supervisor actions (DESIGN §5) -------------------------------------------------------

  private requireTask(key: string): CaseTask {
    const task = this.s.tasks.find((t) => t.key === key);
    if (!task) {
      throw new CaseRuleViolation(`there is no open task ${key}; open tasks: ${this.s.tasks.map((t) => t.key).join(', ') || 'none'}`);
    }
    return task;
  }

  checkExtendDueDate(input: ExtendDueDateInput): void {
    this.requireOpen();
    const task = this.requireTask(input.taskKey);
    if (!(Date.parse(input.dueAt) > Date.parse(task.dueAt))) {
      throw new CaseRuleViolation(`the new due time must be later than the current one (${task.dueAt})`);
    }
  }

  extendDueDate(input: ExtendDueDateInput, now: string): CaseActionResult {
    this.checkExtendDueDate(input);
    return this.result(this.rescheduleTask(input.taskKey, new Date(input.dueAt).toISOString(), now, input.actorId, input.reason));
  }

  checkNudge(input: NudgeTaskInput): void {
    this.requireOpen();
    this.requireTask(input.taskKey);
  }

  /** The care team is reminded of the task again (a new notification; the due time stays). */
  nudgeTask(input: NudgeTaskInput, now: string): CaseActionResult {
    this.checkNudge(input);
    const task = this.requireTask(input.taskKey);
    const seq = this.emit(now, input.actorId, `task ${task.key} nudged`, { kind: 'task_nudged', key: task.key, reason: input.reason });
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:nudge:${task.key}:${seq}`,
      caseId: this.caseId,
      audience: 'care_team',
      channel: 'task_queue',
      template: 'task_nudged',
      params: { taskKey: task.key, taskKind: task.kind, dueAt: task.dueAt, careManagerId: this.s.careManagerId },
    });
    return this.result(seq);
  }

  checkRedeliver(input: RedeliverInput): void {
    this.requireOpen();
    if (input.notifications.length === 0) {
      throw new CaseRuleViolation('there are no failed notifications to deliver again');
    }
    if (input.notifications.some((n) => n.caseId !== this.caseId)) {
      throw new CaseRuleViolation('every notification must belong to this case');
    }
  }

  /** Failed deliveries go to the back of the outbox again (delivery skips any that meanwhile succeeded). */
  redeliver(input: RedeliverInput, now: string): CaseActionResult {
    this.checkRedeliver(input);
    const keys = input.notifications.map((n) => n.key);
    const seq = this.emit(now, input.actorId, `${keys.length} notification(s) queued for delivery again`, { kind: 'notifications_redelivered', keys, reason: input.reason });
    this.s.deliveries.push(...input.notifications);
    return this.result(seq);
  }

  // ---- provider rights (seed 000) ------------------------------------------------------------

  /** Who the member and providers contact: the named care manager, else the program's care team. */
  get pointOfContact(): string {
    return this.s.careManagerId ?? `care-team:${this.input.programCode}`;
  }

  checkProviderRequest(kind: ProviderRequestKind, input: ProviderRequestInput): void {
    this.requireOpen();
    const pending = this.s.providerRequests.find((r) => r.kind === kind && r.status === 'pending' && r.providerId === input.providerId);
    if (pending) {
      throw new CaseRuleViolation(`provider ${input.providerId} already has request ${pending.requestId} pending`);
    }
  }

  /**
   * A provider asks that the patient stop participating: a supervisor review
   * task with the policy's due time; the case stays open until decided.
   */
  requestStopParticipation(input: ProviderRequestInput, now: string): ProviderRequestResult {
    this.checkProviderRequest('stop_participation', input);
    const reviewMs = this.policy.providerRequests?.stopParticipationReviewMs ?? DEFAULT_PROGRAM_POLICY.providerRequests.stopParticipationReviewMs;
    const { requestId, seq } = this.receiveProviderRequest('stop_participation', input, addMs(now, reviewMs), now);
    this.openTask(`stop-participation-${requestId}`, 'stop_participation_review', addMs(now, reviewMs), now);
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:${requestId}:review`,
      caseId: this.caseId,
      audience: 'supervisor',
      channel: 'task_queue',
      template: 'stop_participation_review_due',
      params: { requestId, providerId: input.providerId, dueAt: addMs(now, reviewMs) },
    });
    return { ...this.result(seq), requestId };
  }

  /** A provider asks for another care manager: forwarded to the supervisor, who reassigns (or not) as usual. */
  requestCareManagerChange(input: ProviderRequestInput, now: string): ProviderRequestResult {
    this.checkProviderRequest('care_manager_change', input);
    const { requestId, seq } = this.receiveProviderRequest('care_manager_change', input, null, now);
    this.s.providerRequests.find((r) => r.requestId === requestId)!.status = 'forwarded';
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:${requestId}:forwarded`,
      caseId: this.caseId,
      audience: 'supervisor',
      channel: 'task_queue',
      template: 'care_manager_change_requested',
      params: { requestId, providerId: input.providerId, careManagerId: this.s.careManagerId },
    });
    return { ...this.result(seq), requestId };
  }

  private receiveProviderRequest(kind: ProviderRequestKind, input: ProviderRequestInput, dueAt: string | null, now: string) {
    const requestId = `pr-${this.s.providerRequests.length + 1}`;
    this.s.providerRequests.push({ requestId, kind, providerId: input.providerId, status: 'pending', receivedAt: now, dueAt, decidedAt: null, decidedBy: null });
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `provider ${input.providerId} requested ${kind.replace(/_/g, ' ')} (${requestId})`, {
      kind: 'provider_request_received',
      requestId,
      requestKind: kind,
      providerId: input.providerId,
      reason: input.reason,
    });
    return { requestId, seq };
  }

  checkDecideStopParticipation(input: DecideStopParticipationInput): void {
    this.requireOpen();
    const request = this.s.providerRequests.find((r) => r.requestId === input.requestId && r.kind === 'stop_participation');
    if (!request) {
      throw new CaseRuleViolation(`there is no stop-participation request ${input.requestId} on this case`);
    }
    if (request.status !== 'pending') {
      throw new CaseRuleViolation(`request ${input.requestId} was already ${request.status}`);
    }
  }

  /** The supervisor's decision: approval closes the case (`provider_request`); rejection keeps it open. The provider is told either way. */
  decideStopParticipation(input: DecideStopParticipationInput, now: string): CaseActionResult {
    this.checkDecideStopParticipation(input);
    const request = this.s.providerRequests.find((r) => r.requestId === input.requestId)!;
    const decision = input.decision === 'approve' ? 'approved' : 'rejected';
    request.status = decision;
    request.decidedAt = now;
    request.decidedBy = input.actorId;
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, `stop-participation request ${request.requestId} ${decision}`, {
      kind: 'provider_request_decided',
      requestId: request.requestId,
      decision,
      reason: input.reason,
    });
    this.closeTask(`stop-participation-${request.requestId}`, 'done', now);
    this.notify(now, {
      key: `${this.caseId}:${this.episodeId}:${request.requestId}:decided`,
      caseId: this.caseId,
      audience: 'provider',
      channel: 'task_queue',
      template: 'stop_participation_decided',
      params: { requestId: request.requestId, providerId: request.providerId, decision },
    });
    if (decision === 'approved') {
      this.close('provider_request', now, input.actorId, `stop requested by provider ${request.providerId} (${request.requestId})`);
    }
    return this.result(seq);
  }

  /** What a treating provider sees: who manages the case and their requests; no member details, no assessment. */
  providerView(): ProviderCaseView {
    return {
      caseId: this.caseId,
      programCode: this.input.programCode,
      phase: this.s.phase,
      status: this.s.status,
      careManagerId: this.s.careManagerId,
      pointOfContact: this.pointOfContact,
      pcpId: this.s.pcpId,
      activePlanVersion: this.s.activePlanVersion,
      providerRequests: this.s.providerRequests.map((r) => ({ ...r })),
    };
  }

  // ---- any open phase ---------------------------------------------------------------------

  /**
   * An event from outside (a signal): recorded on the timeline once per key.
   * Never refused; on a closed case it is dropped, as the case takes nothing more.
   */
  recordExternalEvent(event: ExternalCaseEvent, now: string): void {
    if (this.isClosed || this.s.externalKeys.includes(event.key)) {
      return;
    }
    this.s.externalKeys.push(event.key);
    if (this.s.externalKeys.length > EXTERNAL_KEYS_KEPT) {
      this.s.externalKeys.shift();
    }
    this.emit(now, event.source, `${event.source}: ${event.summary.slice(0, MAX_EXTERNAL_SUMMARY)}`, {
      kind: 'external_event_recorded',
      key: event.key,
      source: event.source,
      eventKind: event.kind,
      occurredAt: event.occurredAt,
      reference: event.reference ?? null,
    });
  }

  checkPause(): void {
    this.requireOpen();
    if (this.isPaused) {
      throw new CaseRuleViolation('the case is already paused');
    }
  }

  /** Paused: no new outreach; the care team's clocks are suspended (TASK_CLOCKS_ON_PAUSE), regulatory ones keep running. */
  pause(input: PauseInput, now: string): CaseActionResult {
    this.checkPause();
    this.s.status = 'paused';
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, 'case paused', { kind: 'paused', reason: input.reason });
    for (const task of this.s.tasks) {
      this.suspendIfPaused(task, now);
    }
    return this.result(seq);
  }

  checkResume(): void {
    this.requireOpen();
    if (!this.isPaused) {
      throw new CaseRuleViolation('the case is not paused');
    }
  }

  /** Active again: every suspended task is re-armed with the time it had left when suspended. */
  resume(input: ResumeInput, now: string): CaseActionResult {
    this.checkResume();
    this.s.status = 'active';
    this.s.lastProgressAt = now;
    const seq = this.emit(now, input.actorId, 'case resumed', { kind: 'resumed' });
    for (const task of this.s.tasks) {
      if (task.suspendedAt !== undefined) {
        task.dueAt = addMs(now, Date.parse(task.dueAt) - Date.parse(task.suspendedAt));
        delete task.suspendedAt;
        this.emit(now, SYSTEM_ACTOR, `task ${task.key} resumed, due ${task.dueAt}`, { kind: 'task_resumed', key: task.key, dueAt: task.dueAt });
      }
    }
    return this.result(seq);
  }

  /**
   * While paused (since the pause-suspends-clocks patch), a care-team task's
   * clock stops: it keeps its remaining time and is not due until resumed.
   */
  private suspendIfPaused(task: CaseTask, now: string): void {
    if (!this.isPaused || !this.behaviour.pauseSuspendsClocks || task.suspendedAt !== undefined || !suspendedByPause(task.kind)) {
      return;
    }
    task.suspendedAt = now;
    const remainingMs = Date.parse(task.dueAt) - Date.parse(now);
    this.emit(now, SYSTEM_ACTOR, `task ${task.key} suspended while the case is paused`, { kind: 'task_suspended', key: task.key, remainingMs });
  }

  checkAddNote(input: AddNoteInput): void {
    this.requireOpen();
    if (input.text.trim().length === 0 || input.text.length > MAX_NOTE_LENGTH) {
      throw new CaseRuleViolation(`a note must have 1 to ${MAX_NOTE_LENGTH} characters`);
    }
  }

  addNote(input: AddNoteInput, now: string): CaseActionResult {
    this.checkAddNote(input);
    this.s.lastProgressAt = now;
    const label = input.kind === 'call_record' ? 'call record' : 'note';
    return this.result(this.emit(now, input.actorId, `${label} added`, { kind: 'note_added', noteKind: input.kind, text: input.text }));
  }

  /** A direct close (care team or supervisor); a flow-only reason (`provider_request`) is refused with the flow it must come from. */
  checkClose(input: CloseCaseInput): void {
    this.requireOpen();
    const refusal = directClosureRefusal(input.reason);
    if (refusal !== null) {
      throw new CaseRuleViolation(refusal);
    }
  }

  closeByRequest(input: CloseCaseInput, now: string): CaseActionResult {
    // Only the validator refuses flow-only reasons: it never runs on replay, so a direct close accepted
    // before that rule existed still replays as it ran (the handler re-checks only that the case is open).
    this.requireOpen();
    return this.result(this.close(input.reason, now, input.actorId, input.detail ?? null));
  }

  /** Closing is final: open tasks are cancelled and the phase becomes `closed`. */
  close(reason: ClosureReason, now: string, actorId: string, detail: string | null): number {
    this.s.closureReason = reason;
    for (const task of [...this.s.tasks]) {
      this.closeTask(task.key, 'cancelled', now);
    }
    const seq = this.emit(now, actorId, `case closed: ${reason}`, { kind: 'case_closed', reason, detail });
    this.moveTo('closed', now, actorId);
    this.s.step = null;
    this.s.parked = false;
    return seq;
  }

  // ---- repeated requests ---------------------------------------------------------------------

  /** Whether an update with this id was already applied, in this run or an earlier one (the validator then lets it through). */
  answered(updateId: string | undefined): boolean {
    return this.behaviour.updateAnswersCarried && updateId !== undefined && this.s.updateAnswers.some((a) => a.id === updateId);
  }

  /**
   * Applies an update once per update id: a repeat gets the first answer and
   * changes nothing. Within a run the server already deduplicates; this covers
   * a repeat that arrives after the case continued as new.
   */
  answerOnce<R>(updateId: string | undefined, apply: () => R | Promise<R>): R | Promise<R> {
    const earlier = this.answered(updateId) ? this.s.updateAnswers.find((a) => a.id === updateId) : undefined;
    if (earlier) {
      return structuredCloneJson(earlier.answer) as R;
    }
    const answer = apply();
    if (answer instanceof Promise) {
      return answer.then((settled) => {
        this.rememberAnswer(updateId, settled);
        return settled;
      });
    }
    this.rememberAnswer(updateId, answer);
    return answer;
  }

  private rememberAnswer(updateId: string | undefined, answer: unknown): void {
    if (!this.behaviour.updateAnswersCarried || updateId === undefined || answer === undefined) {
      return;
    }
    this.s.updateAnswers.push({ id: updateId, answer: structuredCloneJson(answer) });
    if (this.s.updateAnswers.length > UPDATE_ANSWERS_KEPT) {
      this.s.updateAnswers.shift();
    }
  }

  // ---- outbox ------------------------------------------------------------------------------

  /** The persistence pump confirms the first `count` pending events are stored; their notifications are due next. */
  markPersisted(count: number): void {
    this.retrying = null;
    for (const event of this.s.pending.splice(0, count)) {
      if (event.data.kind === 'notification_requested') {
        this.s.deliveries.push(event.data.notification);
      }
    }
  }

  /** The first queued notification was delivered (or failed for good, its outbox row says so). */
  markDelivered(): void {
    this.retrying = null;
    this.s.deliveries.shift();
  }

  snapshot(): CaseSnapshot {
    return structuredCloneJson(this.s);
  }

  view(): CaseDetailView {
    const s = this.s;
    return {
      caseId: s.caseId,
      programCode: this.input.programCode,
      phase: s.phase,
      status: s.status,
      step: s.step,
      policyVersion: this.policy.version,
      screeningDueAt: this.screeningDueAt,
      nextDueAt: this.nextDueAt,
      openTasks: s.tasks.map((t) => ({ key: t.key, kind: t.kind, dueAt: t.dueAt, openedAt: t.openedAt, suspendedAt: t.suspendedAt ?? null })),
      attempts: s.attempts.map((a) => ({ number: a.number, channel: a.channel, startedAt: a.startedAt, outcome: a.outcome, recordedAt: a.recordedAt })),
      riskTier: s.riskTier,
      riskReasons: s.risk?.reasons ?? s.initialRisk?.reasons ?? [],
      careManagerId: s.careManagerId,
      pointOfContact: this.pointOfContact,
      pcpId: s.pcpId,
      activePlanVersion: s.activePlanVersion,
      latestPlanVersion: s.latestPlan?.version ?? null,
      closureReason: s.closureReason,
      lastProgressAt: s.lastProgressAt,
      recentTimeline: s.timeline,
      outboxBacklog: this.outboxBacklog,
    };
  }

  result(eventSeq: number): CaseActionResult {
    return { phase: this.s.phase, status: this.s.status, step: this.s.step, eventSeq };
  }

  workflowResult(): CaseWorkflowResult {
    if (this.s.phase !== 'closed' || this.s.closureReason === null) {
      throw new Error('case workflow ended without closing the case');
    }
    return { phase: 'closed', closureReason: this.s.closureReason };
  }

  // ---- internals -------------------------------------------------------------------------

  private moveTo(next: CasePhase, now: string, actorId: string): void {
    const from = this.s.phase;
    if (!canTransition(from, next)) {
      throw new Error(`illegal phase transition ${from} -> ${next}`);
    }
    this.s.phase = next;
    this.s.lastProgressAt = now;
    this.emit(now, actorId, `phase ${from} -> ${next}`, {
      kind: 'phase_changed',
      from,
      to: next,
      closureReason: next === 'closed' ? this.s.closureReason : null,
    });
  }

  private enterStep(next: RecoveryStep | null, now: string, actorId: string): void {
    const from = this.s.step;
    this.s.step = next;
    this.emit(now, actorId, `recovery step ${from ?? 'none'} -> ${next ?? 'none'}`, { kind: 'step_changed', from, to: next });
  }

  private openTask(key: string, kind: CaseTaskKind, dueAt: string, now: string): void {
    const task: CaseTask = { key, kind, dueAt, openedAt: now };
    this.s.tasks.push(task);
    this.emit(now, SYSTEM_ACTOR, `task ${key} due ${dueAt}`, { kind: 'task_opened', key, taskKind: kind, dueAt });
    // E.g. a contact recorded during an inpatient stay: the next one starts suspended.
    this.suspendIfPaused(task, now);
  }

  /** A new due time for an open task (a changed cadence, or a supervisor's extension); a reminder will be sent again. */
  private rescheduleTask(key: string, dueAt: string, now: string, actorId = SYSTEM_ACTOR, reason: string | null = null): number {
    const task = this.s.tasks.find((t) => t.key === key)!;
    const from = task.dueAt;
    task.dueAt = dueAt;
    delete task.remindedAt;
    return this.emit(now, actorId, `task ${key} now due ${dueAt}`, { kind: 'task_rescheduled', key, from, dueAt, reason });
  }

  private closeTask(key: string, resolution: 'done' | 'timed_out' | 'cancelled', now: string): void {
    const i = this.s.tasks.findIndex((t) => t.key === key);
    if (i === -1) {
      return;
    }
    this.s.tasks.splice(i, 1);
    this.emit(now, SYSTEM_ACTOR, `task ${key} ${resolution}`, { kind: 'task_closed', key, resolution });
  }

  private notify(now: string, notification: NotificationRequest): void {
    this.emit(now, SYSTEM_ACTOR, `notification ${notification.template} to ${notification.audience}`, {
      kind: 'notification_requested',
      notification,
    });
  }

  private emit(at: string, actorId: string, summary: string, data: CaseEventData): number {
    const seq = this.s.nextSeq++;
    this.s.pending.push({ seq, at, actorId, summary, data });
    if (!UNTIMELINED.has(data.kind)) {
      this.s.timeline.push({ seq, at, kind: data.kind, actorId, summary });
      if (this.s.timeline.length > TIMELINE_LENGTH) {
        this.s.timeline.shift();
      }
    }
    return seq;
  }

  private requireOpen(): void {
    if (this.isClosed) {
      throw new CaseRuleViolation(`the case is closed (${this.s.closureReason})`);
    }
  }

  private requirePhase(phase: CasePhase, action: string): void {
    if (this.s.phase !== phase) {
      throw new CaseRuleViolation(`cannot ${action} in phase ${this.s.phase}; the case must be in ${phase}`);
    }
  }

  /**
   * Domain functions throw RangeError for impossible answers; turn that into a
   * rejection. The domain's ", got <value>" is cut: a clinical answer is PHI
   * and must not travel in an error message.
   */
  private guardDomain(fn: () => unknown): void {
    try {
      fn();
    } catch (err) {
      throw new CaseRuleViolation(err instanceof Error ? err.message.replace(/, got [\s\S]*$/, '') : 'invalid answers');
    }
  }
}

function structuredCloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
