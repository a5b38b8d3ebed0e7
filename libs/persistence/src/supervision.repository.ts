import type { DataSource } from 'typeorm';
import { execute, selectOne, selectRows } from './sql.query';

/** A case's failing notification deliveries, aggregated (PHI-free: templates, counts, channel errors). */
export interface FailingDeliveries {
  readonly caseId: string;
  readonly count: number;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly since: string;
}

/** One care manager's open cases, counted by risk tier and by program (the cap is applied by the caller). */
export interface CaseloadCounts {
  readonly careManagerId: string;
  /** Their own cap from the roster (`caseloadCap`); null: each program's policy cap applies. */
  readonly ownCap: number | null;
  readonly open: number;
  readonly byRiskTier: Record<'high' | 'medium' | 'low' | 'none', number>;
  /** Open cases per program code (cases not yet in the read model are counted in `open` only). */
  readonly byProgram: Record<string, number>;
}

export interface SupervisorActionRecord {
  readonly caseId: string;
  readonly action: string;
  readonly actorId: string;
  readonly reason: string;
  readonly details: Record<string, unknown>;
  readonly outcome: string;
}

/** What supervisors read from Postgres beside Temporal visibility, and their audited actions. */
export class SupervisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Cases whose notifications are failing (retrying, or given up), oldest failure first. */
  async failingDeliveries(opts: { caseIds?: readonly string[]; limit: number }): Promise<FailingDeliveries[]> {
    const rows = await selectRows<Omit<FailingDeliveries, 'since'> & { since: Date }>(
      this.dataSource,
      `SELECT case_id AS "caseId", count(*)::int AS count, max(attempts)::int AS attempts,
              (array_agg(last_error ORDER BY last_attempt_at DESC NULLS LAST))[1] AS "lastError",
              min(COALESCE(first_failed_at, created_at)) AS since
       FROM notifications
       WHERE status = 'failed' AND ($1::varchar[] IS NULL OR case_id = ANY($1::varchar[]))
       GROUP BY case_id ORDER BY since LIMIT $2`,
      [opts.caseIds ? [...opts.caseIds] : null, opts.limit],
    );
    return rows.map((r) => ({ ...r, since: r.since.toISOString() }));
  }

  async countFailingCases(): Promise<number> {
    const row = await selectOne<{ n: number }>(this.dataSource, `SELECT count(DISTINCT case_id)::int AS n FROM notifications WHERE status = 'failed'`);
    return row?.n ?? 0;
  }

  /** The failing notifications of one case, with what a retry needs (PHI-free by contract). */
  async failedNotifications(caseId: string): Promise<{ key: string; template: string; audience: string; attempts: number; lastError: string | null; since: string | null }[]> {
    const rows = await selectRows<{ key: string; template: string; audience: string; attempts: number; lastError: string | null; since: Date | null }>(
      this.dataSource,
      `SELECT key, template, audience, attempts, last_error AS "lastError", first_failed_at AS since FROM notifications
       WHERE case_id = $1 AND status = 'failed' ORDER BY created_at`,
      [caseId],
    );
    return rows.map((r) => ({ ...r, since: r.since?.toISOString() ?? null }));
  }

  /** A case's failed notifications as the workflow queued them (to deliver again). */
  failedNotificationRequests(caseId: string): Promise<{ key: string; caseId: string; audience: string; channel: string; template: string; params: Record<string, unknown> }[]> {
    return selectRows(
      this.dataSource,
      `SELECT key, case_id AS "caseId", audience, channel, template, params FROM notifications WHERE case_id = $1 AND status = 'failed' ORDER BY created_at`,
      [caseId],
    );
  }

  /** Open cases per care manager, split by the cases' risk tier and program, with their own cap if they have one. */
  async caseloads(): Promise<CaseloadCounts[]> {
    // `open` is the maintained staff.open_caseload (the number assignment checks against the cap); the
    // breakdown by tier and program joins the open assignments themselves.
    const rows = await selectRows<{ id: string; cap: number | null; open: number; tier: string | null; program: string | null; n: number }>(
      this.dataSource,
      `SELECT s.id, s.caseload_cap AS cap, s.open_caseload AS open, c.risk_tier AS tier, c.program_code AS program, count(a.case_id)::int AS n
       FROM staff s
       LEFT JOIN case_assignments a ON a.care_manager_id = s.id AND a.released_at IS NULL
       LEFT JOIN cases c ON c.id = a.case_id
       WHERE s.role = 'care_manager'
       GROUP BY s.id, s.caseload_cap, s.open_caseload, c.risk_tier, c.program_code ORDER BY s.id`,
    );
    const byId = new Map<string, CaseloadCounts>();
    for (const r of rows) {
      const row = byId.get(r.id) ?? { careManagerId: r.id, ownCap: r.cap, open: r.open, byRiskTier: { high: 0, medium: 0, low: 0, none: 0 }, byProgram: {} };
      const tier = r.tier === 'high' || r.tier === 'medium' || r.tier === 'low' ? r.tier : 'none';
      row.byRiskTier[tier] += r.n;
      if (r.program !== null && r.n > 0) {
        row.byProgram[r.program] = (row.byProgram[r.program] ?? 0) + r.n;
      }
      byId.set(r.id, row);
    }
    return [...byId.values()];
  }

  /** The open tasks and the last events of a case as stored (for a diagnosis when the workflow cannot answer). */
  async caseRecord(caseId: string, lastEvents: number) {
    const tasks = await selectRows<{ key: string; kind: string; dueAt: Date; openedAt: Date }>(
      this.dataSource,
      `SELECT t.task_key AS key, t.kind, t.due_at AS "dueAt", t.opened_at AS "openedAt" FROM case_tasks t JOIN cases c ON c.id = t.case_id AND c.run_id = t.episode_id
       WHERE t.case_id = $1 AND t.status = 'open' ORDER BY t.due_at`,
      [caseId],
    );
    const events = await selectRows<{ seq: number; at: Date; kind: string; actorId: string; summary: string }>(
      this.dataSource,
      `SELECT e.seq, e.at, e.kind, e.actor_id AS "actorId", e.summary FROM case_events e JOIN cases c ON c.id = e.case_id AND c.run_id = e.episode_id
       WHERE e.case_id = $1 ORDER BY e.seq DESC LIMIT $2`,
      [caseId, lastEvents],
    );
    return {
      openTasks: tasks.map((t) => ({ ...t, dueAt: t.dueAt.toISOString(), openedAt: t.openedAt.toISOString() })),
      lastEvents: events.reverse().map((e) => ({ ...e, at: e.at.toISOString() })),
    };
  }

  /** Appends one audited supervisor action (never updated or deleted). */
  async recordAction(record: SupervisorActionRecord): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO supervisor_actions (case_id, action, actor_id, reason, details, outcome) VALUES ($1, $2, $3, $4, $5, $6)`,
      [record.caseId, record.action, record.actorId, record.reason, JSON.stringify(record.details), record.outcome],
    );
  }

  async actions(caseId: string): Promise<(SupervisorActionRecord & { at: string })[]> {
    const rows = await selectRows<SupervisorActionRecord & { at: Date }>(
      this.dataSource,
      `SELECT case_id AS "caseId", action, actor_id AS "actorId", reason, details, outcome, at FROM supervisor_actions WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }
}
