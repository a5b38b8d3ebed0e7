import { addMs, stratifyRisk, type RiskTier } from '@careloop/domain';
import { SYSTEM_ACTOR, submitAssessmentUpdate, type SubmitAssessmentInput } from '@careloop/contracts';
import { CaseRuleViolation } from '../shared/case-rule-violation';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';
import { scheduleNextReview } from './periodic-reviews.module';
import { sendCommitteeUpdate } from './committee.module';

/**
 * The comprehensive assessment and risk stratification: the initial one in
 * `assessment` moves the case to care planning; in recovery support it is a
 * reassessment (periodic, or when needs change).
 */
export function registerAssessment(k: CaseKernel, on: CaseActionRegistrar): void {
  on(submitAssessmentUpdate, (i, now) => submitAssessment(k, i, now), (i) => checkSubmitAssessment(k, i));
}

export function checkSubmitAssessment(k: CaseKernel, input: SubmitAssessmentInput): void {
  k.requireOpen();
  if (k.phase !== 'assessment' && k.phase !== 'recovery_support') {
    throw new CaseRuleViolation(`cannot submit an assessment in phase ${k.phase}; the case must be in assessment (or recovery_support, for a reassessment)`);
  }
  k.guardDomain(() => stratifyRisk(input.answers));
}

export function submitAssessment(k: CaseKernel, input: SubmitAssessmentInput, now: string) {
  checkSubmitAssessment(k, input);
  const r = k.rec;
  const reassessment = k.phase === 'recovery_support';
  const previousTier = r.riskTier;
  const risk = stratifyRisk(input.answers);
  r.risk = risk;
  r.riskTier = risk.tier;
  r.legalGuardian = input.answers.caregiver.legalGuardian;
  r.preferredLanguage = input.answers.cultural.preferredLanguage;
  r.lastAssessedAt = now;
  k.progress(now);
  const seq = k.emit(now, input.actorId, `${reassessment ? 'reassessment' : 'assessment'} submitted: risk ${risk.tier}`, {
    kind: 'assessment_submitted',
    answers: input.answers,
    risk,
    ...(reassessment ? { reassessment } : {}),
  });
  if (reassessment) {
    afterReassessment(k, previousTier, now);
  } else {
    k.closeTask('assessment', 'done', now);
    k.moveTo('care_planning', now, input.actorId);
    k.openTask('care-plan', 'care_plan', addMs(now, k.policy.carePlanDueMs), now);
  }
  return { ...k.result(seq), risk };
}

/**
 * A reassessment in recovery support: the next one is scheduled from it; a
 * changed tier moves the open contact to the new cadence (and a tier that
 * now needs a named care manager gets one through `assignmentDue`). New
 * information in the file goes to the committee (step 9).
 */
function afterReassessment(k: CaseKernel, previousTier: RiskTier | null, now: string): void {
  scheduleNextReview(k, 'reassessment', now);
  const contact = k.taskOfKind('contact');
  const tier = k.rec.riskTier!;
  if (contact && previousTier !== tier) {
    k.rescheduleTask(contact.key, addMs(k.rec.lastContactAt ?? contact.openedAt, k.policy.contactCadenceMs[tier]), now, SYSTEM_ACTOR, `contact cadence of risk tier ${tier}`);
  }
  sendCommitteeUpdate(k, now, 'new_information');
}
