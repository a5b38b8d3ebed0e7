import {
  ASSESSMENT_RISK_THRESHOLDS,
  SCREENING_RISK_THRESHOLDS,
  screeningRisk,
  stratifyRisk,
  type AssessmentAnswers,
  type ScreeningAnswers,
} from '@careloop/domain';

/** A member with nothing that scores. */
const NONE: AssessmentAnswers = {
  physical: { chronicConditions: 0, hospitalAdmissionsLast12Months: 0, emergencyVisitsLast6Months: 0, activeMedications: 0, adlDependencies: 0 },
  behavioral: { substanceUseDisorder: false, seriousMentalIllness: false },
  social: { housingInstability: false, foodInsecurity: false, transportationBarrier: false, needsLtss: false, livesAlone: false },
  cultural: { preferredLanguage: 'en', interpreterNeeded: false },
  caregiver: { hasCaregiverOrGuardian: false, legalGuardian: false },
};

type Patch = {
  physical?: Partial<AssessmentAnswers['physical']>;
  behavioral?: Partial<AssessmentAnswers['behavioral']>;
  social?: Partial<AssessmentAnswers['social']>;
  cultural?: Partial<AssessmentAnswers['cultural']>;
  caregiver?: Partial<AssessmentAnswers['caregiver']>;
};

function answers(patch: Patch = {}): AssessmentAnswers {
  return {
    physical: { ...NONE.physical, ...patch.physical },
    behavioral: { ...NONE.behavioral, ...patch.behavioral },
    social: { ...NONE.social, ...patch.social },
    cultural: { ...NONE.cultural, ...patch.cultural },
    caregiver: { ...NONE.caregiver, ...patch.caregiver },
  };
}

describe('stratifyRisk', () => {
  it('scores a member with no risk factors as low with no reasons', () => {
    expect(stratifyRisk(NONE)).toEqual({ tier: 'low', score: 0, reasons: [] });
  });

  describe('points per factor (the table in risk-stratification.ts)', () => {
    it.each<[string, Patch, number, string]>([
      ['1 chronic condition', { physical: { chronicConditions: 1 } }, 1, '1 active chronic condition (+1)'],
      ['3 chronic conditions', { physical: { chronicConditions: 3 } }, 3, '3 active chronic conditions (+3)'],
      ['chronic conditions capped at +4', { physical: { chronicConditions: 9 } }, 4, '9 active chronic conditions (+4)'],
      ['1 admission', { physical: { hospitalAdmissionsLast12Months: 1 } }, 2, '1 hospital admission in the last 12 months (+2)'],
      ['admissions capped at +6', { physical: { hospitalAdmissionsLast12Months: 5 } }, 6, '5 hospital admissions in the last 12 months (+6)'],
      ['2 ED visits', { physical: { emergencyVisitsLast6Months: 2 } }, 2, '2 emergency department visits in the last 6 months (+2)'],
      ['ED visits capped at +3', { physical: { emergencyVisitsLast6Months: 7 } }, 3, '7 emergency department visits in the last 6 months (+3)'],
      ['polypharmacy at exactly 5 medications', { physical: { activeMedications: 5 } }, 2, 'polypharmacy: 5 active medications (+2)'],
      ['ADL dependencies with a caregiver', { physical: { adlDependencies: 3 }, caregiver: { hasCaregiverOrGuardian: true } }, 3, 'needs help with 3 activities of daily living (+3)'],
      ['PHQ-9 10 is moderate', { behavioral: { phq9Score: 10 } }, 2, 'PHQ-9 score 10: moderate depression (+2)'],
      ['PHQ-9 14 is moderate', { behavioral: { phq9Score: 14 } }, 2, 'PHQ-9 score 14: moderate depression (+2)'],
      ['PHQ-9 15 is moderately severe', { behavioral: { phq9Score: 15 } }, 3, 'PHQ-9 score 15: moderately severe depression (+3)'],
      ['PHQ-9 19 is moderately severe', { behavioral: { phq9Score: 19 } }, 3, 'PHQ-9 score 19: moderately severe depression (+3)'],
      ['substance use disorder', { behavioral: { substanceUseDisorder: true } }, 3, 'substance use disorder (+3)'],
      ['serious mental illness', { behavioral: { seriousMentalIllness: true } }, 3, 'serious mental illness (+3)'],
      ['housing instability', { social: { housingInstability: true } }, 2, 'housing instability (+2)'],
      ['food insecurity', { social: { foodInsecurity: true } }, 1, 'food insecurity (+1)'],
      ['transportation barrier', { social: { transportationBarrier: true } }, 1, 'transportation barrier (+1)'],
      ['LTSS need', { social: { needsLtss: true } }, 2, 'needs long-term services and supports (+2)'],
      ['lives alone', { social: { livesAlone: true } }, 1, 'lives alone (+1)'],
      ['legal guardian', { caregiver: { hasCaregiverOrGuardian: true, legalGuardian: true } }, 1, 'has a legal guardian (+1)'],
    ])('%s', (_name, patch, score, reason) => {
      const result = stratifyRisk(answers(patch));
      expect(result.score).toBe(score);
      expect(result.reasons.filter((r) => !r.startsWith('override:'))).toEqual([reason]);
    });

    it.each([
      ['4 medications are not polypharmacy', { physical: { activeMedications: 4 } }],
      ['PHQ-9 9 (mild) adds nothing', { behavioral: { phq9Score: 9 } }],
      ['PHQ-9 0 adds nothing', { behavioral: { phq9Score: 0 } }],
      ['no PHQ-9 administered adds nothing', { behavioral: { phq9Score: undefined } }],
      ['no caregiver without ADL dependencies adds nothing', { caregiver: { hasCaregiverOrGuardian: false } }],
      ['a preferred language or interpreter need is not scored', { cultural: { preferredLanguage: 'vi', interpreterNeeded: true } }],
    ] satisfies [string, Patch][])('%s', (_name, patch) => {
      expect(stratifyRisk(answers(patch))).toEqual({ tier: 'low', score: 0, reasons: [] });
    });

    it('adds +2 for no caregiver or guardian when the member has ADL dependencies', () => {
      const result = stratifyRisk(answers({ physical: { adlDependencies: 1 } }));
      expect(result.score).toBe(3);
      expect(result.reasons).toEqual(['needs help with 1 activity of daily living (+1)', 'no caregiver or guardian despite ADL dependencies (+2)']);
    });
  });

  describe('tiers', () => {
    it('uses documented thresholds: high ≥ 10, medium ≥ 5', () => {
      expect(ASSESSMENT_RISK_THRESHOLDS).toEqual({ high: 10, medium: 5 });
    });

    it.each<[number, string]>([
      [4, 'low'],
      [5, 'medium'],
      [9, 'medium'],
      [10, 'high'],
    ])('a score of %i is %s', (target, tier) => {
      // Chronic conditions (max +4) plus ADL dependencies with a caregiver (+1 each) reach any score 0–10 without an override.
      const chronic = Math.min(target, 4);
      const result = stratifyRisk(
        answers({ physical: { chronicConditions: chronic, adlDependencies: target - chronic }, caregiver: { hasCaregiverOrGuardian: true } }),
      );
      expect(result.score).toBe(target);
      expect(result.tier).toBe(tier);
    });

    it('rates a typical chronic-care member (2 conditions, 6 medications, 1 ED visit) medium', () => {
      const result = stratifyRisk(answers({ physical: { chronicConditions: 2, activeMedications: 6, emergencyVisitsLast6Months: 1 } }));
      expect(result).toMatchObject({ tier: 'medium', score: 5 });
    });

    it('rates a frail member living alone high and explains every point, in table order', () => {
      const result = stratifyRisk(
        answers({
          physical: { chronicConditions: 3, hospitalAdmissionsLast12Months: 1, emergencyVisitsLast6Months: 2, activeMedications: 8, adlDependencies: 2 },
          behavioral: { phq9Score: 12 },
          social: { livesAlone: true, transportationBarrier: true },
        }),
      );
      expect(result.tier).toBe('high');
      expect(result.reasons).toEqual([
        '3 active chronic conditions (+3)',
        '1 hospital admission in the last 12 months (+2)',
        '2 emergency department visits in the last 6 months (+2)',
        'polypharmacy: 8 active medications (+2)',
        'needs help with 2 activities of daily living (+2)',
        'PHQ-9 score 12: moderate depression (+2)',
        'transportation barrier (+1)',
        'lives alone (+1)',
        'no caregiver or guardian despite ADL dependencies (+2)',
      ]);
      expect(result.score).toBe(17);
    });

    it('keeps the score equal to the sum of the points in the reasons', () => {
      const result = stratifyRisk(
        answers({
          physical: { chronicConditions: 6, hospitalAdmissionsLast12Months: 4, emergencyVisitsLast6Months: 9, activeMedications: 12, adlDependencies: 6 },
          behavioral: { phq9Score: 27, substanceUseDisorder: true, seriousMentalIllness: true },
          social: { housingInstability: true, foodInsecurity: true, transportationBarrier: true, needsLtss: true, livesAlone: true },
          caregiver: { hasCaregiverOrGuardian: false, legalGuardian: true },
        }),
      );
      const points = result.reasons.map((r) => /\(\+(\d+)\)$/.exec(r)).filter((m) => m !== null).map((m) => Number(m[1]));
      expect(points.reduce((a, b) => a + b, 0)).toBe(result.score);
      expect(result.score).toBe(4 + 6 + 3 + 2 + 6 + 4 + 3 + 3 + 2 + 1 + 1 + 2 + 1 + 2 + 1);
    });
  });

  describe('overrides force high regardless of score', () => {
    it.each<[string, Patch, number, string]>([
      ['2 admissions in 12 months', { physical: { hospitalAdmissionsLast12Months: 2 } }, 4, 'override: 2 or more hospital admissions in 12 months forces high risk'],
      ['PHQ-9 of 20', { behavioral: { phq9Score: 20 } }, 4, 'override: PHQ-9 of 20 or more forces high risk'],
      ['PHQ-9 of 27', { behavioral: { phq9Score: 27 } }, 4, 'override: PHQ-9 of 20 or more forces high risk'],
      ['SMI with housing instability', { behavioral: { seriousMentalIllness: true }, social: { housingInstability: true } }, 5, 'override: serious mental illness with housing instability forces high risk'],
    ])('%s', (_name, patch, score, override) => {
      const result = stratifyRisk(answers(patch));
      expect(result.score).toBe(score);
      expect(score).toBeLessThan(ASSESSMENT_RISK_THRESHOLDS.high);
      expect(result.tier).toBe('high');
      expect(result.reasons.at(-1)).toBe(override);
    });

    it('does not override for 1 admission, PHQ-9 19, or SMI with stable housing', () => {
      expect(stratifyRisk(answers({ physical: { hospitalAdmissionsLast12Months: 1 } })).tier).toBe('low');
      expect(stratifyRisk(answers({ behavioral: { phq9Score: 19 } })).tier).toBe('low');
      expect(stratifyRisk(answers({ behavioral: { seriousMentalIllness: true } })).tier).toBe('low');
      expect(stratifyRisk(answers({ social: { housingInstability: true } })).tier).toBe('low');
    });

    it('lists every override that applies, after the factors, in a stable order', () => {
      const result = stratifyRisk(
        answers({
          physical: { hospitalAdmissionsLast12Months: 3 },
          behavioral: { phq9Score: 22, seriousMentalIllness: true },
          social: { housingInstability: true },
        }),
      );
      expect(result.reasons).toEqual([
        '3 hospital admissions in the last 12 months (+6)',
        'PHQ-9 score 22: severe depression (+4)',
        'serious mental illness (+3)',
        'housing instability (+2)',
        'override: 2 or more hospital admissions in 12 months forces high risk',
        'override: PHQ-9 of 20 or more forces high risk',
        'override: serious mental illness with housing instability forces high risk',
      ]);
    });
  });

  it('is deterministic: the same answers always give the same result', () => {
    const a = answers({ physical: { chronicConditions: 2, adlDependencies: 2 }, social: { livesAlone: true } });
    expect(stratifyRisk(a)).toEqual(stratifyRisk(structuredClone(a)));
  });

  it('keeps PHI out of the reasons (no language, nothing but factors and counts)', () => {
    const result = stratifyRisk(answers({ cultural: { preferredLanguage: 'x-secret-language', interpreterNeeded: true }, social: { livesAlone: true } }));
    expect(JSON.stringify(result)).not.toContain('x-secret-language');
  });

  describe('input validation', () => {
    it.each<[string, Patch]>([
      ['physical.chronicConditions', { physical: { chronicConditions: -1 } }],
      ['physical.hospitalAdmissionsLast12Months', { physical: { hospitalAdmissionsLast12Months: -2 } }],
      ['physical.emergencyVisitsLast6Months', { physical: { emergencyVisitsLast6Months: -1 } }],
      ['physical.activeMedications', { physical: { activeMedications: -3 } }],
      ['physical.activeMedications', { physical: { activeMedications: 2.5 } }],
      ['physical.chronicConditions', { physical: { chronicConditions: Number.NaN } }],
      ['physical.adlDependencies', { physical: { adlDependencies: -1 } }],
      ['physical.adlDependencies', { physical: { adlDependencies: 7 } }],
      ['behavioral.phq9Score', { behavioral: { phq9Score: -1 } }],
      ['behavioral.phq9Score', { behavioral: { phq9Score: 28 } }],
      ['behavioral.phq9Score', { behavioral: { phq9Score: 12.5 } }],
    ])('rejects a bad %s with a RangeError naming the field', (field, patch) => {
      expect(() => stratifyRisk(answers(patch))).toThrow(RangeError);
      expect(() => stratifyRisk(answers(patch))).toThrow(field);
    });

    it('accepts the edges of the ranges: ADL 0 and 6, PHQ-9 0 and 27', () => {
      expect(() => stratifyRisk(answers({ physical: { adlDependencies: 6 }, behavioral: { phq9Score: 27 } }))).not.toThrow();
      expect(() => stratifyRisk(answers({ physical: { adlDependencies: 0 }, behavioral: { phq9Score: 0 } }))).not.toThrow();
    });
  });
});

describe('screeningRisk', () => {
  const base: ScreeningAnswers = {
    selfRatedHealth: 'good',
    hospitalizedLast12Months: false,
    chronicConditionCount: 0,
    behavioralHealthConcern: false,
    socialNeedsConcern: false,
    preferredLanguage: 'en',
  };

  it('uses documented thresholds: high ≥ 6, medium ≥ 3', () => {
    expect(SCREENING_RISK_THRESHOLDS).toEqual({ high: 6, medium: 3 });
  });

  it.each<[string, Partial<ScreeningAnswers>, number, string[]]>([
    ['excellent health', { selfRatedHealth: 'excellent' }, 0, []],
    ['good health', {}, 0, []],
    ['fair health', { selfRatedHealth: 'fair' }, 1, ['self-rated health fair (+1)']],
    ['poor health', { selfRatedHealth: 'poor' }, 2, ['self-rated health poor (+2)']],
    ['hospitalized', { hospitalizedLast12Months: true }, 2, ['hospitalized in the last 12 months (+2)']],
    ['1 chronic condition', { chronicConditionCount: 1 }, 1, ['1 chronic condition (+1)']],
    ['chronic conditions capped at +3', { chronicConditionCount: 5 }, 3, ['5 chronic conditions (+3)']],
    ['behavioral health concern', { behavioralHealthConcern: true }, 2, ['behavioral health concern (+2)']],
    ['social needs concern', { socialNeedsConcern: true }, 1, ['social needs concern (+1)']],
    ['preferred language is not scored', { preferredLanguage: 'es' }, 0, []],
  ])('%s', (_name, patch, score, reasons) => {
    const result = screeningRisk({ ...base, ...patch });
    expect(result.score).toBe(score);
    expect(result.reasons).toEqual(reasons);
  });

  it.each<[Partial<ScreeningAnswers>, string]>([
    [{}, 'low'],
    [{ selfRatedHealth: 'poor' }, 'low'],
    [{ selfRatedHealth: 'fair', hospitalizedLast12Months: true }, 'medium'],
    [{ chronicConditionCount: 3, behavioralHealthConcern: true }, 'medium'],
    [{ selfRatedHealth: 'poor', hospitalizedLast12Months: true, chronicConditionCount: 2 }, 'high'],
    [{ selfRatedHealth: 'poor', hospitalizedLast12Months: true, chronicConditionCount: 4, behavioralHealthConcern: true, socialNeedsConcern: true }, 'high'],
  ])('%j is %s', (patch, tier) => {
    expect(screeningRisk({ ...base, ...patch }).tier).toBe(tier);
  });

  it('lists reasons in a stable order', () => {
    expect(screeningRisk({ ...base, socialNeedsConcern: true, selfRatedHealth: 'poor', chronicConditionCount: 2 }).reasons).toEqual([
      'self-rated health poor (+2)',
      '2 chronic conditions (+2)',
      'social needs concern (+1)',
    ]);
  });

  it.each<[string, Partial<ScreeningAnswers>]>([
    ['chronicConditionCount', { chronicConditionCount: -1 }],
    ['chronicConditionCount', { chronicConditionCount: 1.5 }],
    ['selfRatedHealth', { selfRatedHealth: 'great' as ScreeningAnswers['selfRatedHealth'] }],
  ])('rejects a bad %s with a RangeError naming the field', (field, patch) => {
    expect(() => screeningRisk({ ...base, ...patch })).toThrow(RangeError);
    expect(() => screeningRisk({ ...base, ...patch })).toThrow(field);
  });
});
