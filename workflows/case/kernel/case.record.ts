import type { CaseSnapshot } from '@careloop/contracts';

/** The record of a case that has just opened (before its opening event). */
export function blankSnapshot(caseId: string, runId: string, now: string): CaseSnapshot {
  return {
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
  };
}

/**
 * A snapshot carried from an earlier run, with the fields added since older
 * runs took theirs (periodic reviews, the delivery queue, external keys,
 * update answers, provider requests) filled with their empty values.
 */
export function withFieldsAddedSince(carried: CaseSnapshot): CaseSnapshot {
  const added: Pick<CaseSnapshot, 'lastAssessedAt' | 'reviews' | 'deliveries' | 'externalKeys' | 'updateAnswers' | 'providerRequests'> = {
    lastAssessedAt: null,
    reviews: { plan: 0, reassessment: 0 },
    deliveries: [],
    externalKeys: [],
    updateAnswers: [],
    providerRequests: [],
  };
  return Object.assign(added, carried);
}
