import { ROLES, type Role } from '@careloop/contracts';
import { decideAccess, isMemberRelated, isRelated, listScope, PERMISSIONS, teamReadable, type CaseRelation, type MemberRelation, type Permission } from '../../../apps/api/src/auth/access-policy';
import type { Principal } from '../../../apps/api/src/auth/principal';

const user = (role: Role, sub: string, team: string | null = null): Principal => ({ kind: role === 'integration' ? 'integration' : 'user', sub, role, team });
const northCase: CaseRelation = { careManagerId: 'cm-1', careManagerTeam: 'north', caseTeam: 'north', providerIds: ['prov-1'] };
/** Unassigned legacy case (no team): the pool everyone sees. */
const pool: CaseRelation = { careManagerId: null, careManagerTeam: null, caseTeam: null, providerIds: [] };
/** Unassigned case of team north: only north's pool. */
const northPool: CaseRelation = { careManagerId: null, careManagerTeam: null, caseTeam: 'north', providerIds: [] };

describe('access policy', () => {
  it('lets each role into exactly the endpoint families the policy lists', () => {
    // The full table, written out: a change to PERMISSIONS must change this test on purpose.
    const expected: Record<Role, Permission[]> = {
      care_manager: ['case.start', 'case.list', 'case.read', 'case.act', 'case.provider', 'program.read', 'discharge.work', 'review.submit', 'review.read', 'review.list', 'review.act', 'complaint.lodge', 'complaint.handle', 'provider.search', 'provider.read', 'fhir.read', 'fhir.write', 'member.read', 'member.record', 'member.search', 'member.write', 'member.duplicates', 'team.read', 'worklist.read', 'worklist.work', 'inbox', 'session'],
      supervisor: [
        'case.start', 'case.list', 'case.read', 'case.act', 'case.provider', 'supervisor.read', 'supervisor.case', 'committee.read',
        'program.read', 'discharge.work', 'review.submit', 'review.read', 'review.list', 'review.act', 'review.decide', 'complaint.lodge', 'complaint.handle', 'provider.search', 'provider.read', 'fhir.read', 'fhir.write', 'member.read', 'member.record', 'member.search', 'member.write', 'member.duplicates', 'team.read', 'worklist.read', 'worklist.work', 'worklist.supervise', 'report.read', 'report.members', 'inbox', 'session',
      ],
      provider: ['case.provider', 'program.read', 'review.submit', 'review.read', 'review.list', 'review.act', 'complaint.lodge', 'provider.read', 'fhir.read', 'member.read', 'inbox', 'session'],
      committee: ['committee.read', 'program.read', 'report.read', 'inbox', 'session'],
      integration: ['integration.intake', 'fhir.write'],
      admin: [
        'case.start', 'case.list', 'case.read', 'case.act', 'case.provider', 'supervisor.read', 'supervisor.case', 'committee.read',
        'program.read', 'discharge.work', 'review.submit', 'review.read', 'review.list', 'review.act', 'review.decide', 'complaint.lodge', 'complaint.handle', 'provider.manage', 'provider.search', 'provider.read', 'fhir.read', 'fhir.write', 'member.read', 'member.record', 'member.search', 'member.write', 'member.duplicates', 'audit.read', 'team.manage', 'team.read', 'worklist.read', 'worklist.work', 'worklist.supervise', 'report.read', 'report.members', 'codec.use', 'inbox', 'session',
      ],
    };
    for (const role of ROLES) {
      const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => decideAccess(user(role, 'x'), p, northCase) !== 'forbidden');
      expect({ role, allowed }).toEqual({ role, allowed: expected[role] });
    }
  });

  it.each([
    ['care manager, own case', user('care_manager', 'cm-1', 'north'), northCase, true],
    ['care manager, teammate’s case', user('care_manager', 'cm-2', 'north'), northCase, true],
    ['care manager, other team', user('care_manager', 'cm-3', 'south'), northCase, false],
    ['care manager without team, someone else’s case', user('care_manager', 'cm-9'), northCase, false],
    ['care manager, unassigned legacy case (no team)', user('care_manager', 'cm-3', 'south'), pool, true],
    ['care manager, own team’s unassigned case', user('care_manager', 'cm-2', 'north'), northPool, true],
    ['care manager, other team’s unassigned case', user('care_manager', 'cm-3', 'south'), northPool, false],
    ['care manager without team, a team’s unassigned case', user('care_manager', 'cm-9'), northPool, false],
    ['supervisor, own team', user('supervisor', 'sup-1', 'north'), northCase, true],
    ['supervisor, other team', user('supervisor', 'sup-9', 'south'), northCase, false],
    ['supervisor, unassigned legacy case (no team)', user('supervisor', 'sup-9', 'south'), pool, true],
    ['supervisor, own team’s unassigned case', user('supervisor', 'sup-1', 'north'), northPool, true],
    ['supervisor, other team’s unassigned case', user('supervisor', 'sup-9', 'south'), northPool, false],
    ['admin, a team’s unassigned case', user('admin', 'admin-1'), northPool, true],
    ['provider, their patient', user('provider', 'prov-1'), northCase, true],
    ['provider, not their patient', user('provider', 'prov-2'), northCase, false],
    ['provider, unassigned case', user('provider', 'prov-1'), pool, false],
    ['admin, any case', user('admin', 'admin-1'), northCase, true],
    ['committee, any case', user('committee', 'c-1'), northCase, false],
  ])('%s → related: %s', (_name, principal, relation, related) => {
    expect(isRelated(principal, relation)).toBe(related);
  });

  it('hides (404) a case the role may act on but the caller is unrelated to, and forbids (403) a family the role never may use', () => {
    expect(decideAccess(user('care_manager', 'cm-3', 'south'), 'case.read', northCase)).toBe('hidden');
    expect(decideAccess(user('provider', 'prov-1'), 'case.read', northCase)).toBe('forbidden');
    expect(decideAccess(user('provider', 'prov-1'), 'case.provider', northCase)).toBe('allow');
    expect(decideAccess(user('provider', 'prov-2'), 'case.provider', northCase)).toBe('hidden');
    // A case not in the read model yet counts as unassigned.
    expect(decideAccess(user('care_manager', 'cm-3', 'south'), 'case.act', null)).toBe('allow');
    expect(decideAccess(user('provider', 'prov-1'), 'case.provider', null)).toBe('hidden');
  });

  it('lets a provider follow only the reviews they submitted; staff work every review', () => {
    expect(decideAccess(user('provider', 'prov-1'), 'review.read', { providerId: 'prov-1' })).toBe('allow');
    expect(decideAccess(user('provider', 'prov-1'), 'review.act', { providerId: 'prov-2' })).toBe('hidden');
    expect(decideAccess(user('provider', 'prov-1'), 'review.read', { providerId: null })).toBe('hidden');
    expect(decideAccess(user('care_manager', 'cm-1', 'north'), 'review.read', { providerId: 'prov-2' })).toBe('allow');
    expect(decideAccess(user('provider', 'prov-1'), 'review.decide', { providerId: 'prov-1' })).toBe('forbidden');
  });

  it('scopes lists to the caller, their team and the pool; admins see everything', () => {
    expect(listScope(user('admin', 'a'), [])).toEqual({ all: true });
    expect(listScope(user('care_manager', 'cm-1', 'north'), ['cm-1', 'cm-2'])).toEqual({ all: false, careManagerIds: ['cm-1', 'cm-2'] });
    expect(listScope(user('care_manager', 'cm-9'), [])).toEqual({ all: false, careManagerIds: ['cm-9'] });
    expect(listScope(user('supervisor', 'sup-1', 'north'), ['cm-1', 'sup-1'])).toEqual({ all: false, careManagerIds: ['cm-1', 'sup-1'] });
  });

  it('lets admins read every team, supervisors and care managers only their own (the roster team), and nobody else', () => {
    expect(teamReadable(user('admin', 'admin-1'), 'east')).toBe(true);
    expect(teamReadable(user('supervisor', 'sup-1', 'east'), 'east')).toBe(true);
    expect(teamReadable(user('supervisor', 'sup-1', 'east'), 'west')).toBe(false);
    expect(teamReadable(user('care_manager', 'cm-1', 'east'), 'east')).toBe(true);
    expect(teamReadable(user('care_manager', 'cm-1', 'east'), 'west')).toBe(false);
    // No team (deactivated, or never on one): no team is theirs, including a teamless staff record.
    expect(teamReadable(user('care_manager', 'cm-gone'), 'east')).toBe(false);
    expect(teamReadable(user('care_manager', 'cm-gone'), null)).toBe(false);
    expect(teamReadable(user('provider', 'prov-1', 'east'), 'east')).toBe(false);
  });

  describe('member registry (issue 16)', () => {
    const ownByPcp: MemberRelation = { pcpProviderId: 'prov-1', caseProviderIds: [] };
    const ownByCase: MemberRelation = { pcpProviderId: 'prov-2', caseProviderIds: ['prov-9', 'prov-1'] };
    const foreign: MemberRelation = { pcpProviderId: 'prov-2', caseProviderIds: ['prov-9'] };

    it('lets a provider read only their own patients: PCP on the record, or related to one of their cases; others are hidden', () => {
      const provider = user('provider', 'prov-1');
      expect(decideAccess(provider, 'member.read', ownByPcp)).toBe('allow');
      expect(decideAccess(provider, 'member.read', ownByCase)).toBe('allow');
      expect(decideAccess(provider, 'member.read', foreign)).toBe('hidden');
      // An unknown member answers the same 404 as a foreign one.
      expect(decideAccess(provider, 'member.read', null)).toBe('hidden');
      expect(isMemberRelated(provider, { pcpProviderId: null, caseProviderIds: [] })).toBe(false);
    });

    it('never lets a provider search, write, list duplicates or read history and cases (403)', () => {
      for (const p of ['member.record', 'member.search', 'member.write', 'member.duplicates'] as const) {
        expect([p, decideAccess(user('provider', 'prov-1'), p, ownByPcp)]).toEqual([p, 'forbidden']);
      }
    });

    it('lets staff work the whole registry, and keeps the committee and integrations out (403)', () => {
      const families = ['member.read', 'member.record', 'member.search', 'member.write', 'member.duplicates'] as const;
      for (const staff of [user('care_manager', 'cm-3', 'south'), user('supervisor', 'sup-9', 'south'), user('admin', 'admin-1')]) {
        for (const p of families) expect([staff.role, p, decideAccess(staff, p, foreign)]).toEqual([staff.role, p, 'allow']);
      }
      for (const outsider of [user('committee', 'committee-1'), user('integration', 'integration:feed')]) {
        for (const p of families) expect([outsider.role, p, decideAccess(outsider, p, ownByPcp)]).toEqual([outsider.role, p, 'forbidden']);
      }
    });
  });
});
