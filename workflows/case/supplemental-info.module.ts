import { addMs } from '@careloop/domain';
import { SYSTEM_ACTOR, supplementalInfoUpdate, type CaseActionResult, type SupplementalInfoInput } from '@careloop/contracts';
import { CaseRuleViolation } from '../shared/case-rule-violation';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';
import { sendCommitteeUpdate } from './committee.module';

/**
 * Step 8: when progress is behind the expected course, the treating
 * physician is asked for supplemental information, with a due date and an
 * escalation to the supervisor; the answer adjusts the plan (step 7).
 */
export function registerSupplementalInfo(k: CaseKernel, on: CaseActionRegistrar): void {
  on(supplementalInfoUpdate, (i, now) => supplementalInfoReceived(k, i, now), () => checkSupplementalInfo(k));
}

export function requestSupplementalInfo(k: CaseKernel, now: string, actorId: string): void {
  const dueAt = addMs(now, k.policy.supplementalInfo.dueMs);
  k.rec.supplementalInfo = { requestedAt: now, dueAt, escalated: false };
  k.emit(now, actorId, 'supplemental information requested from the treating physician', { kind: 'supplemental_info_requested', dueAt });
  k.enterStep('behind_expected_course', now, actorId);
  k.openTask('supplemental-info', 'supplemental_info', dueAt, now);
  k.notify(now, { key: k.episodeKey('supplemental', now), audience: 'provider', template: 'supplemental_info_requested', params: { dueAt } });
}

/** When an unanswered request should be escalated to the supervisor (null if none or already escalated). */
export function supplementalEscalationAt(k: CaseKernel): string | null {
  const r = k.rec.supplementalInfo;
  return r && !r.escalated ? addMs(r.dueAt, k.policy.supplementalInfo.escalateAfterMs) : null;
}

export function escalateSupplementalInfo(k: CaseKernel, now: string): void {
  const request = k.rec.supplementalInfo!;
  request.escalated = true;
  k.emit(now, SYSTEM_ACTOR, 'supplemental information overdue: escalated to the supervisor', { kind: 'supplemental_info_escalated' });
  k.notify(now, {
    key: k.episodeKey('supplemental-overdue', request.requestedAt),
    audience: 'supervisor',
    template: 'supplemental_info_overdue',
    params: { dueAt: request.dueAt },
  });
}

export function checkSupplementalInfo(k: CaseKernel): void {
  k.requireOpen();
  k.requirePhase('recovery_support', 'record this');
  if (k.rec.supplementalInfo === null) {
    throw new CaseRuleViolation('no supplemental information has been requested');
  }
}

/** Step 8 → 7: the answer arrived; the plan is adjusted with it. */
export function supplementalInfoReceived(k: CaseKernel, input: SupplementalInfoInput, now: string): CaseActionResult {
  checkSupplementalInfo(k);
  k.rec.supplementalInfo = null;
  k.progress(now);
  const seq = k.emit(now, input.actorId, 'supplemental information received', { kind: 'supplemental_info_received', summary: input.summary });
  k.closeTask('supplemental-info', 'done', now);
  k.enterStep('supplemental_info_received', now, input.actorId);
  sendCommitteeUpdate(k, now, 'new_information');
  return k.result(seq);
}
