import type { ApiConfig } from '../../../apps/api/src/api.config';
import type { CasesService } from '../../../apps/api/src/cases/cases.service';
import { ApiError } from '../../../apps/api/src/common/api-error';
import { EnrollmentIntakeService } from '../../../apps/api/src/integrations/enrollment-intake.service';
import { mapWithConcurrency } from '../../../apps/api/src/common/bounded-concurrency';
import { sampleJson } from '../../support/integration-samples';

const config = { caseIdSecret: 'unit-test-secret-0123456789' } as unknown as ApiConfig;

/** CasesService.start over a set of open cases; `unavailable` members fail as if Temporal were down. */
function cases(open: Set<string> = new Set(), unavailable: string[] = []) {
  let inFlight = 0;
  let maxInFlight = 0;
  const service = {
    start: async ({ memberRef, programCode }: { memberRef: string; programCode: string }) => {
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
    const service = new EnrollmentIntakeService(config, cases(open).service);
    const first = await service.receive(sampleJson('enrollment-batch.json'));
    expect(first.summary).toEqual({ received: 5, created: 3, existing: 0, duplicate: 1, invalid: 1, failed: 0 });
    expect(first.results.map((r) => r.status)).toEqual(['created', 'created', 'created', 'duplicate', 'invalid']);
    expect(first.results[3]).toMatchObject({ duplicateOf: 0 });
    expect(first.results[4]!.errors).toEqual([
      { field: 'members[4].memberRef', reason: 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit' },
      { field: 'members[4].enrollmentDate', reason: 'must be a real calendar date written YYYY-MM-DD' },
    ]);
    const second = await service.receive(sampleJson('enrollment-batch.json'));
    expect(second.summary).toMatchObject({ created: 0, existing: 3 });
  });

  it('marks rows that could not start as failed and retryable, without failing the others', async () => {
    const service = new EnrollmentIntakeService(config, cases(new Set(), ['M-100002']).service);
    const result = await service.receive(sampleJson('enrollment-batch.json'));
    expect(result.results[1]).toMatchObject({ status: 'failed', retryable: true });
    expect(result.summary).toMatchObject({ created: 2, failed: 1 });
  });

  it('starts at most 8 cases at once', async () => {
    const fake = cases();
    const members = Array.from({ length: 50 }, (_, i) => ({ memberRef: `M-${i}`, programCode: 'CCM', enrollmentDate: '2026-11-01' }));
    const result = await new EnrollmentIntakeService(config, fake.service).receive({ members });
    expect(result.summary.created).toBe(50);
    expect(fake.maxInFlight()).toBe(8);
  });

  it.each([
    ['no members', {}, 'validation_failed', 'members'],
    ['an empty list', { members: [] }, 'validation_failed', 'members'],
    ['an unknown envelope field', { members: [{}], source: 'x' }, 'validation_failed', 'source'],
    ['1,001 members', { members: new Array(1001).fill({}) }, 'payload_too_large', 'members'],
  ])('refuses %s as a whole', async (_what, body, code, field) => {
    const err = await new EnrollmentIntakeService(config, cases().service).receive(body).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe(code);
    expect((err as ApiError).errors?.[0]?.field).toBe(field);
  });
});

describe('mapWithConcurrency', () => {
  it('keeps the order of results', async () => {
    expect(await mapWithConcurrency([30, 10, 20], 2, async (ms, i) => new Promise((r) => setTimeout(() => r(`${i}:${ms}`), ms)))).toEqual(['0:30', '1:10', '2:20']);
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});
