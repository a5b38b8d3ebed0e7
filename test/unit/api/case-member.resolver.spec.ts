import type { MemberInput, MemberView } from '@careloop/contracts';
import { ApiError } from '../../../apps/api/src/common/api-error';
import { resolveCaseMember } from '../../../apps/api/src/cases/case-member.resolver';
import type { MemberRegistry } from '../../../apps/api/src/members/member-registry.service';
import { syntheticMember } from '../../support/member-fixtures';

const ID = 'mbr_0123456789abcdefghjkmnpqrs';

/** A registry holding one member (plan id M-1) at `version`; `conflicts` replaces answer a version mismatch first. */
function registry(enrollments: MemberInput['enrollments'] = [], conflicts = 0) {
  let member: MemberView = {
    ...syntheticMember('M-1', { enrollments }),
    representatives: [],
    id: ID,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    openDuplicateFlags: [],
  };
  const replaced: { version: number; input: MemberInput; actor: string }[] = [];
  const fake = {
    findById: async (id: string) => (id === ID ? member : null),
    findByPlanId: async (planId: string) => (planId === 'M-1' ? member : null),
    replace: async (_id: string, version: number, input: MemberInput, actor: string) => {
      if (conflicts-- > 0) {
        member = { ...member, version: member.version + 1 };
        throw new ApiError('member_version_mismatch', 'changed');
      }
      replaced.push({ version, input, actor });
      member = { ...member, ...input, representatives: [], version: member.version + 1 };
      return member;
    },
  } as unknown as MemberRegistry;
  return { fake, replaced };
}

const req = { programCode: 'CCM', enrollmentDate: '2026-11-01' };

describe('resolveCaseMember', () => {
  it('resolves memberId or memberRef to the registry id and the plan id', async () => {
    const { fake } = registry([{ programCode: 'CCM', start: '2026-01-01', end: null }]);
    await expect(resolveCaseMember(fake, { ...req, memberId: ID }, 'cm-1')).resolves.toEqual({ memberId: ID, memberRef: 'M-1', contact: { method: 'phone', points: ['phone:home'] } });
    await expect(resolveCaseMember(fake, { ...req, memberRef: 'M-1' }, 'cm-1')).resolves.toEqual({ memberId: ID, memberRef: 'M-1', contact: { method: 'phone', points: ['phone:home'] } });
    await expect(resolveCaseMember(fake, { ...req, memberId: ID, memberRef: 'M-1' }, 'cm-1')).resolves.toEqual({ memberId: ID, memberRef: 'M-1', contact: { method: 'phone', points: ['phone:home'] } });
  });

  it('refuses an unknown member with 422 naming the field (never the value), and a disagreeing pair with 400', async () => {
    const { fake } = registry();
    await expect(resolveCaseMember(fake, { ...req, memberId: 'mbr_00000000000000000000000000' }, 'cm-1')).rejects.toMatchObject({
      code: 'member_not_registered',
      status: 422,
      errors: [{ field: 'memberId', reason: 'names no registered member' }],
    });
    const byRef = await resolveCaseMember(fake, { ...req, memberRef: 'M-SECRET-9' }, 'cm-1').catch((e: ApiError) => e);
    expect(byRef).toMatchObject({ code: 'member_not_registered', errors: [{ field: 'memberRef' }] });
    expect(JSON.stringify(byRef) + (byRef as ApiError).detail).not.toContain('M-SECRET-9');
    await expect(resolveCaseMember(fake, { ...req, memberId: ID, memberRef: 'M-2' }, 'cm-1')).rejects.toMatchObject({ code: 'validation_failed', errors: [{ field: 'memberRef' }] });
    await expect(resolveCaseMember(fake, req, 'cm-1')).rejects.toMatchObject({ code: 'validation_failed', errors: [{ field: 'memberId' }] });
  });

  it("adds the program's enrollment span when the member has none (once, as the actor), and leaves an existing span alone", async () => {
    const none = registry();
    await resolveCaseMember(none.fake, { ...req, memberId: ID }, 'cm-7');
    expect(none.replaced).toEqual([{ version: 1, actor: 'cm-7', input: expect.objectContaining({ enrollments: [{ programCode: 'CCM', start: '2026-11-01', end: null }] }) }]);
    await resolveCaseMember(none.fake, { ...req, memberId: ID }, 'cm-7');
    expect(none.replaced).toHaveLength(1);

    const other = registry([{ programCode: 'CCM', start: '2020-01-01', end: '2020-12-31' }]);
    await resolveCaseMember(other.fake, { ...req, memberId: ID }, 'cm-7');
    expect(other.replaced).toEqual([]);
  });

  it('reads the member again after a concurrent change and adds the span at the new version', async () => {
    const racing = registry([], 1);
    await resolveCaseMember(racing.fake, { ...req, memberId: ID }, 'cm-7');
    expect(racing.replaced.map((r) => r.version)).toEqual([2]);
  });
});
