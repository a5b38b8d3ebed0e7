import { monthPeriod } from '@careloop/domain';
import { CaseBuilder, compute, counts, input, rowsOf, stratum, valueOf } from './measure-fixtures';

const APRIL = monthPeriod('2026-04');

function opened(id: string, careManagerId: string | null, tier: string | null) {
  const b = new CaseBuilder(id).opened('2026-03-01T10:00:00Z', '2026-03-01');
  if (tier) b.screened('2026-03-05T10:00:00Z', tier);
  if (careManagerId) b.ev('2026-03-05T11:00:00Z', 'care_manager_assigned', { careManagerId, languageMatch: true });
  return b;
}

describe('assignment measures', () => {
  it('named care manager: high and medium members open at the end, by their latest tier, with their latest care manager', () => {
    const high = opened('c1', 'cm-a', 'high').build();
    const mediumNone = opened('c2', null, 'medium').build();
    const low = opened('c3', null, 'low').build();
    // Screened low, then assessed high: the assessment is the latest tier.
    const reassessed = opened('c4', null, 'low').ev('2026-04-10T10:00:00Z', 'assessment_submitted', { answers: {}, risk: { tier: 'high', score: 9, reasons: [] } }).build();
    // Reassigned: still named, to the new care manager.
    const reassigned = opened('c5', 'cm-a', 'medium').ev('2026-04-12T10:00:00Z', 'care_manager_reassigned', { from: 'cm-a', to: 'cm-b', reason: 'caseload' }).build();
    const closed = opened('c6', null, 'high').closed('2026-04-20T10:00:00Z', 'goals_met').build();
    // Assessed high only after April's end: April sees it as low.
    const later = opened('c7', null, 'low').ev('2026-05-02T10:00:00Z', 'assessment_submitted', { answers: {}, risk: { tier: 'high', score: 9, reasons: [] } }).build();
    const result = compute(input(APRIL, { cases: [high, mediumNone, low, reassessed, reassigned, closed, later] }));
    expect(counts(result, 'named_care_manager')).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(stratum(result, 'named_care_manager', 'high')).toEqual({ code: 'high', numerator: 1, denominator: 2, value: 0.5, median: null });
    expect(stratum(result, 'named_care_manager', 'medium')).toEqual({ code: 'medium', numerator: 1, denominator: 2, value: 0.5, median: null });
    expect(valueOf(result, 'named_care_manager').meetsTarget).toBe(false);
    expect(rowsOf(result, 'named_care_manager').map((r) => [r.subjectId, r.outcome, r.stratum, r.detail])).toEqual([
      ['c1', 'met', 'high', 'high risk; care manager cm-a'],
      ['c2', 'not_met', 'medium', 'medium risk; no care manager'],
      ['c4', 'not_met', 'high', 'high risk; no care manager'],
      ['c5', 'met', 'medium', 'medium risk; care manager cm-b'],
    ]);
  });

  it('caseload ratio: every open participant over the care managers holding an open case; a reassigned case counts for the new one', () => {
    const cases = [
      opened('c1', 'cm-a', 'high').build(),
      opened('c2', 'cm-a', 'low').build(),
      opened('c3', 'cm-a', 'medium').ev('2026-04-12T10:00:00Z', 'care_manager_reassigned', { from: 'cm-a', to: 'cm-b', reason: 'caseload' }).build(),
      // Not yet screened nor assigned: a participant all the same.
      opened('c4', null, null).build(),
      // Closed: neither a participant nor a caseload.
      opened('c5', 'cm-c', 'low').closed('2026-04-20T10:00:00Z', 'goals_met').build(),
    ];
    const result = compute(input(APRIL, { cases }));
    expect(counts(result, 'caseload_ratio')).toEqual({ numerator: 4, denominator: 2, value: 2 });
    expect(valueOf(result, 'caseload_ratio').meetsTarget).toBe(true);
    expect(rowsOf(result, 'caseload_ratio').map((r) => [r.subjectId, r.outcome, r.detail, r.caseId])).toEqual([
      ['cm-a', 'met', '2 open cases', null],
      ['cm-b', 'met', '1 open case', null],
    ]);
  });

  it('caseload ratio over the cap of 100 is not met, and its care manager row is not_met', () => {
    const cases = Array.from({ length: 101 }, (_, i) => opened(`c${i}`, 'cm-a', 'low').build());
    const result = compute(input(APRIL, { cases }));
    expect(counts(result, 'caseload_ratio')).toEqual({ numerator: 101, denominator: 1, value: 101 });
    expect(valueOf(result, 'caseload_ratio').meetsTarget).toBe(false);
    expect(rowsOf(result, 'caseload_ratio').map((r) => [r.outcome, r.detail])).toEqual([['not_met', '101 open cases']]);
  });

  it('care plan consent with the member involved, or given by a representative, in the period of the consent', () => {
    const consent = (id: string, at: string, c: Record<string, unknown>, representative?: Record<string, unknown>) =>
      new CaseBuilder(id).ev(at, 'plan_consented', { version: 1, consent: c, ...(representative ? { representative } : {}) }).build();
    const cases = [
      consent('c1', '2026-04-02T10:00:00Z', { consentGiven: true, consentedBy: 'member', memberInvolved: true, familyOrGuardianInvolved: false }),
      consent('c2', '2026-04-03T10:00:00Z', { consentGiven: true, consentedBy: 'representative', representativeId: 'rep_1', memberInvolved: false, familyOrGuardianInvolved: true }, { id: 'rep_1', relationship: 'guardian' }),
      consent('c3', '2026-04-04T10:00:00Z', { consentGiven: true, consentedBy: 'member', memberInvolved: false, familyOrGuardianInvolved: false }),
      consent('c4', '2026-04-05T10:00:00Z', { consentGiven: false, consentedBy: 'member', memberInvolved: true, familyOrGuardianInvolved: false }),
      consent('c5', '2026-03-31T10:00:00Z', { consentGiven: true, consentedBy: 'member', memberInvolved: true, familyOrGuardianInvolved: false }),
    ];
    const result = compute(input(APRIL, { cases }));
    expect(counts(result, 'care_plan_consent_involvement')).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(rowsOf(result, 'care_plan_consent_involvement').map((r) => [r.subjectId, r.outcome, r.detail])).toEqual([
      ['c1', 'met', 'consent given by member; member involved'],
      ['c2', 'met', 'consent given by representative; member not involved'],
      ['c3', 'not_met', 'consent given by member; member not involved'],
      ['c4', 'not_met', 'consent not given by member; member involved'],
    ]);
  });
});
