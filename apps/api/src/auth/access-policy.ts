import type { Role } from '@careloop/contracts';
import type { Principal } from './principal';

/**
 * Endpoint families. Every route names exactly one (the @Access decorator);
 * a route without one is refused, so a new endpoint cannot ship unguarded.
 * `scope: 'case'` families act on the case in the `:id` route parameter and
 * are further limited by the caller's relationship to that case; `scope:
 * 'review'` likewise on the utilization review in `:id`.
 */
export const PERMISSIONS = {
  'case.start': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  'case.list': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  'case.read': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'case' },
  'case.act': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'case' },
  /** The provider-facing views of one case (who manages it, plan summary, requests). */
  'case.provider': { roles: ['provider', 'care_manager', 'supervisor', 'admin'], scope: 'case' },
  'supervisor.read': { roles: ['supervisor', 'admin'], scope: 'none' },
  'supervisor.case': { roles: ['supervisor', 'admin'], scope: 'case' },
  /** De-identified summaries only: no member reference, notes or answers. */
  'committee.read': { roles: ['committee', 'supervisor', 'admin'], scope: 'none' },
  'integration.intake': { roles: ['integration'], scope: 'none' },
  /** Program information (seed 000): PHI-free, for everyone on the care side. */
  'program.read': { roles: ['provider', 'care_manager', 'supervisor', 'committee', 'admin'], scope: 'none' },
  /** Transition-of-care tasks after a discharge: the care team works them as a queue. */
  'discharge.work': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  /** Utilization review (seed 004): providers submit and follow their own requests; clinical reviewers (supervisor role) decide. */
  'review.submit': { roles: ['provider', 'care_manager', 'supervisor', 'admin'], scope: 'none' },
  'review.read': { roles: ['provider', 'care_manager', 'supervisor', 'admin'], scope: 'review' },
  /** The review queue (GET /utilization-reviews): staff see every review, a provider only the ones they submitted (filtered by the route). */
  'review.list': { roles: ['provider', 'care_manager', 'supervisor', 'admin'], scope: 'none' },
  'review.act': { roles: ['provider', 'care_manager', 'supervisor', 'admin'], scope: 'review' },
  'review.decide': { roles: ['supervisor', 'admin'], scope: 'review' },
  /** Complaints: anyone on the care side may record one (verbal or written); staff handle them. */
  'complaint.lodge': { roles: ['provider', 'care_manager', 'supervisor', 'admin'], scope: 'none' },
  'complaint.handle': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  /** The provider directory: admins keep it; the care side reads and searches it; a provider reads their own entry (checked by the route). */
  'provider.manage': { roles: ['admin'], scope: 'none' },
  'provider.search': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  'provider.read': { roles: ['provider', 'care_manager', 'supervisor', 'admin'], scope: 'none' },
  /**
   * FHIR reads of member PHI (GET /fhir/Patient/:id, GET /fhir/CarePlan): staff read any member; a
   * provider only members they relate to (mayReadMember, checked by the FHIR service: 404 otherwise).
   */
  'fhir.read': { roles: ['provider', 'care_manager', 'supervisor', 'admin'], scope: 'none' },
  /**
   * FHIR writes (POST/PUT /fhir/Patient): staff, and integration clients — enrollment feeds own the
   * registry's demographics; they write but never read (no fhir.read), getting back only what they sent.
   */
  'fhir.write': { roles: ['care_manager', 'supervisor', 'admin', 'integration'], scope: 'none' },
  /** The member registry (issue 16): one member's record; providers only their own patients' (scope 'member'). */
  'member.read': { roles: ['provider', 'care_manager', 'supervisor', 'admin'], scope: 'member' },
  /** A member's history and cases (GET /members/:id/versions, /cases): staff only. */
  'member.record': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'member' },
  'member.search': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  /** POST /members, PUT /members/:id. */
  'member.write': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  /** GET /member-duplicates, POST /member-duplicates/:id/resolve. */
  'member.duplicates': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  'audit.read': { roles: ['admin'], scope: 'none' },
  /** Care teams and staff (apps/api/src/teams): admins create and change them. */
  'team.manage': { roles: ['admin'], scope: 'none' },
  /**
   * Reading a team and its people: admins every team; supervisors and care managers only their own
   * (the roster's team; another team answers 404 as if it did not exist: teamReadable below).
   */
  'team.read': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  /** Worklists (issue 17): the caller's own list and their team's queue (GET /worklist); claim and release. */
  'worklist.read': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  'worklist.work': { roles: ['care_manager', 'supervisor', 'admin'], scope: 'none' },
  /**
   * Another person's or a team's list, and reassignment with a reason: supervisors for their own team
   * (another team answers 404, teamReadable), admins for every team.
   */
  'worklist.supervise': { roles: ['supervisor', 'admin'], scope: 'none' },
  /**
   * Compliance reports (issue 18, docs/reporting.md): the measures, their FHIR MeasureReports and trends. A
   * supervisor reports on their own team only (another teamId: 403); the committee sees aggregates with
   * small cells withheld (apps/api/src/reports).
   */
  'report.read': { roles: ['supervisor', 'committee', 'admin'], scope: 'none' },
  /** A measure's care-gap list (member and case ids): supervisors for their own team, admins; never the committee. */
  'report.members': { roles: ['supervisor', 'admin'], scope: 'none' },
  /** Temporal payload codec for the Web UI: decrypts any workflow payload, so operators only. */
  'codec.use': { roles: ['admin'], scope: 'none' },
  /** A person's own inbox and notification preferences (GET /inbox…, /me/notification-preferences): only their own rows, ever. */
  'inbox': { roles: ['care_manager', 'supervisor', 'provider', 'committee', 'admin'], scope: 'none' },
  /** Anything any signed-in person may do about their own session. */
  'session': { roles: ['care_manager', 'supervisor', 'provider', 'committee', 'admin'], scope: 'none' },
} as const satisfies Record<string, { roles: readonly Role[]; scope: 'none' | 'case' | 'review' | 'member' }>;

export type Permission = keyof typeof PERMISSIONS;

/** Who stands in what relation to a case, from the read model (null fields: not known yet). */
export interface CaseRelation {
  readonly careManagerId: string | null;
  /** The named care manager's team. */
  readonly careManagerTeam: string | null;
  /** The team the case belongs to; null for legacy cases started before teams (and cases no team serves). */
  readonly caseTeam: string | null;
  /** The member's PCP and the providers who reported on the case (treating providers). */
  readonly providerIds: readonly string[];
}

/**
 * allow: go ahead. forbidden (403): the role never may. hidden (404): the role
 * may, but not on this case; answering 404 keeps a case's existence (which
 * reveals that a member is in a program) from anyone unrelated to it.
 */
export type AccessDecision = 'allow' | 'forbidden' | 'hidden';

/** Who submitted a utilization review (null: not in the read model yet). */
export interface ReviewRelation {
  readonly providerId: string | null;
}

/** Who a registry member relates to: their PCP, and the providers related to any of their cases (null: unknown member). */
export interface MemberRelation {
  readonly pcpProviderId: string | null;
  readonly caseProviderIds: readonly string[];
}

export function decideAccess(principal: Principal, permission: Permission, relation?: CaseRelation | ReviewRelation | MemberRelation | null): AccessDecision {
  const rule: { roles: readonly Role[]; scope: 'none' | 'case' | 'review' | 'member' } = PERMISSIONS[permission];
  if (!rule.roles.includes(principal.role)) {
    return 'forbidden';
  }
  if (rule.scope === 'none') {
    return 'allow';
  }
  if (rule.scope === 'member') {
    return isMemberRelated(principal, relation && 'caseProviderIds' in relation ? relation : null) ? 'allow' : 'hidden';
  }
  if (rule.scope === 'review') {
    return isReviewRelated(principal, relation && 'providerId' in relation ? relation : null) ? 'allow' : 'hidden';
  }
  return isRelated(principal, relation && 'careManagerId' in relation ? relation : null) ? 'allow' : 'hidden';
}

/** Staff work utilization reviews as one queue; a provider sees only the requests they submitted. */
export function isReviewRelated(p: Principal, relation: ReviewRelation | null): boolean {
  return p.role === 'provider' ? relation?.providerId === p.sub : true;
}

/**
 * Staff (care managers, supervisors, admins) work the whole registry; a
 * provider reads only their own patients: members whose PCP they are, or who
 * have a case the provider is related to (isRelated: PCP or treating provider).
 */
export function isMemberRelated(p: Principal, relation: MemberRelation | null): boolean {
  if (p.role !== 'provider') return true;
  return relation !== null && (relation.pcpProviderId === p.sub || relation.caseProviderIds.includes(p.sub));
}

/**
 * The relationship rule (docs/security.md):
 * - admin: every case (break-glass; every read is audited);
 * - care manager: cases assigned to them, to someone on their team, or not
 *   yet assigned and belonging to their team (the team's pool);
 * - supervisor: their team's cases and their team's unassigned pool;
 * - an unassigned case with no team (legacy cases, started before teams, or
 *   a program no team serves) stays in the pool every care manager and
 *   supervisor sees, as before teams: hiding it would orphan it.
 * The principal's team is the token claim checked against the staff table (staff-team.cache.ts).
 * - provider: cases where they are the member's PCP or a treating provider.
 * A case not yet in the read model (just started) counts as unassigned.
 */
export function isRelated(p: Principal, relation: CaseRelation | null): boolean {
  const r = relation ?? { careManagerId: null, careManagerTeam: null, caseTeam: null, providerIds: [] };
  const sameTeam = p.team !== null && r.careManagerTeam === p.team;
  const inPool = r.careManagerId === null && (r.caseTeam === null || r.caseTeam === p.team);
  switch (p.role) {
    case 'admin':
      return true;
    case 'care_manager':
      return inPool || r.careManagerId === p.sub || sameTeam;
    case 'supervisor':
      return inPool || sameTeam;
    case 'provider':
      return r.providerIds.includes(p.sub);
    default:
      return false;
  }
}

/**
 * Whether the caller may read a registry member outside the member routes' guard (the FHIR Patient and
 * CarePlan routes): the same rule as `member.read` (isMemberRelated), from the member's PCP and the
 * relations of their cases; roles without member access never. Callers answer 404 on false.
 */
export function mayReadMember(p: Principal, member: { readonly pcpProviderId?: string | null }, caseRelations: readonly CaseRelation[]): boolean {
  if (!(PERMISSIONS['member.read'].roles as readonly Role[]).includes(p.role)) {
    return false;
  }
  return isMemberRelated(p, { pcpProviderId: member.pcpProviderId ?? null, caseProviderIds: caseRelations.flatMap((r) => r.providerIds) });
}

/**
 * Which care managers' cases a list may show to this caller: `all`, or the
 * named care managers plus the unassigned pool (`teamMembers` includes the
 * caller). Providers, the committee and integrations never list cases.
 */
export function listScope(p: Principal, teamMembers: readonly string[]): { readonly all: true } | { readonly all: false; readonly careManagerIds: readonly string[] } {
  if (p.role === 'admin') {
    return { all: true };
  }
  const ids = new Set(p.role === 'care_manager' ? [p.sub, ...teamMembers] : teamMembers);
  return { all: false, careManagerIds: [...ids] };
}

/** Whether the caller may read team `teamId` (or a staff member on it) under `team.read`. */
export function teamReadable(p: Principal, teamId: string | null): boolean {
  return p.role === 'admin' || (teamId !== null && p.team === teamId && (p.role === 'supervisor' || p.role === 'care_manager'));
}

/**
 * Policy overrides at case start (`POST /cases` `policyOverrides`) change a case's clocks. They are for
 * local demos and tests: on the development signing secret anyone can mint any role's token with
 * `npm run token`, so there every role may send them; on a real deployment only an admin may. No one
 * may lengthen a regulatory clock either way (libs/domain regulatory-limits.ts).
 */
export function mayOverridePolicy(principal: Principal, auth: { readonly developmentSecret: boolean }): boolean {
  return auth.developmentSecret || principal.role === 'admin';
}
