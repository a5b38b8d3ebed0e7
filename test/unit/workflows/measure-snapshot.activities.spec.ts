import { ApplicationFailure } from '@temporalio/common';
import { createMeasureSnapshotActivities, MEASURE_SNAPSHOT_INVALID_DAY } from '@careloop/activities';
import { ALL_SCOPE, type MeasureSnapshotRow } from '@careloop/contracts';
import { dayPeriod, DEFAULT_MEASURE_POLICY, MEASURE_IDS, type MeasureFilter, type MeasureInput, type ReportPeriod } from '@careloop/domain';
import { dateFromToday } from '../../support/fixture-dates';

/** The nightly snapshot's activity with fake ports: one read of the day, every scope computed from it, one upsert. */
describe('snapshotMeasures activity', () => {
  const day = dateFromToday(-1);

  function fakes() {
    const reads: { period: ReportPeriod; filter: MeasureFilter }[] = [];
    const stored: MeasureSnapshotRow[][] = [];
    const activities = createMeasureSnapshotActivities({
      facts: {
        read: async (period, filter): Promise<MeasureInput> => {
          reads.push({ period, filter });
          return { period, cases: [], discharges: [], reviews: [], complaints: [] };
        },
      },
      snapshots: {
        store: async (rows) => void stored.push([...rows]),
        scopes: async () => ({ programCodes: ['CCM', 'HF'], teamIds: ['team-1'] }),
      },
      policy: DEFAULT_MEASURE_POLICY,
    });
    return { reads, stored, activities };
  }

  it('reads the day once, unfiltered, and stores every measure for all/all, each program and each team', async () => {
    const { reads, stored, activities } = fakes();
    expect(await activities.snapshotMeasures(day)).toEqual({ day, scopes: 4 });
    expect(reads).toEqual([{ period: dayPeriod(day), filter: {} }]);
    expect(stored).toHaveLength(1);
    const rows = stored[0]!;
    expect(rows).toHaveLength(4 * MEASURE_IDS.length);
    expect([...new Set(rows.map((r) => `${r.programCode}/${r.teamId}`))]).toEqual([`${ALL_SCOPE}/${ALL_SCOPE}`, `CCM/${ALL_SCOPE}`, `HF/${ALL_SCOPE}`, `${ALL_SCOPE}/team-1`]);
    expect(rows.every((r) => r.day === day && r.denominator === 0 && r.value === null)).toBe(true);
  });

  it('refuses a day that is not a calendar date without retries, reading nothing', async () => {
    const { reads, stored, activities } = fakes();
    const err = await activities.snapshotMeasures('2-30').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: MEASURE_SNAPSHOT_INVALID_DAY, nonRetryable: true });
    expect(reads).toEqual([]);
    expect(stored).toEqual([]);
  });
});
