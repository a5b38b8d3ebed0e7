import { MAX_PLAN_TEXT_LENGTH, validateCarePlan, validateConsent, type CarePlan, type PlanConsent, type PlanIssue } from '@careloop/domain';

const TODAY = '2026-11-10';

const VALID: CarePlan = {
  problems: [
    { id: 'p1', description: 'Uncontrolled type 2 diabetes', domain: 'physical' },
    { id: 'p2', description: 'No reliable transport to appointments', domain: 'social' },
  ],
  goals: [
    { id: 'g1', problemIds: ['p1'], description: 'HbA1c below 8%', targetDate: '2027-02-01' },
    { id: 'g2', problemIds: ['p1', 'p2'], description: 'Attend every endocrinology visit', targetDate: '2026-11-11' },
  ],
  interventions: [
    { id: 'i1', goalIds: ['g1'], description: 'Weekly glucose log review', owner: 'care_manager' },
    { id: 'i2', goalIds: ['g1', 'g2'], description: 'Arrange non-emergency medical transport', owner: 'care_manager' },
  ],
  referrals: [{ id: 'r1', specialty: 'endocrinology', reason: 'Specialist management of insulin regimen' }],
};

/** A deep copy of the valid plan with one part replaced (as plain, mutable data). */
function plan(patch: Partial<Record<keyof CarePlan, unknown>>): CarePlan {
  return { ...structuredClone(VALID), ...patch } as CarePlan;
}

function fields(issues: readonly PlanIssue[]): string[] {
  return issues.map((i) => i.field);
}

describe('validateCarePlan', () => {
  it('accepts a valid plan', () => {
    expect(validateCarePlan(VALID, TODAY)).toEqual([]);
  });

  it('accepts a plan without interventions or referrals', () => {
    expect(validateCarePlan(plan({ interventions: [], referrals: [] }), TODAY)).toEqual([]);
  });

  it('requires at least one problem and one goal', () => {
    expect(validateCarePlan({ problems: [], goals: [], interventions: [], referrals: [] }, TODAY)).toEqual([
      { field: 'problems', reason: 'The plan has no problems; at least one problem is required.' },
      { field: 'goals', reason: 'The plan has no goals; at least one goal is required.' },
    ]);
  });

  it('does not repeat "no goals" as one issue per unaddressed problem', () => {
    expect(fields(validateCarePlan(plan({ goals: [], interventions: [] }), TODAY))).toEqual(['goals']);
  });

  describe('ids', () => {
    it.each<[string, Partial<Record<keyof CarePlan, unknown>>, PlanIssue]>([
      [
        'empty problem id',
        { problems: [VALID.problems[0], { ...VALID.problems[1], id: '  ' }] },
        { field: 'problems[1].id', reason: 'Problem problems[1] has no id.' },
      ],
      [
        'duplicate goal id',
        { goals: [VALID.goals[0], { ...VALID.goals[1], id: 'g1' }] },
        { field: 'goals[1].id', reason: 'Goal id g1 is used more than once.' },
      ],
      [
        'duplicate intervention id',
        { interventions: [VALID.interventions[0], { ...VALID.interventions[1], id: 'i1' }] },
        { field: 'interventions[1].id', reason: 'Intervention id i1 is used more than once.' },
      ],
      [
        'empty referral id',
        { referrals: [{ ...VALID.referrals[0], id: '' }] },
        { field: 'referrals[0].id', reason: 'Referral referrals[0] has no id.' },
      ],
    ])('%s', (_name, patch, issue) => {
      expect(validateCarePlan(plan(patch), TODAY)).toContainEqual(issue);
    });

    it('allows the same id in different lists', () => {
      const p = plan({ problems: [{ ...VALID.problems[0], id: 'x' }], goals: [{ ...VALID.goals[0], id: 'x', problemIds: ['x'] }], interventions: [{ ...VALID.interventions[0], id: 'x', goalIds: ['x'] }] });
      expect(validateCarePlan(p, TODAY)).toEqual([]);
    });
  });

  describe('references', () => {
    it('flags a goal referring to an unknown problem, by name and index', () => {
      const p = plan({ goals: [VALID.goals[0], { ...VALID.goals[1], problemIds: ['p2', 'p9'] }] });
      expect(validateCarePlan(p, TODAY)).toEqual([{ field: 'goals[1].problemIds[1]', reason: 'Goal g2 refers to unknown problem p9.' }]);
    });

    it('flags a goal without any problem', () => {
      const p = plan({ goals: [VALID.goals[0], { ...VALID.goals[1], problemIds: [] }] });
      expect(validateCarePlan(p, TODAY)).toEqual([
        { field: 'goals[1].problemIds', reason: 'Goal g2 does not refer to any problem; at least one is required.' },
        { field: 'problems[1]', reason: 'Problem p2 is not addressed by any goal.' },
      ]);
    });

    it('flags an intervention referring to an unknown goal, and one without goals', () => {
      const p = plan({ interventions: [{ ...VALID.interventions[0], goalIds: ['g7'] }, { ...VALID.interventions[1], goalIds: [] }] });
      expect(validateCarePlan(p, TODAY)).toEqual([
        { field: 'interventions[0].goalIds[0]', reason: 'Intervention i1 refers to unknown goal g7.' },
        { field: 'interventions[1].goalIds', reason: 'Intervention i2 does not refer to any goal; at least one is required.' },
      ]);
    });

    it('flags every problem no goal addresses', () => {
      const p = plan({
        problems: [...VALID.problems, { id: 'p3', description: 'Lives alone after discharge', domain: 'caregiver' }],
        goals: [{ ...VALID.goals[0], problemIds: ['p2'] }],
        interventions: [VALID.interventions[0]],
      });
      expect(validateCarePlan(p, TODAY)).toEqual([
        { field: 'problems[0]', reason: 'Problem p1 is not addressed by any goal.' },
        { field: 'problems[2]', reason: 'Problem p3 is not addressed by any goal.' },
      ]);
    });

    it('does not resolve references to ids that are themselves invalid (empty)', () => {
      const p = plan({ problems: [{ ...VALID.problems[0], id: '' }, VALID.problems[1]], goals: [{ ...VALID.goals[0], problemIds: [''] }, VALID.goals[1]] });
      expect(fields(validateCarePlan(p, TODAY))).toEqual(['problems[0].id', 'goals[0].problemIds[0]', 'goals[1].problemIds[0]']);
    });
  });

  describe('goal target dates', () => {
    it.each<[string, string]>([
      ['today', `Goal g1 target date ${TODAY} is not after today (${TODAY}).`],
      ['2026-01-01', `Goal g1 target date 2026-01-01 is not after today (${TODAY}).`],
      ['2027-02-30', 'Goal g1 target date 2027-02-30 is not a real calendar date in the form YYYY-MM-DD.'],
      ['2027-1-5', 'Goal g1 target date 2027-1-5 is not a real calendar date in the form YYYY-MM-DD.'],
      ['2027-01-05T00:00:00Z', 'Goal g1 target date 2027-01-05T00:00:00Z is not a real calendar date in the form YYYY-MM-DD.'],
      ['', 'Goal g1 target date "" is not a real calendar date in the form YYYY-MM-DD.'],
    ])('rejects %p', (targetDate, reason) => {
      const date = targetDate === 'today' ? TODAY : targetDate;
      const p = plan({ goals: [{ ...VALID.goals[0], targetDate: date }, VALID.goals[1]] });
      expect(validateCarePlan(p, TODAY)).toEqual([{ field: 'goals[0].targetDate', reason }]);
    });

    it('accepts the day after today, and a leap day', () => {
      const p = plan({ goals: [{ ...VALID.goals[0], targetDate: '2026-11-11' }, { ...VALID.goals[1], targetDate: '2028-02-29' }] });
      expect(validateCarePlan(p, TODAY)).toEqual([]);
    });

    it('throws (a programming error, not a bad plan) when today is not a calendar date', () => {
      expect(() => validateCarePlan(VALID, '2026-11-10T00:00:00Z')).toThrow(RangeError);
    });
  });

  describe('text', () => {
    const long = 'x'.repeat(MAX_PLAN_TEXT_LENGTH + 1);

    it.each<[string, Partial<Record<keyof CarePlan, unknown>>, PlanIssue]>([
      ['blank problem description', { problems: [{ ...VALID.problems[0], description: ' \n\t ' }, VALID.problems[1]] }, { field: 'problems[0].description', reason: 'Problem p1 description is empty.' }],
      ['long goal description', { goals: [VALID.goals[0], { ...VALID.goals[1], description: long }] }, { field: 'goals[1].description', reason: 'Goal g2 description is 2001 characters long; the limit is 2000.' }],
      ['empty intervention description', { interventions: [{ ...VALID.interventions[0], description: '' }] }, { field: 'interventions[0].description', reason: 'Intervention i1 description is empty.' }],
      ['empty referral specialty', { referrals: [{ ...VALID.referrals[0], specialty: ' ' }] }, { field: 'referrals[0].specialty', reason: 'Referral r1 specialty is empty.' }],
      ['empty referral reason', { referrals: [{ ...VALID.referrals[0], reason: '' }] }, { field: 'referrals[0].reason', reason: 'Referral r1 reason is empty.' }],
      ['long referral reason', { referrals: [{ ...VALID.referrals[0], reason: long }] }, { field: 'referrals[0].reason', reason: 'Referral r1 reason is 2001 characters long; the limit is 2000.' }],
    ])('%s', (_name, patch, issue) => {
      expect(validateCarePlan(plan(patch), TODAY)).toEqual([issue]);
    });

    it('accepts exactly 2000 characters', () => {
      const p = plan({ problems: [{ ...VALID.problems[0], description: 'y'.repeat(MAX_PLAN_TEXT_LENGTH) }, VALID.problems[1]] });
      expect(validateCarePlan(p, TODAY)).toEqual([]);
    });

    it('never echoes plan text (PHI) in reasons', () => {
      const secret = 'Member-confided history of overdose';
      const p = plan({
        problems: [{ ...VALID.problems[0], description: secret }, { ...VALID.problems[1], description: `${secret} ${long}` }],
        goals: [{ ...VALID.goals[0], description: secret, targetDate: '2020-01-01', problemIds: ['p1', 'p404'] }],
      });
      const issues = validateCarePlan(p, TODAY);
      expect(issues.length).toBeGreaterThan(0);
      expect(JSON.stringify(issues)).not.toContain('overdose');
    });
  });

  it('reports every issue at once, in a stable order (problems, goals, interventions, referrals, coverage)', () => {
    const p = plan({
      problems: [{ id: 'p1', description: '', domain: 'physical' }, { id: 'p1', description: 'dup', domain: 'social' }, { id: 'p3', description: 'orphan', domain: 'social' }],
      goals: [{ id: 'g1', problemIds: ['p1', 'p9'], description: 'ok', targetDate: '2026-11-01' }],
      interventions: [{ id: 'i1', goalIds: ['g2'], description: 'ok', owner: 'member' }],
      referrals: [{ id: 'r1', specialty: '', reason: 'ok' }],
    });
    expect(fields(validateCarePlan(p, TODAY))).toEqual([
      'problems[1].id',
      'problems[0].description',
      'goals[0].problemIds[1]',
      'goals[0].targetDate',
      'interventions[0].goalIds[0]',
      'referrals[0].specialty',
      'problems[2]',
    ]);
    expect(validateCarePlan(p, TODAY)).toEqual(validateCarePlan(p, TODAY));
  });

  it('returns issues instead of throwing for malformed input', () => {
    const malformed = { problems: null, goals: [{ id: 'g1', problemIds: 'p1', description: 5, targetDate: 20270101 }], interventions: undefined, referrals: [{}] } as unknown as CarePlan;
    let issues: PlanIssue[] = [];
    expect(() => {
      issues = validateCarePlan(malformed, TODAY);
    }).not.toThrow();
    expect(fields(issues)).toEqual([
      'problems',
      'interventions',
      'problems',
      'goals[0].description',
      'goals[0].problemIds',
      'goals[0].targetDate',
      'referrals[0].id',
      'referrals[0].specialty',
      'referrals[0].reason',
    ]);
    expect(issues.find((i) => i.field === 'goals[0].targetDate')?.reason).toBe('Goal g1 target date (number) is not a real calendar date in the form YYYY-MM-DD.');
  });

  it('reports each issue with a full sentence', () => {
    const p = plan({ goals: [{ ...VALID.goals[0], problemIds: ['p9'], targetDate: '2026-01-01' }, VALID.goals[1]] });
    for (const issue of validateCarePlan(p, TODAY)) {
      expect(issue.reason).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('validateConsent', () => {
  const memberConsent: PlanConsent = { consentGiven: true, consentedBy: 'member', memberInvolved: true, familyOrGuardianInvolved: false };
  const guardianConsent: PlanConsent = { consentGiven: true, consentedBy: 'guardian', memberInvolved: false, familyOrGuardianInvolved: true };

  it.each<[string, PlanConsent, boolean]>([
    ['member consents and took part', memberConsent, false],
    ['member consents with family involved too', { ...memberConsent, familyOrGuardianInvolved: true }, false],
    ['legal guardian consents and took part', guardianConsent, true],
    ['legal guardian consents, member took part too', { ...guardianConsent, memberInvolved: true }, true],
  ])('accepts: %s', (_name, consent, legalGuardian) => {
    expect(validateConsent(consent, { legalGuardian })).toEqual([]);
  });

  it.each<[string, PlanConsent, boolean, string[]]>([
    ['no consent', { ...memberConsent, consentGiven: false }, false, ['consentGiven']],
    ['member consents without taking part', { ...memberConsent, memberInvolved: false }, false, ['memberInvolved']],
    ['guardian consents but the member has no legal guardian', guardianConsent, false, ['consentedBy']],
    ['member consents although a legal guardian must', { ...memberConsent, familyOrGuardianInvolved: true }, true, ['consentedBy']],
    ['legal guardian not involved in planning', { ...guardianConsent, familyOrGuardianInvolved: false }, true, ['familyOrGuardianInvolved']],
    ['everything wrong with a legal guardian', { consentGiven: false, consentedBy: 'member', memberInvolved: true, familyOrGuardianInvolved: false }, true, ['consentGiven', 'consentedBy', 'familyOrGuardianInvolved']],
  ])('rejects: %s', (_name, consent, legalGuardian, expected) => {
    const issues = validateConsent(consent, { legalGuardian });
    expect(fields(issues)).toEqual(expected);
    for (const issue of issues) expect(issue.reason).toMatch(/^[A-Z].*\.$/);
  });

  it('explains why a guardian must consent', () => {
    expect(validateConsent(memberConsent, { legalGuardian: true })).toContainEqual({
      field: 'consentedBy',
      reason: 'The member has a legal guardian, so the guardian must give consent.',
    });
  });
});
