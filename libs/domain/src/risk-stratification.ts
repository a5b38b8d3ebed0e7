import type { AssessmentAnswers, RiskAssessment, ScreeningAnswers } from './assessment';
import type { RiskTier } from './risk-tier';

/**
 * Risk stratification (seed 002 §5.2: "stratify its Members based on risk";
 * §4.11.7.1: find members with "catastrophic, or other high-cost or high-risk
 * Conditions"; seed 001 a.: high and medium risk members get a named care
 * manager). The seeds name the domains, not the weights: the weights below are
 * CareLoop's documented default, an additive point score a care manager can
 * recompute by hand from the reasons.
 *
 * ## Assessment score (`stratifyRisk`)
 *
 * | domain     | factor                                              | points                 |
 * |------------|-----------------------------------------------------|------------------------|
 * | physical   | active chronic conditions                           | +1 each, at most +4    |
 * | physical   | hospital admissions in the last 12 months           | +2 each, at most +6    |
 * | physical   | emergency department visits in the last 6 months    | +1 each, at most +3    |
 * | physical   | polypharmacy: 5 or more active medications          | +2                     |
 * | physical   | ADL dependencies (0–6)                              | +1 each, at most +6    |
 * | behavioral | PHQ-9 10–14 (moderate depression)                   | +2                     |
 * | behavioral | PHQ-9 15–19 (moderately severe depression)          | +3                     |
 * | behavioral | PHQ-9 20–27 (severe depression)                     | +4                     |
 * | behavioral | substance use disorder                              | +3                     |
 * | behavioral | serious mental illness                              | +3                     |
 * | social     | housing instability                                 | +2                     |
 * | social     | food insecurity                                     | +1                     |
 * | social     | transportation barrier                              | +1                     |
 * | social     | needs long-term services and supports (§5.1.4.2)    | +2                     |
 * | social     | lives alone                                         | +1                     |
 * | caregiver  | no caregiver or guardian while ADL dependencies > 0 | +2                     |
 * | caregiver  | has a legal guardian (consent runs through them)    | +1                     |
 *
 * PHQ-9 below 10 (none/mild) and an unadministered PHQ-9 add nothing.
 *
 * | tier   | score        |
 * |--------|--------------|
 * | high   | 10 or more   |
 * | medium | 5 – 9        |
 * | low    | 0 – 4        |
 *
 * **Overrides** force `high` whatever the score, because each alone marks a
 * member the plan must reach first (§4.11.7.1):
 * - 2 or more hospital admissions in the last 12 months (readmission risk);
 * - PHQ-9 of 20 or more (severe depression);
 * - serious mental illness together with housing instability.
 *
 * `reasons` lists each contributing factor with its points, in the table's
 * order, then each override that applied. Reasons name the factor and its
 * count only: no names, identifiers, dates or free text, so they may be shown
 * to anyone who may see the tier.
 */
export const ASSESSMENT_RISK_THRESHOLDS: Readonly<{ high: number; medium: number }> = { high: 10, medium: 5 };

/**
 * ## Screening score (`screeningRisk`)
 *
 * The short screen done when outreach reaches the member gives an initial
 * tier until the full assessment replaces it (DESIGN.md §3.1).
 *
 * | factor                                   | points              |
 * |------------------------------------------|---------------------|
 * | self-rated health fair / poor            | +1 / +2             |
 * | hospitalized in the last 12 months       | +2                  |
 * | chronic conditions                       | +1 each, at most +3 |
 * | behavioral health concern                | +2                  |
 * | social needs concern                     | +1                  |
 *
 * | tier   | score      |
 * |--------|------------|
 * | high   | 6 or more  |
 * | medium | 3 – 5      |
 * | low    | 0 – 2      |
 *
 * No overrides: the screen is too coarse to justify one. Preferred language
 * is recorded for assignment (language match), not scored.
 */
export const SCREENING_RISK_THRESHOLDS: Readonly<{ high: number; medium: number }> = { high: 6, medium: 3 };

const MAX_ADL = 6;
const MAX_PHQ9 = 27;
const POLYPHARMACY_MIN_MEDICATIONS = 5;
const SELF_RATED_HEALTH = ['excellent', 'good', 'fair', 'poor'] as const;

/** Assesses the full needs and diagnostic assessment. Throws `RangeError` naming the field for out-of-range input. */
export function stratifyRisk(answers: AssessmentAnswers): RiskAssessment {
  const { physical, behavioral, social, caregiver } = answers;
  const chronic = count(physical.chronicConditions, 'physical.chronicConditions');
  const admissions = count(physical.hospitalAdmissionsLast12Months, 'physical.hospitalAdmissionsLast12Months');
  const edVisits = count(physical.emergencyVisitsLast6Months, 'physical.emergencyVisitsLast6Months');
  const medications = count(physical.activeMedications, 'physical.activeMedications');
  const adl = count(physical.adlDependencies, 'physical.adlDependencies', MAX_ADL);
  const phq9 = behavioral.phq9Score === undefined ? undefined : count(behavioral.phq9Score, 'behavioral.phq9Score', MAX_PHQ9);

  const score = new Score();
  score.add(chronic > 0, Math.min(chronic, 4), plural(chronic, 'active chronic condition'));
  score.add(admissions > 0, Math.min(2 * admissions, 6), `${plural(admissions, 'hospital admission')} in the last 12 months`);
  score.add(edVisits > 0, Math.min(edVisits, 3), `${plural(edVisits, 'emergency department visit')} in the last 6 months`);
  score.add(medications >= POLYPHARMACY_MIN_MEDICATIONS, 2, `polypharmacy: ${medications} active medications`);
  score.add(adl > 0, adl, `needs help with ${plural(adl, 'activity', 'activities')} of daily living`);
  if (phq9 !== undefined && phq9 >= 10) {
    const [points, band] = phq9 >= 20 ? [4, 'severe'] : phq9 >= 15 ? [3, 'moderately severe'] : [2, 'moderate'];
    score.add(true, points, `PHQ-9 score ${phq9}: ${band} depression`);
  }
  score.add(behavioral.substanceUseDisorder, 3, 'substance use disorder');
  score.add(behavioral.seriousMentalIllness, 3, 'serious mental illness');
  score.add(social.housingInstability, 2, 'housing instability');
  score.add(social.foodInsecurity, 1, 'food insecurity');
  score.add(social.transportationBarrier, 1, 'transportation barrier');
  score.add(social.needsLtss, 2, 'needs long-term services and supports');
  score.add(social.livesAlone, 1, 'lives alone');
  score.add(adl > 0 && !caregiver.hasCaregiverOrGuardian, 2, 'no caregiver or guardian despite ADL dependencies');
  score.add(caregiver.legalGuardian, 1, 'has a legal guardian');

  const overrides: string[] = [];
  if (admissions >= 2) overrides.push('override: 2 or more hospital admissions in 12 months forces high risk');
  if (phq9 !== undefined && phq9 >= 20) overrides.push('override: PHQ-9 of 20 or more forces high risk');
  if (behavioral.seriousMentalIllness && social.housingInstability) {
    overrides.push('override: serious mental illness with housing instability forces high risk');
  }
  const tier = overrides.length > 0 ? 'high' : tierFor(score.total, ASSESSMENT_RISK_THRESHOLDS);
  return { tier, score: score.total, reasons: [...score.reasons, ...overrides] };
}

/** Initial risk from the short screen. Throws `RangeError` naming the field for out-of-range input. */
export function screeningRisk(answers: ScreeningAnswers): RiskAssessment {
  if (!(SELF_RATED_HEALTH as readonly string[]).includes(answers.selfRatedHealth)) {
    throw new RangeError(`selfRatedHealth must be one of ${SELF_RATED_HEALTH.join(', ')}, got ${String(answers.selfRatedHealth)}`);
  }
  const chronic = count(answers.chronicConditionCount, 'chronicConditionCount');

  const score = new Score();
  score.add(answers.selfRatedHealth === 'fair', 1, 'self-rated health fair');
  score.add(answers.selfRatedHealth === 'poor', 2, 'self-rated health poor');
  score.add(answers.hospitalizedLast12Months, 2, 'hospitalized in the last 12 months');
  score.add(chronic > 0, Math.min(chronic, 3), plural(chronic, 'chronic condition'));
  score.add(answers.behavioralHealthConcern, 2, 'behavioral health concern');
  score.add(answers.socialNeedsConcern, 1, 'social needs concern');
  return { tier: tierFor(score.total, SCREENING_RISK_THRESHOLDS), score: score.total, reasons: score.reasons };
}

/** Accumulates points and one reason per contributing factor, in call order. */
class Score {
  total = 0;
  readonly reasons: string[] = [];

  add(applies: boolean, points: number, factor: string): void {
    if (applies && points > 0) {
      this.total += points;
      this.reasons.push(`${factor} (+${points})`);
    }
  }
}

function tierFor(score: number, thresholds: { readonly high: number; readonly medium: number }): RiskTier {
  return score >= thresholds.high ? 'high' : score >= thresholds.medium ? 'medium' : 'low';
}

/** A count: a whole number from 0 (to `max`, when given). */
function count(value: number, field: string, max?: number): number {
  const range = max === undefined ? 'a whole number of 0 or more' : `a whole number from 0 to ${max}`;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || (max !== undefined && value > max)) {
    throw new RangeError(`${field} must be ${range}, got ${String(value)}`);
  }
  return value;
}

function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
