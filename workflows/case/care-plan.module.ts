import { addMs, validateCarePlan, validateConsent, type GoalStatus } from '@careloop/domain';
import {
  proposePlanUpdate,
  recordConsentUpdate,
  recordGoalProgressUpdate,
  type CaseActionResult,
  type RecordGoalProgressInput,
  type ProposePlanInput,
  type RecordConsentInput,
} from '@careloop/contracts';
import { CaseRuleViolation } from '../shared/case-rule-violation';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';
import { ensurePeriodicReviews, scheduleNextReview } from './periodic-reviews.module';
import { pointOfContact } from './care-team.module';

/**
 * The care plan (seed 001 (B)): versions proposed by the care team, each made
 * active by the member's (or guardian's) consent. The first active plan
 * starts recovery support; later ones are revisions within it.
 */
export function registerCarePlan(k: CaseKernel, on: CaseActionRegistrar): void {
  on(proposePlanUpdate, (i, now) => proposePlan(k, i, now), (i, now) => checkProposePlan(k, i, now.slice(0, 10)));
  on(recordConsentUpdate, (i, now) => recordConsent(k, i, now), (i) => checkRecordConsent(k, i));
  on(recordGoalProgressUpdate, (i, now) => recordGoalProgress(k, i, now), (i) => checkRecordGoalProgress(k, i));
}

export function checkProposePlan(k: CaseKernel, input: ProposePlanInput, today: string): void {
  k.requireOpen();
  if (k.phase !== 'care_planning' && k.phase !== 'recovery_support') {
    throw new CaseRuleViolation(`a care plan can be proposed in care_planning or recovery_support, not in ${k.phase}`);
  }
  const issues = validateCarePlan(input.plan, today);
  if (issues.length) {
    throw new CaseRuleViolation(`the care plan is not valid: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`);
  }
}

export function proposePlan(k: CaseKernel, input: ProposePlanInput, now: string) {
  checkProposePlan(k, input, now.slice(0, 10));
  const version = (k.rec.latestPlan?.version ?? 0) + 1;
  k.rec.latestPlan = { version, plan: input.plan, proposedAt: now, consent: null, consentedAt: null };
  const seq = k.emit(now, input.actorId, `care plan version ${version} proposed`, { kind: 'plan_proposed', version, plan: input.plan });
  k.closeTask('plan-consent', 'cancelled', now);
  k.openTask('plan-consent', 'plan_consent', addMs(now, k.policy.carePlanDueMs), now);
  return { ...k.result(seq), planVersion: version };
}

export function checkRecordConsent(k: CaseKernel, input: RecordConsentInput): void {
  k.requireOpen();
  const latest = k.rec.latestPlan;
  if (!latest) {
    throw new CaseRuleViolation('there is no proposed care plan to consent to');
  }
  if (input.planVersion !== latest.version) {
    throw new CaseRuleViolation(`consent must be for the latest plan version ${latest.version}, not ${input.planVersion}`);
  }
  if (latest.consent !== null) {
    throw new CaseRuleViolation(`care plan version ${latest.version} already has consent recorded`);
  }
  const issues = validateConsent(input.consent, { legalGuardian: k.rec.legalGuardian });
  if (issues.length) {
    throw new CaseRuleViolation(`consent is not valid: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`);
  }
}

/** Consent makes the plan version active; the first active plan starts recovery support (step 1, then the member's discussion). */
export function recordConsent(k: CaseKernel, input: RecordConsentInput, now: string): CaseActionResult {
  checkRecordConsent(k, input);
  const latest = k.rec.latestPlan!;
  latest.consent = input.consent;
  latest.consentedAt = now;
  k.rec.activePlanVersion = latest.version;
  const revision = k.phase === 'recovery_support';
  const seq = k.emit(now, input.actorId, `care plan version ${latest.version} active (consent by ${input.consent.consentedBy})`, {
    kind: 'plan_consented',
    version: latest.version,
    consent: input.consent,
    // Additive: who consented, by PHI-free registry id and relationship, when the API checked a representative.
    ...(input.representative ? { representative: { id: input.representative.id, relationship: input.representative.relationship } } : {}),
  });
  k.closeTask('plan-consent', 'done', now);
  k.closeTask('care-plan', 'done', now);
  if (k.phase === 'care_planning') {
    k.moveTo('recovery_support', now, input.actorId);
    k.rec.committeeDueAt = addMs(now, k.policy.committeeUpdateMaxIntervalMs);
    k.enterStep('plan_active', now, input.actorId);
    planToMember(k, now, input.actorId);
    ensurePeriodicReviews(k, now);
  } else if (k.rec.step === 'recovery_plan' || k.rec.step === 'member_discussion') {
    // A plan revised after the member's concerns goes back to the member (seed 003 steps 1-2).
    planToMember(k, now, input.actorId);
  } else {
    k.enterStep('plan_adjusted', now, input.actorId);
  }
  if (revision) {
    // A newly active plan restarts the review clock: the next review is one interval from now.
    scheduleNextReview(k, 'plan_review', now);
  }
  if (k.behaviour.providerNotices) {
    // Seed 000: providers receive program information and their patients' plan summaries, and take part in the plan.
    k.notify(now, {
      key: k.episodeKey('plan-summary', latest.version),
      audience: 'provider',
      template: 'care_plan_summary_available',
      params: { providerId: k.rec.pcpId, planVersion: latest.version, programCode: k.programCode, pointOfContact: pointOfContact(k) },
    });
  }
  return k.result(seq);
}

/**
 * Step 2 awaits the member: a member-discussion task, and (since the
 * member-discussion-step patch) the case shows step 2 while it is open; a
 * plan made active again while one is open replaces it.
 */
function planToMember(k: CaseKernel, now: string, actorId: string): void {
  if (k.behaviour.memberDiscussionStep) {
    k.closeTask('member-discussion', 'cancelled', now);
  }
  k.openTask('member-discussion', 'member_discussion', addMs(now, k.policy.carePlanDueMs), now);
  if (k.behaviour.memberDiscussionStep && k.rec.step !== 'member_discussion') {
    k.enterStep('plan_to_member', now, actorId);
  }
}

const MAX_GOAL_NOTE_LENGTH = 2_000;

export function checkRecordGoalProgress(k: CaseKernel, input: RecordGoalProgressInput): void {
  k.requireOpen();
  k.requirePhase('recovery_support', "record a goal's progress");
  const plan = k.rec.latestPlan!;
  if (!plan.plan.goals.some((g) => g.id === input.goalId)) {
    throw new CaseRuleViolation(`care plan version ${plan.version} has no goal ${input.goalId}; its goals: ${plan.plan.goals.map((g) => g.id).join(', ')}`);
  }
  if (goalStatus(k, input.goalId) === input.status) {
    throw new CaseRuleViolation(`goal ${input.goalId} is already ${input.status}`);
  }
  if (input.note !== undefined && input.note.length > MAX_GOAL_NOTE_LENGTH) {
    throw new CaseRuleViolation(`a goal note has at most ${MAX_GOAL_NOTE_LENGTH} characters`);
  }
}

/** The care team's judgement of a goal of the latest plan; the committee's next update counts it. */
export function recordGoalProgress(k: CaseKernel, input: RecordGoalProgressInput, now: string): CaseActionResult {
  checkRecordGoalProgress(k, input);
  const plan = k.rec.latestPlan!;
  k.rec.goalProgress = { ...k.rec.goalProgress, [input.goalId]: input.status };
  k.progress(now);
  return k.result(
    k.emit(now, input.actorId, `goal ${input.goalId}: ${input.status}`, {
      kind: 'goal_progress_recorded',
      planVersion: plan.version,
      goalId: input.goalId,
      status: input.status,
      note: input.note ?? null,
    }),
  );
}

/** A goal's status as last recorded (open until the care team says otherwise). */
export function goalStatus(k: CaseKernel, goalId: string): GoalStatus {
  return k.rec.goalProgress?.[goalId] ?? 'open';
}
