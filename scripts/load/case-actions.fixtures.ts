import type { AssessmentAnswers, CarePlan, ScreeningAnswers } from '@careloop/domain';

/**
 * Valid bodies for the care team's actions on one case: used by the tests
 * (test/support/case-fixtures.ts re-exports them), the fault tests and the
 * load driver of the benchmark. Made up, no real member data.
 */
export const screeningAnswers: ScreeningAnswers = {
  selfRatedHealth: 'fair',
  hospitalizedLast12Months: true,
  chronicConditionCount: 2,
  behavioralHealthConcern: false,
  socialNeedsConcern: true,
  preferredLanguage: 'es',
};

/** Answers that stratify to the given tier (see libs/domain/src/risk-stratification.ts). */
export function assessmentAnswers(level: 'high' | 'low'): AssessmentAnswers {
  const high = level === 'high';
  return {
    physical: {
      chronicConditions: high ? 4 : 0,
      hospitalAdmissionsLast12Months: high ? 3 : 0,
      emergencyVisitsLast6Months: high ? 2 : 0,
      activeMedications: high ? 9 : 1,
      adlDependencies: high ? 2 : 0,
    },
    behavioral: { phq9Score: high ? 16 : 2, substanceUseDisorder: false, seriousMentalIllness: false },
    social: { housingInstability: high, foodInsecurity: false, transportationBarrier: high, needsLtss: false, livesAlone: high },
    cultural: { preferredLanguage: 'es', interpreterNeeded: high },
    caregiver: { hasCaregiverOrGuardian: high, legalGuardian: false },
  };
}

/** A valid plan whose goals are due `daysAhead` after `today`. */
export function carePlan(today: string, daysAhead = 90): CarePlan {
  const target = new Date(Date.parse(`${today}T00:00:00Z`) + daysAhead * 86_400_000).toISOString().slice(0, 10);
  return {
    problems: [{ id: 'p1', description: 'Frequent readmissions for heart failure', domain: 'physical' }],
    goals: [{ id: 'g1', problemIds: ['p1'], description: 'No admissions for 90 days', targetDate: target }],
    interventions: [{ id: 'i1', goalIds: ['g1'], description: 'Weekly weight and symptom check-in', owner: 'care_manager' }],
    referrals: [{ id: 'r1', specialty: 'cardiology', reason: 'Medication titration' }],
  };
}

export const memberConsent = { consentGiven: true, consentedBy: 'member' as const, memberInvolved: true, familyOrGuardianInvolved: false };
