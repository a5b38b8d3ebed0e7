import type { MeasureInput, MeasureFilter, ReportPeriod } from '@careloop/domain';
import type { MeasureFactsRepository, MeasureSnapshotRepository } from '@careloop/persistence';
import type { Principal } from '../../../apps/api/src/auth/principal';
import { ApiError } from '../../../apps/api/src/common/api-error';
import { PolicyRegistry } from '../../../apps/api/src/policies/policy-registry';
import type { ApiConfig } from '../../../apps/api/src/api.config';
import { MeasureReportsService } from '../../../apps/api/src/reports/measure-reports.service';

const user = (role: Principal['role'], team: string | null = null): Principal => ({ kind: 'user', sub: `${role}-1`, role, team });

/** Complaints of team north: `n` acknowledged in time, one late (the engine counts them by their due instants). */
function facts(period: ReportPeriod, onTime: number): MeasureInput {
  const at = (h: number) => new Date(Date.parse(period.start) + h * 3_600_000).toISOString();
  const complaint = (i: number, late: boolean) => ({
    complaintId: `cmp-${i}`, caseId: `case-${i}`, memberId: null, programCode: 'CCM', teamId: 'north',
    receivedAt: at(1), acknowledgeBy: at(2), acknowledgedAt: late ? at(3) : at(1.5), resolveBy: at(10), resolvedAt: at(4),
  });
  return { period, cases: [], discharges: [], reviews: [], complaints: [...Array.from({ length: onTime }, (_, i) => complaint(i, false)), complaint(99, true)] };
}

describe('MeasureReportsService', () => {
  const reads: MeasureFilter[] = [];
  const trends: unknown[][] = [];
  let onTime = 2;
  const service = new MeasureReportsService(
    { read: async (period: ReportPeriod, filter: MeasureFilter) => (reads.push(filter), facts(period, onTime)) } as unknown as MeasureFactsRepository,
    { trend: async (...args: unknown[]) => (trends.push(args), [{ period: '2026-11-02', numerator: 3, denominator: 4, value: 0.75, suppressed: false }]) } as unknown as MeasureSnapshotRepository,
    new PolicyRegistry({ policyFile: undefined } as unknown as ApiConfig),
  );
  const refusal = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof ApiError ? { code: e.code, errors: e.errors } : e));

  beforeEach(() => {
    reads.length = 0;
    trends.length = 0;
    onTime = 2;
  });

  it('computes every measure for the period, reading facts with the filter asked for (admin)', async () => {
    const { view, label, excluded } = await service.report(user('admin'), { period: '2026-11', programCode: 'CCM' }, true);
    expect(label).toBe('2026-11');
    expect(reads).toEqual([{ programCode: 'CCM' }]);
    expect(view.filter).toEqual({ programCode: 'CCM', teamId: null });
    expect(view.measures.find((m) => m.measureId === 'complaint_acknowledged_on_time')).toMatchObject({ numerator: 2, denominator: 3, suppressed: false });
    expect(excluded.complaint_acknowledged_on_time).toBe(0);
  });

  it("keeps a supervisor to their own team: without teamId it is theirs; another is 403; none is 403", async () => {
    const own = await service.report(user('supervisor', 'north'), { period: '2026-11' });
    expect(reads).toEqual([{ teamId: 'north' }]);
    expect(own.view.filter).toEqual({ programCode: null, teamId: 'north' });
    expect(await refusal(service.report(user('supervisor', 'north'), { period: '2026-11', teamId: 'south' }))).toEqual({ code: 'forbidden', errors: undefined });
    expect(await refusal(service.members(user('supervisor', null), 'complaint_acknowledged_on_time', { period: '2026-11' }))).toEqual({ code: 'forbidden', errors: undefined });
    expect(reads).toHaveLength(1);
  });

  it("withholds the committee's small cells and shows large ones", async () => {
    const small = await service.report(user('committee'), { period: '2026-11' }, true);
    expect(small.view.measures.find((m) => m.measureId === 'complaint_acknowledged_on_time')).toMatchObject({ numerator: null, denominator: null, suppressed: true });
    expect(small.excluded.complaint_acknowledged_on_time).toBeNull();
    onTime = 20;
    const large = await service.report(user('committee'), { period: '2026-11' });
    expect(large.view.measures.find((m) => m.measureId === 'complaint_acknowledged_on_time')).toMatchObject({ numerator: 20, denominator: 21, suppressed: false });
  });

  it("lists one measure's rows, by outcome", async () => {
    const { view } = await service.members(user('admin'), 'complaint_acknowledged_on_time', { from: '2026-11-01', to: '2026-11-30', outcome: 'not_met' });
    expect(view.rows.map((r) => [r.subjectId, r.outcome])).toEqual([['cmp-99', 'not_met']]);
  });

  it('reads a trend of one scope and withholds its small points for the committee; both program and team is 400', async () => {
    const q = { measureId: 'complaint_acknowledged_on_time' as const, from: '2026-11-01', to: '2026-11-30', granularity: 'day' as const };
    expect((await service.trend(user('admin'), q)).points).toEqual([{ period: '2026-11-02', numerator: 3, denominator: 4, value: 0.75, suppressed: false }]);
    expect(trends[0]).toEqual(['complaint_acknowledged_on_time', {}, '2026-11-01', '2026-11-30', 'day']);
    expect((await service.trend(user('committee'), q)).points).toEqual([{ period: '2026-11-02', numerator: null, denominator: null, value: null, suppressed: true }]);
    expect(await refusal(service.trend(user('supervisor', 'north'), { ...q, programCode: 'CCM' }))).toEqual({ code: 'validation_failed', errors: [{ field: 'programCode', reason: 'a trend is of one program or one team, not both' }] });
    expect(await refusal(service.trend(user('admin'), { ...q, to: '2026-10-01' }))).toMatchObject({ code: 'validation_failed', errors: [{ field: 'to' }] });
  });

  it("holds reports to the plan's policy (defaults without a policy file)", () => {
    expect(service.policy(undefined)).toMatchObject({ screeningDeadlineMs: 90 * 86_400_000, committeeUpdateMaxIntervalMs: 28 * 86_400_000 });
    expect(service.policy('CCM').transitionOfCare.calendar.timeZone).toBe('America/New_York');
  });
});
