import type { PlanVersionEntry } from '@careloop/contracts';
import { carePlanStatuses, carePlanVersionToFhir, searchsetBundle } from '../../../apps/api/src/fhir/care-plan.mapper';
import { validateFhir } from '../../../apps/api/src/fhir/fhir-validator';
import { operationOutcome, outcomeStatus } from '../../../apps/api/src/fhir/operation-outcome';

const consent = { consentGiven: true, consentedBy: 'member' as const, memberInvolved: true, familyOrGuardianInvolved: false };
const plan = {
  problems: [{ id: 'p1', description: 'Unstable glucose', domain: 'physical' as const }],
  goals: [
    { id: 'g1', problemIds: ['p1'], description: 'A1c under 8', targetDate: '2025-09-30' },
    { id: 'g2', problemIds: ['p1'], description: 'Daily glucose log', targetDate: '2025-06-30' },
  ],
  interventions: [{ id: 'i1', goalIds: ['g1', 'g2'], description: 'Weekly coaching call', owner: 'care_manager' as const }],
  referrals: [],
};
const v = (version: number, consented: boolean): PlanVersionEntry => ({
  version,
  plan,
  proposedBy: 'cm-7',
  proposedAt: `2025-0${version}-01T10:00:00.000Z`,
  consent: consented ? consent : null,
  consentedAt: consented ? `2025-0${version}-02T10:00:00.000Z` : null,
});
const source = { caseId: 'case-ccm-0123456789abcdef01234567', episodeId: 'ep-1', memberId: 'mbr_0123456789abcdefghjkmnpqrs' };

describe('carePlanStatuses', () => {
  it('newest consented version active, older ones revoked, a newer proposal draft', () => {
    expect([...carePlanStatuses([v(3, false), v(2, true), v(1, true)], false)]).toEqual([
      [3, 'draft'],
      [2, 'active'],
      [1, 'revoked'],
    ]);
  });
  it('a closed case completes the active version and revokes an open proposal', () => {
    expect([...carePlanStatuses([v(2, false), v(1, true)], true)]).toEqual([
      [2, 'revoked'],
      [1, 'completed'],
    ]);
  });
  it('no consent yet: every version is a draft', () => {
    expect([...carePlanStatuses([v(1, false)], false)]).toEqual([[1, 'draft']]);
  });
});

describe('carePlanVersionToFhir', () => {
  const carePlan = carePlanVersionToFhir({ ...source, entry: v(2, true), status: 'active' });

  it('validates against base R4, with what US Core CarePlan requires', () => {
    expect(validateFhir(carePlan)).toEqual([]);
    expect(carePlan.text?.status).toBe('generated');
    expect(carePlan.status).toBe('active');
    expect(carePlan.intent).toBe('plan');
    expect(carePlan.category).toEqual([{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/careplan-category', code: 'assess-plan' }] }]);
    expect(carePlan.subject).toEqual({ reference: `Patient/${source.memberId}` });
    expect(carePlan.meta?.versionId).toBe('2');
  });

  it('carries goals as contained Goals referenced by the plan and its activities', () => {
    expect(carePlan.contained?.map((g) => g.id)).toEqual(['goal-g1', 'goal-g2']);
    expect(carePlan.goal).toEqual([{ reference: '#goal-g1' }, { reference: '#goal-g2' }]);
    expect(carePlan.activity?.[0]?.detail?.goal).toEqual([{ reference: '#goal-g1' }, { reference: '#goal-g2' }]);
    expect(carePlan.period?.start).toBe('2025-02-02T10:00:00.000Z');
    expect(carePlan.created).toBe('2025-02-01T10:00:00.000Z');
  });

  it.each(['revoked', 'completed', 'draft'] as const)('a %s version validates too', (status) => {
    const fhir = carePlanVersionToFhir({ ...source, entry: v(1, status !== 'draft'), status });
    expect(fhir.status).toBe(status);
    expect(validateFhir(fhir)).toEqual([]);
  });

  it('the validator is not vacuous: a broken CarePlan is refused with paths', () => {
    const broken = { ...carePlan, created: 'yesterday', subject: undefined } as unknown as typeof carePlan;
    expect(validateFhir(broken).map((e) => e.field)).toEqual(expect.arrayContaining(['CarePlan.created', 'CarePlan.subject']));
  });

  it('an empty plan validates', () => {
    const empty = carePlanVersionToFhir({ ...source, entry: { ...v(1, false), plan: { problems: [], goals: [], interventions: [], referrals: [] } }, status: 'draft' });
    expect(validateFhir(empty)).toEqual([]);
    expect(empty.goal).toBeUndefined();
  });
});

describe('searchsetBundle', () => {
  it('is a valid searchset with one match entry per plan version', () => {
    const plans = [2, 1].map((n) => carePlanVersionToFhir({ ...source, entry: v(n, true), status: n === 2 ? 'active' : 'revoked' }));
    const bundle = searchsetBundle(plans, `https://api.example/fhir/CarePlan?patient=${source.memberId}`, 'https://api.example/fhir');
    expect(validateFhir(bundle)).toEqual([]);
    expect(bundle.total).toBe(2);
    expect(bundle.entry?.map((e) => e.search?.mode)).toEqual(['match', 'match']);
    expect(bundle.entry?.[0]?.fullUrl).toBe(`https://api.example/fhir/CarePlan/${plans[0]?.id}`);
  });
  it('an empty search is a valid empty searchset', () => {
    const bundle = searchsetBundle([], 'https://api.example/fhir/CarePlan?patient=x', 'https://api.example/fhir');
    expect(validateFhir(bundle)).toEqual([]);
    expect(bundle.total).toBe(0);
  });
});

describe('operationOutcome', () => {
  it('one issue per field error, expression the FHIR path; validates', () => {
    const outcome = operationOutcome('invalid', 'Invalid Patient', [{ field: 'Patient.birthDate', reason: 'is required' }]);
    expect(outcome.issue).toEqual([{ severity: 'error', code: 'invalid', diagnostics: 'is required', expression: ['Patient.birthDate'] }]);
    expect(validateFhir(outcome)).toEqual([]);
    expect(outcomeStatus('invalid')).toBe(400);
  });
  it('without field errors, one issue with the diagnostics', () => {
    const outcome = operationOutcome('not-found', 'No Patient with that id');
    expect(outcome.issue).toEqual([{ severity: 'error', code: 'not-found', diagnostics: 'No Patient with that id' }]);
    expect(validateFhir(outcome)).toEqual([]);
    expect(outcomeStatus('not-found')).toBe(404);
  });
});
