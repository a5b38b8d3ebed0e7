import type { DataSource } from 'typeorm';
import { MeasureSnapshotRepository, runMigrations } from '@careloop/persistence';
import { ALL_SCOPE, type MeasureSnapshotRow } from '@careloop/contracts';
import type { MeasureId } from '@careloop/domain';
import { freshDatabase } from '../support/integration-database';
import { addCalendarDays, dateFromToday } from '../support/fixture-dates';

/** The nightly snapshots' table (issue 18): idempotent upserts by day and scope, day and month trends. */
describe('MeasureSnapshotRepository (real Postgres)', () => {
  let ds: DataSource;
  let snapshots: MeasureSnapshotRepository;

  // Two days at the end of one month and two at the start of the next, relative to today.
  const monthStart = `${dateFromToday(-70).slice(0, 7)}-01`;
  const nextMonthStart = `${addCalendarDays(monthStart, 40).slice(0, 7)}-01`;
  const d1 = addCalendarDays(nextMonthStart, -2);
  const d2 = addCalendarDays(nextMonthStart, -1);
  const d3 = nextMonthStart;
  const d4 = addCalendarDays(nextMonthStart, 1);

  const row = (day: string, measureId: MeasureId, numerator: number, denominator: number, scope: Partial<Pick<MeasureSnapshotRow, 'programCode' | 'teamId'>> = {}): MeasureSnapshotRow => ({
    day,
    programCode: scope.programCode ?? ALL_SCOPE,
    teamId: scope.teamId ?? ALL_SCOPE,
    measureId,
    numerator,
    denominator,
    value: denominator === 0 ? null : numerator / denominator,
    median: null,
    strata: [{ code: 'standard', numerator, denominator, value: denominator === 0 ? null : numerator / denominator, median: null }],
  });

  beforeAll(async () => {
    ds = await freshDatabase('snapshots');
    await runMigrations(ds);
    snapshots = new MeasureSnapshotRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('stores a day idempotently: a rerun replaces its rows', async () => {
    await snapshots.store([row(d1, 'screening_within_90_days', 1, 4), row(d1, 'screening_within_90_days', 1, 1, { programCode: 'CCM' })]);
    await snapshots.store([row(d1, 'screening_within_90_days', 3, 4), row(d1, 'screening_within_90_days', 1, 1, { programCode: 'CCM' })]);
    const stored = await ds.query(`SELECT day::text AS day, program_code, team_id, numerator, denominator, value, strata FROM measure_snapshots ORDER BY program_code`);
    expect(stored).toEqual([
      { day: d1, program_code: ALL_SCOPE, team_id: ALL_SCOPE, numerator: 3, denominator: 4, value: 0.75, strata: [{ code: 'standard', numerator: 3, denominator: 4, value: 0.75, median: null }] },
      { day: d1, program_code: 'CCM', team_id: ALL_SCOPE, numerator: 1, denominator: 1, value: 1, strata: [{ code: 'standard', numerator: 1, denominator: 1, value: 1, median: null }] },
    ]);
  });

  it('answers day points, and month points that sum their days (a ratio takes its last day)', async () => {
    await snapshots.store([
      row(d2, 'screening_within_90_days', 1, 2),
      row(d3, 'screening_within_90_days', 0, 0),
      row(d4, 'screening_within_90_days', 2, 2),
      row(d2, 'screening_within_90_days', 5, 5, { teamId: 'team-1' }),
      row(d1, 'caseload_ratio', 120, 2),
      row(d2, 'caseload_ratio', 150, 2),
      row(d3, 'caseload_ratio', 90, 3),
    ]);
    expect(await snapshots.trend('screening_within_90_days', {}, d1, d4, 'day')).toEqual([
      { period: d1, numerator: 3, denominator: 4, value: 0.75, suppressed: false },
      { period: d2, numerator: 1, denominator: 2, value: 0.5, suppressed: false },
      { period: d3, numerator: 0, denominator: 0, value: null, suppressed: false },
      { period: d4, numerator: 2, denominator: 2, value: 1, suppressed: false },
    ]);
    expect(await snapshots.trend('screening_within_90_days', {}, d2, d3, 'day')).toHaveLength(2);
    expect(await snapshots.trend('screening_within_90_days', {}, d1, d4, 'month')).toEqual([
      { period: d1.slice(0, 7), numerator: 4, denominator: 6, value: 4 / 6, suppressed: false },
      { period: d3.slice(0, 7), numerator: 2, denominator: 2, value: 1, suppressed: false },
    ]);
    expect(await snapshots.trend('caseload_ratio', {}, d1, d4, 'month')).toEqual([
      { period: d1.slice(0, 7), numerator: 150, denominator: 2, value: 75, suppressed: false },
      { period: d3.slice(0, 7), numerator: 90, denominator: 3, value: 30, suppressed: false },
    ]);
    // One scope at a time: a team's points, a program's points.
    expect(await snapshots.trend('screening_within_90_days', { teamId: 'team-1' }, d1, d4, 'day')).toEqual([{ period: d2, numerator: 5, denominator: 5, value: 1, suppressed: false }]);
    expect(await snapshots.trend('screening_within_90_days', { programCode: 'CCM' }, d1, d4, 'month')).toEqual([
      { period: d1.slice(0, 7), numerator: 1, denominator: 1, value: 1, suppressed: false },
    ]);
    expect(await snapshots.trend('screening_within_90_days', { programCode: 'HF' }, d1, d4, 'day')).toEqual([]);
  });

  it('lists the scopes a snapshot stores: programs of cases or teams, and teams', async () => {
    await ds.query(`INSERT INTO teams (id, name, programs) VALUES ('team-1', 'North', '{CCM,HF}'), ('team-2', 'South', '{}')`);
    await ds.query(
      `INSERT INTO cases (id, run_id, member_ref, program_code, enrollment_date, policy_version, phase, opened_at, phase_changed_at, team_id)
       VALUES ('case-1', 'run-1', 'm', 'BH', now()::date, 'v1', 'outreach', now(), now(), 'team-legacy')`,
    );
    expect(await snapshots.scopes()).toEqual({ programCodes: ['BH', 'CCM', 'HF'], teamIds: ['team-1', 'team-2', 'team-legacy'] });
  });
});
