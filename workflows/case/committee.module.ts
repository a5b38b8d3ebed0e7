import { addMs, deidentifyCommitteeUpdate } from '@careloop/domain';
import { SYSTEM_ACTOR } from '@careloop/contracts';
import type { CaseKernel } from './kernel/case.kernel';
import { goalStatus } from './care-plan.module';

/**
 * Step 9: the committee hears about the case at least every four weeks
 * (policy) and whenever new information reaches the file, de-identified:
 * codes, counts and months only (seed 003).
 */
export function sendCommitteeUpdate(k: CaseKernel, now: string, trigger: 'scheduled' | 'new_information'): void {
  const r = k.rec;
  const plan = r.latestPlan?.plan;
  const update = deidentifyCommitteeUpdate(
    {
      caseId: k.caseId,
      programCode: k.programCode,
      phase: r.phase,
      step: r.step,
      riskTier: r.riskTier,
      memberRef: k.input.memberRef,
      enrollmentDate: k.input.enrollmentDate,
      openedAt: r.openedAt,
      goals: (plan?.goals ?? []).map((g) => ({ description: g.description, targetDate: g.targetDate, status: goalStatus(k, g.id) })),
      contactsSinceLastUpdate: r.sinceCommittee.contacts,
      missedContactsSinceLastUpdate: r.sinceCommittee.missed,
      symptomIncreasesSinceLastUpdate: r.sinceCommittee.symptomIncreases,
      adherenceVariationsSinceLastUpdate: r.sinceCommittee.adherenceVariations,
      supplementalInfoOutstanding: r.supplementalInfo !== null,
      planVersion: r.activePlanVersion,
      notes: [],
      trigger,
    },
    now,
  );
  r.lastCommitteeUpdateAt = now;
  // Scheduled updates keep their cadence from the due time (no drift by task latency).
  const due = r.committeeDueAt;
  const base = trigger === 'scheduled' && due !== null && due < now ? due : now;
  r.committeeDueAt = addMs(base, k.policy.committeeUpdateMaxIntervalMs);
  r.sinceCommittee = { contacts: 0, missed: 0, symptomIncreases: 0, adherenceVariations: 0 };
  k.emit(now, SYSTEM_ACTOR, `committee update (${trigger})`, { kind: 'committee_update_sent', update });
  k.notify(now, {
    key: k.episodeKey('committee', now),
    audience: 'committee',
    template: 'committee_case_update',
    params: { monthsInProgram: update.monthsInProgram, riskTier: update.riskTier, step: update.step },
  });
  if (trigger === 'scheduled') {
    k.enterStep('committee_update_due', now, SYSTEM_ACTOR);
  }
}
