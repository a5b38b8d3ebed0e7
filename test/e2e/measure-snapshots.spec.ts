import { MEASURE_SNAPSHOT_SCHEDULE_ID, MEASURE_SNAPSHOT_WORKFLOW, type MeasureSnapshotResult } from '@careloop/contracts';
import { MEASURE_IDS } from '@careloop/domain';
import { ScheduleOverlapPolicy } from '@temporalio/client';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { eventually } from '../support/eventually';
import { addCalendarDays, dateFromToday } from '../support/fixture-dates';
import { ensureMeasureSnapshotSchedule } from '../../apps/worker/src/measure-snapshot.schedule';

const DAY_MS = 86_400_000;
const dayBefore = (at: Date) => new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS - DAY_MS).toISOString().slice(0, 10);

/**
 * The nightly measure snapshot on the real stack (Temporal dev server, Postgres, the worker as in
 * production): the worker creates the Schedule at boot with the configured cron; triggering it runs
 * the workflow on the worker, which stores every measure for every scope of the day before in
 * measure_snapshots. A rerun of the day replaces its rows.
 */
describe('measure snapshots: the Temporal Schedule and the nightly rows (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  const cron = '15 3 * * *';
  // Two cases whose screening deadline (enrollment + 90 days, midnight UTC) ends the seeded day.
  const seededDay = dateFromToday(-1);
  const enrollment = addCalendarDays(seededDay, -89);

  beforeAll(async () => {
    stack = await startE2eStack('measuresnap', { CARELOOP_MEASURE_SNAPSHOT_CRON: cron });
    const opened = `${enrollment}T09:00:00.000Z`;
    for (const [id, team, screenedAt] of [
      ['case-snap-1', 'team-snap-a', `${addCalendarDays(enrollment, 10)}T10:00:00.000Z`],
      ['case-snap-2', 'team-snap-b', null],
    ] as const) {
      await stack.sql(
        `INSERT INTO cases (id, run_id, member_ref, program_code, enrollment_date, policy_version, phase, opened_at, phase_changed_at, team_id)
         VALUES ($1, 'run-1', 'M-SNAP', 'CCM', $2::date, 'v1', $3, $4, $4, $5)`,
        [id, enrollment, screenedAt ? 'assessment' : 'outreach', opened, team],
      );
      const events: [string, Record<string, unknown>][] = [
        [opened, { kind: 'case_opened', runId: 'run-1', memberRef: 'M-SNAP', programCode: 'CCM', enrollmentDate: enrollment, policyVersion: 'v1', teamId: team }],
      ];
      if (screenedAt) events.push([screenedAt, { kind: 'screening_submitted', answers: {}, initialRisk: { tier: 'low', score: 1, reasons: [] } }]);
      for (const [seq, [at, data]] of events.entries()) {
        await stack.sql(`INSERT INTO case_events (case_id, episode_id, seq, at, kind, actor_id, summary, data) VALUES ($1, 'run-1', $2, $3, $4, 'cm-1', 'event', $5)`, [
          id,
          seq + 1,
          at,
          data.kind,
          JSON.stringify(data),
        ]);
      }
    }
  });

  afterAll(async () => {
    // The dev server is shared by the suites: leave no schedule pointing at this suite's task queue.
    await stack?.temporal.schedule
      .getHandle(MEASURE_SNAPSHOT_SCHEDULE_ID)
      .delete()
      .catch(() => undefined);
    await stack?.close();
  });

  const scopes = async () => {
    const programs = await stack.sql(`SELECT count(*)::int AS n FROM (SELECT program_code FROM cases UNION SELECT unnest(programs) FROM teams) p`);
    const teams = await stack.sql(`SELECT count(*)::int AS n FROM (SELECT id FROM teams UNION SELECT team_id FROM cases WHERE team_id IS NOT NULL) t`);
    return 1 + (programs[0]!.n as number) + (teams[0]!.n as number);
  };

  it('the worker created the schedule at boot: the configured cron in UTC, overlap SKIP, this task queue', async () => {
    const d = await stack.temporal.schedule.getHandle(MEASURE_SNAPSHOT_SCHEDULE_ID).describe();
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: MEASURE_SNAPSHOT_WORKFLOW, taskQueue: stack.taskQueue, memo: { cron } });
    expect(d.spec.timezone).toBe('UTC');
    expect(d.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 3, end: 3, step: 1 }], minute: [{ start: 15, end: 15, step: 1 }] })]);
    expect(d.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    // Next runs at 03:15 UTC.
    expect(d.info.nextActionTimes.slice(0, 2).map((t) => t.toISOString().slice(11, 19))).toEqual(['03:15:00', '03:15:00']);
  });

  it('a triggered run snapshots the UTC day before its scheduled time into measure_snapshots, for every scope', async () => {
    const handle = stack.temporal.schedule.getHandle(MEASURE_SNAPSHOT_SCHEDULE_ID);
    await handle.trigger();
    const described = await eventually(
      () => handle.describe(),
      (d) => d.info.recentActions.length > 0,
    );
    const [action] = described.info.recentActions;
    expect(action).toBeDefined();
    const result = (await stack.temporal.workflow.getHandle(action!.action.workflow.workflowId).result()) as MeasureSnapshotResult;
    const day = dayBefore(action!.scheduledAt);
    expect(result).toEqual({ day, scopes: await scopes() });
    const rows = await stack.sql(`SELECT program_code, team_id, measure_id FROM measure_snapshots WHERE day = $1::date`, [day]);
    expect(rows).toHaveLength(MEASURE_IDS.length * result.scopes);
    expect(new Set(rows.map((r) => r.measure_id))).toEqual(new Set(MEASURE_IDS));
    expect(rows.filter((r) => r.program_code === '*' && r.team_id === '*')).toHaveLength(MEASURE_IDS.length);
  });

  it('stores the values per scope, and a rerun of the day replaces them', async () => {
    const rerun = () =>
      stack.temporal.workflow.execute(MEASURE_SNAPSHOT_WORKFLOW, { workflowId: `measure-snapshot-${seededDay}-${Date.now()}`, taskQueue: stack.taskQueue, args: [{ day: seededDay }] });
    expect(await rerun()).toEqual({ day: seededDay, scopes: await scopes() });
    const screening = async () =>
      (
        await stack.sql(
          `SELECT program_code AS program, team_id AS team, numerator, denominator, value, computed_at AS "computedAt" FROM measure_snapshots
           WHERE day = $1::date AND measure_id = 'screening_within_90_days' AND (program_code IN ('*', 'CCM') AND team_id IN ('*', 'team-snap-a', 'team-snap-b'))
           ORDER BY program_code, team_id`,
          [seededDay],
        )
      ).map((r) => ({ ...r, computedAt: (r.computedAt as Date).toISOString() }));
    const first = await screening();
    expect(first.map(({ computedAt: _c, ...r }) => r)).toEqual([
      { program: '*', team: '*', numerator: 1, denominator: 2, value: 0.5 },
      { program: '*', team: 'team-snap-a', numerator: 1, denominator: 1, value: 1 },
      { program: '*', team: 'team-snap-b', numerator: 0, denominator: 1, value: 0 },
      { program: 'CCM', team: '*', numerator: 1, denominator: 2, value: 0.5 },
    ]);
    const count = async () => (await stack.sql(`SELECT count(*)::int AS n FROM measure_snapshots WHERE day = $1::date`, [seededDay]))[0]!.n;
    const before = await count();
    await rerun();
    expect(await count()).toBe(before);
    const second = await screening();
    expect(second.map(({ computedAt: _c, ...r }) => r)).toEqual(first.map(({ computedAt: _c, ...r }) => r));
    expect(second.every((r, i) => r.computedAt > first[i]!.computedAt)).toBe(true);
  });

  it('a worker with another cron updates the schedule, keeping an operator pause; the same config again changes nothing', async () => {
    const handle = stack.temporal.schedule.getHandle(MEASURE_SNAPSHOT_SCHEDULE_ID);
    await handle.pause('maintenance window');
    expect(await ensureMeasureSnapshotSchedule(stack.temporal, { cron: '0 5 * * *', taskQueue: stack.taskQueue })).toBe('updated');
    let d = await handle.describe();
    expect(d.action).toMatchObject({ memo: { cron: '0 5 * * *' }, taskQueue: stack.taskQueue });
    expect(d.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 5, end: 5, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] })]);
    expect(d.state).toMatchObject({ paused: true, note: 'maintenance window' });
    expect(await ensureMeasureSnapshotSchedule(stack.temporal, { cron: '0 5 * * *', taskQueue: stack.taskQueue })).toBe('unchanged');
    await handle.unpause();
    expect(await ensureMeasureSnapshotSchedule(stack.temporal, { cron, taskQueue: stack.taskQueue })).toBe('updated');
    d = await handle.describe();
    expect(d.action).toMatchObject({ memo: { cron } });
    expect(d.state.paused).toBe(false);
  });
});
