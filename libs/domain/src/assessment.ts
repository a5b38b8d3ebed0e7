import type { RiskTier } from './risk-tier';

/**
 * The needs and diagnostic assessment (seed 001 (A), seed 002 §5.1.2, §5.1.4):
 * physical health, behavioral health, social needs / LTSS, cultural and
 * linguistic needs, caregiver or guardian. Every field is PHI.
 */
export interface AssessmentAnswers {
  readonly physical: {
    /** Number of active chronic conditions (diabetes, CHF, COPD, …). */
    readonly chronicConditions: number;
    readonly hospitalAdmissionsLast12Months: number;
    readonly emergencyVisitsLast6Months: number;
    readonly activeMedications: number;
    /** Activities of daily living the member needs help with (0–6). */
    readonly adlDependencies: number;
  };
  readonly behavioral: {
    /** PHQ-9 depression score (0–27), if administered. */
    readonly phq9Score?: number;
    readonly substanceUseDisorder: boolean;
    readonly seriousMentalIllness: boolean;
  };
  readonly social: {
    readonly housingInstability: boolean;
    readonly foodInsecurity: boolean;
    readonly transportationBarrier: boolean;
    /** Long-term services and supports needed (seed 002 §5.1.4.2). */
    readonly needsLtss: boolean;
    readonly livesAlone: boolean;
  };
  readonly cultural: {
    /** BCP 47 language tag, e.g. "en", "es", "vi". */
    readonly preferredLanguage: string;
    readonly interpreterNeeded: boolean;
  };
  readonly caregiver: {
    readonly hasCaregiverOrGuardian: boolean;
    /** A guardian with authority to consent for the member. */
    readonly legalGuardian: boolean;
  };
}

/** Outcome of risk stratification: the tier, its score and the reasons that produced it. */
export interface RiskAssessment {
  readonly tier: RiskTier;
  readonly score: number;
  readonly reasons: readonly string[];
}

/** The short initial screen done when outreach reaches the member. */
export interface ScreeningAnswers {
  readonly selfRatedHealth: 'excellent' | 'good' | 'fair' | 'poor';
  readonly hospitalizedLast12Months: boolean;
  readonly chronicConditionCount: number;
  readonly behavioralHealthConcern: boolean;
  readonly socialNeedsConcern: boolean;
  readonly preferredLanguage: string;
}
