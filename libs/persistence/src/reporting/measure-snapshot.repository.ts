import type { DataSource } from 'typeorm';
import { MEASURES, type MeasureId } from '@careloop/domain';
import { ALL_SCOPE, type MeasureSnapshotRow, type MeasureTrendPoint, type TrendGranularity } from '@careloop/contracts';
import { execute, selectRows } from '../sql.query';

/** The scope of a trend: a program, a team, or all (absent). Snapshots exist per program and per team, not per pair. */
export interface SnapshotScopeFilter {
  readonly programCode?: string;
  readonly teamId?: string;
}

/** The programs and teams a nightly snapshot stores a scope for (besides all/all). */
export interface SnapshotScopes {
  readonly programCodes: readonly string[];
  readonly teamIds: readonly string[];
}

/**
 * measure_snapshots (issue 18): the nightly values of every measure per UTC day and scope, for the
 * trends. `store` is an upsert on (day, program, team, measure), so a rerun of a day (a retried
 * activity, a manual trigger) replaces its rows. Trends are not suppressed here: the API applies
 * the small-cell rule to what it answers.
 */
export class MeasureSnapshotRepository {
  constructor(private readonly dataSource: DataSource) {}

  async store(rows: readonly MeasureSnapshotRow[], computedAt: string = new Date().toISOString()): Promise<void> {
    if (rows.length === 0) return;
    await execute(
      this.dataSource,
      `INSERT INTO measure_snapshots (day, program_code, team_id, measure_id, numerator, denominator, value, median, strata, computed_at)
       SELECT r.day, r.program_code, r.team_id, r.measure_id, r.numerator, r.denominator, r.value, r.median, r.strata::jsonb, $10
       FROM unnest($1::date[], $2::varchar[], $3::varchar[], $4::varchar[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::text[])
         AS r(day, program_code, team_id, measure_id, numerator, denominator, value, median, strata)
       ON CONFLICT (day, program_code, team_id, measure_id) DO UPDATE SET numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,
         value = EXCLUDED.value, median = EXCLUDED.median, strata = EXCLUDED.strata, computed_at = EXCLUDED.computed_at`,
      [
        rows.map((r) => r.day),
        rows.map((r) => r.programCode),
        rows.map((r) => r.teamId),
        rows.map((r) => r.measureId),
        rows.map((r) => r.numerator),
        rows.map((r) => r.denominator),
        rows.map((r) => r.value),
        rows.map((r) => r.median),
        rows.map((r) => JSON.stringify(r.strata)),
        computedAt,
      ],
    );
  }

  /**
   * The measure's points from `fromDay` through `toDay` (YYYY-MM-DD, inclusive) for one scope, oldest
   * first; a day (or month) without snapshots has no point. A month sums its days' numerators and
   * denominators (value = numerator / denominator: a share, or the mean hours of a duration), since
   * days partition a month's items; a ratio (participants per care manager) is a state, not a count,
   * so its month takes the month's last stored day.
   */
  async trend(measureId: MeasureId, filter: SnapshotScopeFilter, fromDay: string, toDay: string, granularity: TrendGranularity): Promise<MeasureTrendPoint[]> {
    const params = [measureId, filter.programCode ?? ALL_SCOPE, filter.teamId ?? ALL_SCOPE, fromDay, toDay];
    const scope = `measure_id = $1 AND program_code = $2 AND team_id = $3 AND day BETWEEN $4::date AND $5::date`;
    const rows =
      granularity === 'day'
        ? await selectRows<{ period: string; numerator: number; denominator: number }>(
            this.dataSource,
            `SELECT day::text AS period, numerator, denominator FROM measure_snapshots WHERE ${scope} ORDER BY day`,
            params,
          )
        : MEASURES[measureId].scoring === 'ratio'
          ? await selectRows<{ period: string; numerator: number; denominator: number }>(
              this.dataSource,
              `SELECT DISTINCT ON (to_char(day, 'YYYY-MM')) to_char(day, 'YYYY-MM') AS period, numerator, denominator
               FROM measure_snapshots WHERE ${scope} ORDER BY to_char(day, 'YYYY-MM'), day DESC`,
              params,
            )
          : await selectRows<{ period: string; numerator: number; denominator: number }>(
              this.dataSource,
              `SELECT to_char(day, 'YYYY-MM') AS period, sum(numerator) AS numerator, sum(denominator) AS denominator
               FROM measure_snapshots WHERE ${scope} GROUP BY 1 ORDER BY 1`,
              params,
            );
    return rows.map((r) => ({ period: r.period, numerator: r.numerator, denominator: r.denominator, value: r.denominator === 0 ? null : r.numerator / r.denominator, suppressed: false }));
  }

  /** Every program (of a case or served by a team) and every team (in the directory or owning a case). */
  async scopes(): Promise<SnapshotScopes> {
    const [programs, teams] = await Promise.all([
      selectRows<{ code: string }>(
        this.dataSource,
        `SELECT code FROM (SELECT DISTINCT program_code AS code FROM cases UNION SELECT unnest(programs) FROM teams) p WHERE code <> $1 ORDER BY code`,
        [ALL_SCOPE],
      ),
      selectRows<{ id: string }>(
        this.dataSource,
        `SELECT id FROM (SELECT id FROM teams UNION SELECT DISTINCT team_id FROM cases WHERE team_id IS NOT NULL) t WHERE id <> $1 ORDER BY id`,
        [ALL_SCOPE],
      ),
    ]);
    return { programCodes: programs.map((p) => p.code), teamIds: teams.map((t) => t.id) };
  }
}
