import { deidentifyCommitteeUpdate, type CommitteeCaseFacts, type CommitteeUpdate } from '@careloop/domain';

const FACTS: CommitteeCaseFacts = {
  caseId: 'case-ccm-0123456789abcdef01234567',
  programCode: 'CCM',
  phase: 'recovery_support',
  step: 'monitoring',
  riskTier: 'high',
  memberRef: 'M-7731-QX',
  enrollmentDate: '2025-03-17',
  openedAt: '2025-04-02T13:45:07.123Z',
  goals: [
    { description: 'Walk to the Riverside pharmacy twice a week', targetDate: '2025-09-30', status: 'met' },
    { description: 'Keep HbA1c below 7.5', targetDate: '2026-01-15', status: 'behind' },
    { description: 'Attend cardiology follow-up with Dr. Okonkwo', targetDate: '2025-12-05', status: 'open' },
    { description: 'Reduce ED visits', targetDate: '2026-02-28', status: 'behind' },
  ],
  contactsSinceLastUpdate: 4,
  missedContactsSinceLastUpdate: 1,
  symptomIncreasesSinceLastUpdate: 2,
  adherenceVariationsSinceLastUpdate: 3,
  supplementalInfoOutstanding: true,
  planVersion: 3,
  notes: ['Daughter Maria says he skips insulin on weekends', 'Lives at 12 Elm Street, apt 4'],
  trigger: 'scheduled',
};

const NOW = '2025-11-20T08:00:00Z';

describe('deidentifyCommitteeUpdate', () => {
  it('keeps codes and counts, and nothing else', () => {
    expect(deidentifyCommitteeUpdate(FACTS, NOW)).toEqual<CommitteeUpdate>({
      caseId: 'case-ccm-0123456789abcdef01234567',
      programCode: 'CCM',
      phase: 'recovery_support',
      step: 'monitoring',
      riskTier: 'high',
      monthsInProgram: 7,
      goals: { total: 4, met: 1, behind: 2 },
      contacts: { completed: 4, missed: 1 },
      symptomIncreases: 2,
      adherenceVariations: 3,
      supplementalInfoOutstanding: true,
      planVersion: 3,
      trigger: 'scheduled',
    });
  });

  it('has exactly the de-identified fields (an allow-list, not a copy)', () => {
    const withExtra = { ...FACTS, dateOfBirth: '1951-06-04', diagnosis: 'E11.65' } as CommitteeCaseFacts;
    const update = deidentifyCommitteeUpdate(withExtra, NOW);
    expect(Object.keys(update).sort()).toEqual(
      [
        'adherenceVariations',
        'caseId',
        'contacts',
        'goals',
        'monthsInProgram',
        'phase',
        'planVersion',
        'programCode',
        'riskTier',
        'step',
        'supplementalInfoOutstanding',
        'symptomIncreases',
        'trigger',
      ].sort(),
    );
    expect(JSON.stringify(update)).not.toMatch(/1951|E11/);
  });

  describe('no PHI value from the input appears anywhere in the output', () => {
    const phi: [string, string][] = [
      ['memberRef', FACTS.memberRef],
      ['enrollmentDate', FACTS.enrollmentDate],
      ['openedAt', FACTS.openedAt],
      ['openedAt (date part)', FACTS.openedAt.slice(0, 10)],
      ['openedAt (time part)', FACTS.openedAt.slice(11, 19)],
      ...FACTS.notes.map((note, i): [string, string] => [`notes[${i}]`, note]),
      ...FACTS.goals.flatMap((goal, i): [string, string][] => [
        [`goals[${i}].description`, goal.description],
        [`goals[${i}].targetDate`, goal.targetDate],
      ]),
      // Distinctive fragments too, in case something were truncated or reformatted.
      ['member number', '7731'],
      ['a name in a note', 'Maria'],
      ['an address', 'Elm Street'],
      ['a provider name in a goal', 'Okonkwo'],
      ['a place in a goal', 'Riverside'],
      ['enrollment year-month', '2025-03'],
      ['the now timestamp', NOW],
    ];
    const json = JSON.stringify(deidentifyCommitteeUpdate(FACTS, NOW));

    it.each(phi)('%s', (_name, value) => {
      expect(json).not.toContain(value);
    });

    it('holds for many generated cases, whichever trigger, phase and goal mix', () => {
      for (let n = 0; n < 50; n += 1) {
        const member = `MBR-${(n * 7919 + 1013).toString(36).toUpperCase()}-SECRET`;
        const facts: CommitteeCaseFacts = {
          ...FACTS,
          memberRef: member,
          trigger: n % 2 === 0 ? 'scheduled' : 'new_information',
          step: n % 3 === 0 ? null : 'regular_updates',
          goals: Array.from({ length: n % 6 }, (_, k) => ({
            description: `${member} goal ${k} confidential`,
            targetDate: `2027-0${(k % 9) + 1}-1${k % 10}`,
            status: (['open', 'met', 'behind'] as const)[(n + k) % 3]!,
          })),
          notes: [`note about ${member}: confidential`],
        };
        const text = JSON.stringify(deidentifyCommitteeUpdate(facts, NOW));
        expect(text).not.toContain(member);
        expect(text).not.toContain('SECRET');
        expect(text).not.toContain('confidential');
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      }
    });
  });

  describe('monthsInProgram: whole months since the case opened', () => {
    it.each<[string, string, number]>([
      ['2025-04-02T13:45:07.123Z', '2025-04-02T13:45:07.123Z', 0],
      ['2025-04-02T13:45:07.123Z', '2025-05-02T13:45:07.122Z', 0],
      ['2025-04-02T13:45:07.123Z', '2025-05-02T13:45:07.123Z', 1],
      ['2025-04-02T00:00:00Z', '2026-04-01T23:59:59Z', 11],
      ['2025-04-02T00:00:00Z', '2026-04-02T00:00:00Z', 12],
      ['2025-01-31T00:00:00Z', '2025-02-28T00:00:00Z', 0],
      ['2025-01-31T00:00:00Z', '2025-03-01T00:00:00Z', 1],
      ['2024-12-15T00:00:00Z', '2025-01-15T00:00:00Z', 1],
      ['2025-04-30T23:30:00-02:00', '2025-05-01T01:30:00Z', 0],
      ['2025-04-30T23:30:00-02:00', '2025-06-01T01:30:00Z', 1],
    ])('opened %s, now %s: %i', (openedAt, now, months) => {
      expect(deidentifyCommitteeUpdate({ ...FACTS, openedAt }, now).monthsInProgram).toBe(months);
    });

    it('is never negative, even if now precedes openedAt', () => {
      expect(deidentifyCommitteeUpdate(FACTS, '2025-01-01T00:00:00Z').monthsInProgram).toBe(0);
    });

    it('rejects timestamps that are not ISO 8601 with offset', () => {
      expect(() => deidentifyCommitteeUpdate(FACTS, '20 Nov 2025')).toThrow(/^now must be/);
      expect(() => deidentifyCommitteeUpdate({ ...FACTS, openedAt: '2025-04-02 13:45' }, NOW)).toThrow(/^openedAt must be/);
    });
  });

  it('counts goals by status, with no goals at all giving zeros', () => {
    expect(deidentifyCommitteeUpdate({ ...FACTS, goals: [] }, NOW).goals).toEqual({ total: 0, met: 0, behind: 0 });
  });

  it('passes a case before recovery support through with null step, tier and plan version', () => {
    const update = deidentifyCommitteeUpdate({ ...FACTS, phase: 'assessment', step: null, riskTier: null, planVersion: null, trigger: 'new_information' }, NOW);
    expect(update).toMatchObject({ phase: 'assessment', step: null, riskTier: null, planVersion: null, trigger: 'new_information' });
  });

  it('does not modify its input', () => {
    const copy = structuredClone(FACTS);
    deidentifyCommitteeUpdate(FACTS, NOW);
    expect(FACTS).toEqual(copy);
  });
});
