import type { DataSource } from 'typeorm';
import { execute, selectRows } from './sql.query';

export interface WorkerHeartbeat {
  readonly identity: string;
  readonly taskQueue: string;
  /** `running` when the worker polls and its event loop keeps time; else why not (`stalled`, `stopping`, `failed`). */
  readonly state: string;
  readonly detail: string;
}

/** Workers report their health here every few seconds; readiness asks for the fresh reports of a task queue. */
export class WorkerHeartbeatRepository {
  constructor(private readonly dataSource: DataSource) {}

  async report(h: WorkerHeartbeat): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO worker_heartbeats (identity, task_queue, state, detail, seen_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (identity) DO UPDATE SET task_queue = EXCLUDED.task_queue, state = EXCLUDED.state, detail = EXCLUDED.detail, seen_at = now()`,
      [h.identity, h.taskQueue, h.state, h.detail.slice(0, 300)],
    );
  }

  /** Reports for `taskQueue` newer than `maxAgeMs` (by the database's clock, so worker clocks do not matter). */
  fresh(taskQueue: string, maxAgeMs: number): Promise<WorkerHeartbeat[]> {
    return selectRows<WorkerHeartbeat>(
      this.dataSource,
      `SELECT identity, task_queue AS "taskQueue", state, detail FROM worker_heartbeats
       WHERE task_queue = $1 AND seen_at > now() - ($2::int * interval '1 millisecond') ORDER BY seen_at DESC LIMIT 50`,
      [taskQueue, maxAgeMs],
    );
  }
}
