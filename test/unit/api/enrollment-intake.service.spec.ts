import type { ApiConfig } from '../../../apps/api/src/api.config';
import type { CasesService } from '../../../apps/api/src/cases/cases.service';
import { ApiError } from '../../../apps/api/src/common/api-error';
import { EnrollmentIntakeService } from '../../../apps/api/src/integrations/enrollment-intake.service';
import { mapWithConcurrency } from '../../../apps/api/src/common/bounded-concurrency';
import { sampleJson } from '../../support/integration-samples';
import { IntakeMemberInvalid, type IntakeMemberService } from '../../../apps/api/src/integrations/intake-member.service';

const sender = { clientId: 'integration:feed-1' };

/** IntakeMemberService over plan ids: `known` are matched, others created; `M-DUP…` raise a flag; a member without a family name is invalid. */
function intakeMembers(known: Set<string> = new Set()) {
  const calls: { field: string; actor: string }[] = [];
  const outcome = (planId: string, field: string, actor: string, family: unknown) => {
    calls.push({ field, actor });
    if (typeof family !== 'string') throw new IntakeMemberInvalid([{ field: `${field}.name.family`, reason: 'Must be 1–100 characters, not only spaces.' }]);
    if (known.has(planId)) return { memberId: `mbr_${planId}`, planId, member: 'matched' as const };
    known.add(planId);
    return { memberId: `mbr_${planId}`, planId, member: 'created' as const, ...(planId.startsWith('M-DUP') ? { duplicateFlagId: 'dup_1' } : {}) };
  };
  const service = {
    fromMemberInput: async (raw: { identifiers: { value: string }[]; name: { family?: unknown } }, field: string, actor: string) => outcome(raw.identifiers[0]!.value, field, actor, raw.name.family),
    fromPatient: async (raw: { identifier: { value: string }[]; name: { family?: unknown }[] }, field: string, actor: string) => outcome(raw.identifier[0]!.value, field, actor, raw.name[0]!.family),
  } as unknown as IntakeMemberService;
  return { service, calls };
}

const config = { caseIdSecret: 'unit-test-secret-0123456789' } as unknown as ApiConfig;

/** CasesService.start over a set of open cases; `unavailable` members fail as if Temporal were down. */
function cases(open: Set<string> = new Set(), unavailable: string[] = []) {
  let inFlight = 0;
  let maxInFlight = 0;
  const service = {
    start: async ({ memberRef, programCode }: { memberRef: string; programCode: string }) => {
      if (memberRef.startsWith('M-UNREG')) throw new ApiError('member_not_registered', 'unknown', [{ field: 'memberRef', reason: 'names no registered member' }]);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight--;
      if (unavailable.includes(memberRef)) throw new ApiError('temporal_unavailable', 'down');
      const key = `${programCode}/${memberRef}`;
      const created = !open.has(key);
      open.add(key);
      return { created, caseId: `case-${programCode.toLowerCase()}-${key.length}` };
    },
  } as unknown as CasesService;
  return { service, maxInFlight: () => maxInFlight };
}

describe('EnrollmentIntakeService', () => {
  it('reports every row: created, duplicate of an earlier row, invalid with its fields; a second delivery creates nothing', async () => {
    const open = new Set<string>();
    const service = new EnrollmentIntakeService(config, cases(open).service, intakeMembers().service);
    const first = await service.receive(sampleJson('enrollment-batch.json'), sender);
    expect(first.summary).toEqual({ received: 5, created: 3, existing: 0, duplicate: 1, invalid: 1, failed: 0 });
    expect(first.results.map((r) => r.status)).toEqual(['created', 'created', 'created', 'duplicate', 'invalid']);
    expect(first.results[3]).toMatchObject({ duplicateOf: 0 });
    expect(first.results[4]!.errors).toEqual([
      { field: 'members[4].memberRef', reason: 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit' },
      { field: 'members[4].enrollmentDate', reason: 'must be a real calendar date written YYYY-MM-DD' },
    ]);
    const second = await service.receive(sampleJson('enrollment-batch.json'), sender);
    expect(second.summary).toMatchObject({ created: 0, existing: 3 });
  });

  it('marks rows that could not start as failed and retryable, without failing the others', async () => {
    const service = new EnrollmentIntakeService(config, cases(new Set(), ['M-100002']).service, intakeMembers().service);
    const result = await service.receive(sampleJson('enrollment-batch.json'), sender);
    expect(result.results[1]).toMatchObject({ status: 'failed', retryable: true });
    expect(result.summary).toMatchObject({ created: 2, failed: 1 });
  });

  it('starts at most 8 cases at once', async () => {
    const fake = cases();
    const members = Array.from({ length: 50 }, (_, i) => ({ memberRef: `M-${i}`, programCode: 'CCM', enrollmentDate: '2026-11-01' }));
    const result = await new EnrollmentIntakeService(config, fake.service, intakeMembers().service).receive({ members }, sender);
    expect(result.summary.created).toBe(50);
    expect(fake.maxInFlight()).toBe(8);
  });

  it.each([
    ['no members', {}, 'validation_failed', 'members'],
    ['an empty list', { members: [] }, 'validation_failed', 'members'],
    ['an unknown envelope field', { members: [{}], source: 'x' }, 'validation_failed', 'source'],
    ['1,001 members', { members: new Array(1001).fill({}) }, 'payload_too_large', 'members'],
  ])('refuses %s as a whole', async (_what, body, code, field) => {
    const err = await new EnrollmentIntakeService(config, cases().service, intakeMembers().service).receive(body, sender).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(code);
    expect((err as ApiError).errors?.[0]?.field).toBe(field);
  });
});

describe('EnrollmentIntakeService with member demographics (issue 16)', () => {
  const row = (memberRef: string, extra: Record<string, unknown> = {}) => ({ memberRef, programCode: 'CCM', enrollmentDate: '2026-11-01', ...extra });
  const member = (planId: string, family: unknown = 'Rowmember') => ({ identifiers: [{ kind: 'plan', value: planId }], name: { given: ['Ada'], family } });
  const patient = (planId: string) => ({ resourceType: 'Patient', identifier: [{ value: planId }], name: [{ family: 'Fhirmember' }] });

  it('creates, matches and flags members from the rows, as the integration client, and never echoes PHI', async () => {
    const members = intakeMembers(new Set(['M-KNOWN']));
    const service = new EnrollmentIntakeService(config, cases().service, members.service);
    const result = await service.receive({ members: [row('M-KNOWN', { member: member('M-KNOWN') }), row('M-NEW', { patient: patient('M-NEW') }), row('M-DUP-1', { member: member('M-DUP-1') })] }, sender);
    expect(result.results).toEqual([
      { index: 0, status: 'created', caseId: expect.any(String), memberId: 'mbr_M-KNOWN', member: 'matched' },
      { index: 1, status: 'created', caseId: expect.any(String), memberId: 'mbr_M-NEW', member: 'created' },
      { index: 2, status: 'created', caseId: expect.any(String), memberId: 'mbr_M-DUP-1', member: 'created', duplicateFlagId: 'dup_1' },
    ]);
    expect(members.calls).toEqual([
      { field: 'members[0].member', actor: 'integration:feed-1' },
      { field: 'members[1].patient', actor: 'integration:feed-1' },
      { field: 'members[2].member', actor: 'integration:feed-1' },
    ]);
    expect(JSON.stringify(result)).not.toMatch(/Rowmember|Fhirmember|Ada/);
  });

  it('marks a row invalid, naming the field, when its plan id is unknown without demographics, its demographics are invalid, disagree with memberRef, or come twice; the others still start', async () => {
    const service = new EnrollmentIntakeService(config, cases().service, intakeMembers().service);
    const result = await service.receive(
      {
        members: [
          row('M-UNREG-1'),
          row('M-BAD', { member: member('M-BAD', 7) }),
          row('M-OTHER', { member: member('M-ELSE') }),
          row('M-BOTH', { member: member('M-BOTH'), patient: patient('M-BOTH') }),
          row('M-FINE', { member: member('M-FINE') }),
        ],
      },
      sender,
    );
    expect(result.results.map((r) => r.status)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'created']);
    expect(result.results.map((r) => r.errors?.map((e) => e.field))).toEqual([
      ['members[0].memberRef'],
      ['members[1].member.name.family'],
      ['members[2].memberRef'],
      ['members[3].patient'],
      undefined,
    ]);
    expect(result.results[0]!.errors![0]!.reason).toMatch(/names no registered member/);
  });
});

describe('mapWithConcurrency', () => {
  it('keeps the order of results', async () => {
    expect(await mapWithConcurrency([30, 10, 20], 2, async (ms, i) => new Promise((r) => setTimeout(() => r(`${i}:${ms}`), ms)))).toEqual(['0:30', '1:10', '2:20']);
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});
