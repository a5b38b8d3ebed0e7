import type { DataSource } from 'typeorm';
import { selectRows } from './sql.query';

export interface CountRow {
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** Aggregates of the read model for operational metrics: counts by code columns only, never member data. */
export class OperationsMetricsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Open cases by phase and program. */
  async casesByPhase(): Promise<CountRow[]> {
    const rows = await selectRows<{ phase: string; program: string; n: number }>(
      this.dataSource,
      `SELECT phase, program_code AS program, count(*)::int AS n FROM cases WHERE phase <> 'closed' GROUP BY phase, program_code`,
    );
    return rows.map((r) => ({ labels: { phase: r.phase, program: r.program }, value: r.n }));
  }

  /** Open tasks past their due time, by task kind and program. */
  async overdueTasks(): Promise<CountRow[]> {
    const rows = await selectRows<{ kind: string; program: string; n: number }>(
      this.dataSource,
      `SELECT t.kind, c.program_code AS program, count(*)::int AS n FROM case_tasks t JOIN cases c ON c.id = t.case_id AND t.episode_id = c.run_id
       WHERE t.status = 'open' AND t.due_at < now() GROUP BY t.kind, c.program_code`,
    );
    return rows.map((r) => ({ labels: { kind: r.kind, program: r.program }, value: r.n }));
  }

  /** Notifications that failed for good (status failed), by template. */
  async failedNotifications(): Promise<CountRow[]> {
    const rows = await selectRows<{ kind: string; n: number }>(
      this.dataSource,
      `SELECT template AS kind, count(*)::int AS n FROM notifications WHERE status = 'failed' GROUP BY template`,
    );
    return rows.map((r) => ({ labels: { kind: r.kind }, value: r.n }));
  }
}
