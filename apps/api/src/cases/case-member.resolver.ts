import type { MemberInput, MemberView } from '@careloop/contracts';
import { ApiError, fieldError } from '../common/api-error';
import type { CaseContactPreference } from '@careloop/domain';
import { caseContactOf } from '../members/member-contact';
import type { MemberRegistry } from '../members/member-registry.service';

/** Who a case start is for: what the request named, resolved against the member registry (issue 16). */
export interface CaseMemberRequest {
  readonly memberId?: string;
  readonly memberRef?: string;
  readonly programCode: string;
  readonly enrollmentDate: string;
}

export interface CaseMember {
  readonly memberId: string;
  /** The member's plan identifier: the case's memberRef, from which the case id is derived. */
  readonly memberRef: string;
  /** The member's contact preference (PHI-free: method and which contact points exist): outreach follows it. */
  readonly contact: CaseContactPreference;
}

/** `422 member_not_registered` naming the field; the detail never repeats the value (a memberRef is PHI). */
export function memberNotRegistered(field: string): ApiError {
  return new ApiError('member_not_registered', `The ${field} names no registered member; register the member first (or send their demographics with an intake).`, [
    { field, reason: 'names no registered member' },
  ]);
}

/**
 * A case stands on a registry member: `memberId` (the registry id) or a
 * `memberRef` the registry knows as a plan id; both given must name the same
 * member (else 400). The member's plan identifier becomes the case's memberRef,
 * so the case id (a keyed hash of memberRef + program) is unchanged for
 * members whose cases were started by memberRef before the registry.
 *
 * Enrollment: a member record without any span for the program gets one
 * (program, enrollmentDate, open-ended) as a new member version, so the
 * registry says what the case says. A record that already has a span for the
 * program is left alone, even if it does not cover the date: the plan's
 * enrollment file is the authority on spans, and a case start does not
 * rewrite them.
 */
export async function resolveCaseMember(registry: MemberRegistry, req: CaseMemberRequest, actor: string): Promise<CaseMember> {
  const member = await find(registry, req);
  const planId = member.identifiers.find((i) => i.kind === 'plan')?.value;
  if (planId === undefined) {
    throw new ApiError('member_not_registered', 'The member has no plan identifier; a case needs one (add it to the member record).', [
      { field: req.memberId !== undefined ? 'memberId' : 'memberRef', reason: 'the member has no plan identifier' },
    ]);
  }
  if (req.memberId !== undefined && req.memberRef !== undefined && req.memberRef !== planId) {
    throw fieldError('memberRef', 'names a different member than memberId; send one of them, or both for the same member');
  }
  await ensureEnrolled(registry, member, req, actor);
  return { memberId: member.id, memberRef: planId, contact: caseContactOf(member) };
}

async function find(registry: MemberRegistry, req: CaseMemberRequest): Promise<MemberView> {
  if (req.memberId !== undefined) {
    const byId = await registry.findById(req.memberId);
    if (!byId) throw memberNotRegistered('memberId');
    return byId;
  }
  if (req.memberRef === undefined) throw fieldError('memberId', 'is required (or memberRef, the plan member id of a registered member)');
  const byPlanId = await registry.findByPlanId(req.memberRef);
  if (!byPlanId) throw memberNotRegistered('memberRef');
  return byPlanId;
}

/** Adds the program's enrollment span when the record has none; a concurrent change is read again once (then the span is there, or added). */
async function ensureEnrolled(registry: MemberRegistry, member: MemberView, req: CaseMemberRequest, actor: string): Promise<void> {
  let current: MemberView | null = member;
  for (let attempt = 0; current && attempt < 2; attempt++) {
    if (current.enrollments.some((e) => e.programCode === req.programCode)) return;
    try {
      await registry.replace(current.id, current.version, withEnrollment(current, req), actor);
      return;
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'member_version_mismatch')) throw error;
      current = await registry.findById(member.id);
    }
  }
}

function withEnrollment(m: MemberView, req: CaseMemberRequest): MemberInput {
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, openDuplicateFlags: _f, ...record } = m;
  return { ...record, enrollments: [...record.enrollments, { programCode: req.programCode, start: req.enrollmentDate, end: null }] };
}
