import type { MemberView } from '@careloop/contracts';
import type { PlanConsent } from '@careloop/domain';
import type { CaseReadRepository } from '@careloop/persistence';
import { checkConsentBy, checkContactPoint } from '../../../apps/api/src/cases/case-member.checks';
import { CaseMember } from '../../../apps/api/src/cases/case-member.service';
import type { MemberRegistry } from '../../../apps/api/src/members/member-registry.service';
import { caseContactOf, sendContactPreference } from '../../../apps/api/src/members/member-contact';
import type { TemporalGateway } from '../../../apps/api/src/temporal/temporal.gateway';
import { dateFromToday } from '../../support/fixture-dates';

/** The API's checks of case actions against the case's registry member (registry mocked: unit tests only). */
describe('case actions checked against the member registry', () => {
  const today = dateFromToday(0);
  const member = {
    id: 'mbr_0123456789abcdefghjkmnpqrs',
    identifiers: [{ kind: 'plan', value: 'PLAN-U-1' }],
    phones: [
      { use: 'mobile', number: '+15125550100', smsOk: true },
      { use: 'home', number: '+15125550101' },
    ],
    portal: false,
    contactPreferences: { method: 'sms', windows: [], timeZone: 'America/Chicago' },
    representatives: [
      { id: 'rep_planner', name: 'P', relationship: 'guardian', authorities: ['participate_in_planning'], validFrom: dateFromToday(-30), validUntil: null },
      { id: 'rep_expired', name: 'E', relationship: 'spouse', authorities: ['consent_care_plan'], validFrom: dateFromToday(-30), validUntil: dateFromToday(-1) },
      { id: 'rep_future', name: 'F', relationship: 'family', authorities: ['consent_care_plan'], validFrom: dateFromToday(1), validUntil: null },
      { id: 'rep_proxy', name: 'X', relationship: 'healthcare_proxy', authorities: ['consent_care_plan'], validFrom: dateFromToday(-30), validUntil: today },
    ],
  } as unknown as MemberView;
  const by = (consentedBy: PlanConsent['consentedBy'], representativeId?: string): PlanConsent => ({
    consentGiven: true,
    consentedBy,
    memberInvolved: false,
    familyOrGuardianInvolved: true,
    ...(representativeId ? { representativeId } : {}),
  });

  it.each(['phone:mobile', 'phone:home', 'sms:mobile', 'representative:rep_planner'])('accepts the contact point %s the member has', (point) => {
    expect(() => checkContactPoint(member, point)).not.toThrow();
  });

  it.each([
    ['sms:home', /not agreed to text messages/],
    ['phone:work', /Not one of the member's contact points/],
    ['email', /Not one of the member's contact points/],
    ['letter:address', /Not one of the member's contact points/],
    ['representative:rep_nobody', /Not one of the member's contact points/],
    ['fax:home', /Must name a contact point/],
  ])('refuses %s with 400 naming contactPoint', (point, reason) => {
    expect(() => checkContactPoint(member, point)).toThrow(expect.objectContaining({ code: 'validation_failed', status: 400, errors: [{ field: 'contactPoint', reason: expect.stringMatching(reason) }] }));
  });

  it('refuses a contact point for a case whose member is not in the registry', () => {
    expect(() => checkContactPoint(null, 'sms:mobile')).toThrow(expect.objectContaining({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'contactPoint' })] }));
  });

  it('answers who consented for a representative with consent_care_plan in force today (validUntil inclusive), old and new names alike', () => {
    expect(checkConsentBy(member, by('representative', 'rep_proxy'), today)).toEqual({ id: 'rep_proxy', relationship: 'healthcare_proxy' });
    expect(checkConsentBy(member, by('guardian', 'rep_proxy'), today)).toEqual({ id: 'rep_proxy', relationship: 'healthcare_proxy' });
    expect(checkConsentBy(member, by('member'), today)).toBeUndefined();
  });

  it.each([
    ['rep_planner', 'consent_representative_without_authority'],
    ['rep_expired', 'consent_representative_not_in_force'],
    ['rep_future', 'consent_representative_not_in_force'],
    ['rep_unknown', 'consent_representative_unknown'],
  ])('refuses %s with 422 %s naming consent.representativeId', (repId, code) => {
    expect(() => checkConsentBy(member, by('representative', repId), today)).toThrow(
      expect.objectContaining({ code, status: 422, errors: [expect.objectContaining({ field: 'consent.representativeId' })] }),
    );
  });

  it('needs representativeId for a registry member, refuses it for the member’s own consent, and keeps legacy consents of unregistered members', () => {
    const missing = expect.objectContaining({ code: 'validation_failed', errors: [expect.objectContaining({ field: 'consent.representativeId', reason: expect.stringMatching(/Required/) })] });
    expect(() => checkConsentBy(member, by('guardian'), today)).toThrow(missing);
    expect(() => checkConsentBy(member, by('member', 'rep_proxy'), today)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
    expect(checkConsentBy(null, by('guardian'), today)).toBeUndefined();
    expect(() => checkConsentBy(null, by('representative', 'rep_proxy'), today)).toThrow(expect.objectContaining({ code: 'consent_representative_unknown' }));
  });

  it('never echoes member data in refusals', () => {
    const messages: string[] = [];
    for (const attempt of [() => checkContactPoint(member, 'sms:home'), () => checkConsentBy(member, by('representative', 'rep_expired'), today)]) {
      try {
        attempt();
      } catch (e) {
        messages.push(JSON.stringify(e), (e as Error).message);
      }
    }
    expect(messages).toHaveLength(4);
    for (const m of messages) expect(m).not.toMatch(/\+1512|PLAN-U-1/);
  });

  it('finds the case’s member by its plan member id, and none for a case not in the read model', async () => {
    const findByPlanId = jest.fn(async (planId: string) => (planId === 'PLAN-U-1' ? member : null));
    const findById = jest.fn(async (id: string) => (id === 'case-1' ? { memberRef: 'PLAN-U-1' } : null));
    const lookup = new CaseMember({ findById } as unknown as CaseReadRepository, { findByPlanId } as unknown as MemberRegistry);
    expect(await lookup.of('case-1')).toBe(member);
    expect(await lookup.of('case-2')).toBeNull();
    expect(findByPlanId).toHaveBeenCalledTimes(1);
  });

  it('gives a case the PHI-free contact preference: method and contact points, no numbers', () => {
    const contact = caseContactOf(member);
    expect(contact).toEqual({
      method: 'sms',
      points: ['phone:mobile', 'sms:mobile', 'phone:home', 'representative:rep_planner', 'representative:rep_expired', 'representative:rep_future', 'representative:rep_proxy'],
    });
    expect(JSON.stringify(contact)).not.toMatch(/\d{6}/);
  });

  it('sends the new preference to each open case of the member, skipping one that fails', async () => {
    const signalled: [string, unknown][] = [];
    const temporal = {
      handle: (caseId: string) => ({
        signal: async (_def: unknown, arg: unknown) => {
          if (caseId === 'case-gone') throw new Error('workflow not found');
          signalled.push([caseId, arg]);
        },
      }),
    } as unknown as TemporalGateway;
    const openCaseIdsOf = jest.fn(async () => ['case-a', 'case-gone', 'case-b']);
    const warn = jest.fn();
    const sent = await sendContactPreference(member, { cases: { openCaseIdsOf } as unknown as CaseReadRepository, temporal, logger: { warn } as never });
    expect(openCaseIdsOf).toHaveBeenCalledWith('PLAN-U-1');
    expect(sent).toEqual(['case-a', 'case-b']);
    expect(signalled).toEqual([
      ['case-a', caseContactOf(member)],
      ['case-b', caseContactOf(member)],
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('case-gone'));
  });
});
