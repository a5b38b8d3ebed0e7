import type { DataSource } from 'typeorm';

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
    const rows: { case_id: string; count: number; attempts: number; last_error: string | null; since: Date }[] = await this.dataSource.query(
      `SELECT case_id, count(*)::int AS count, max(attempts)::int AS attempts,
              (array_agg(last_error ORDER BY last_attempt_at DESC NULLS LAST))[1] AS last_error,
              min(COALESCE(first_failed_at, created_at)) AS since
       FROM notifications
       WHERE status = 'failed' AND ($1::varchar[] IS NULL OR case_id = ANY($1::varchar[]))
       GROUP BY case_id ORDER BY since LIMIT $2`,
      [opts.caseIds ? [...opts.caseIds] : null, opts.limit],
    );
    return rows.map((r) => ({ caseId: r.case_id, count: r.count, attempts: r.attempts, lastError: r.last_error, since: r.since.toISOString() }));
  }

  async countFailingCases(): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(`SELECT count(DISTINCT case_id)::int AS n FROM notifications WHERE status = 'failed'`);
    return rows[0]?.n ?? 0;
  }

  /** The failing notifications of one case, with what a retry needs (PHI-free by contract). */
  async failedNotifications(caseId: string): Promise<{ key: string; template: string; audience: string; attempts: number; lastError: string | null; since: string | null }[]> {
    const rows: { key: string; template: string; audience: string; attempts: number; last_error: string | null; first_failed_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT key, template, audience, attempts, last_error, first_failed_at FROM notifications WHERE case_id = $1 AND status = 'failed' ORDER BY created_at`,
        [caseId],
      );
    return rows.map((r) => ({ key: r.key, template: r.template, audience: r.audience, attempts: r.attempts, lastError: r.last_error, since: r.first_failed_at?.toISOString() ?? null }));
  }

  /** A case's failed notifications as the workflow queued them (to deliver again). */
  async failedNotificationRequests(caseId: string): Promise<{ key: string; caseId: string; audience: string; channel: string; template: string; params: Record<string, unknown> }[]> {
    const rows: { key: string; case_id: string; audience: string; channel: string; template: string; params: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT key, case_id, audience, channel, template, params FROM notifications WHERE case_id = $1 AND status = 'failed' ORDER BY created_at`,
      [caseId],
    );
    return rows.map((r) => ({ key: r.key, caseId: r.case_id, audience: r.audience, channel: r.channel, template: r.template, params: r.params }));
  }

  /** Open cases per care manager, split by the cases' risk tier and program, with their own cap if they have one. */
  async caseloads(): Promise<CaseloadCounts[]> {
    const rows: { id: string; cap: number | null; tier: string | null; program: string | null; n: number }[] = await this.dataSource.query(
      `SELECT s.id, s.caseload_cap AS cap, c.risk_tier AS tier, c.program_code AS program, count(a.case_id)::int AS n
       FROM staff s
       LEFT JOIN case_assignments a ON a.care_manager_id = s.id AND a.released_at IS NULL
       LEFT JOIN cases c ON c.id = a.case_id
       WHERE s.role = 'care_manager'
       GROUP BY s.id, s.caseload_cap, c.risk_tier, c.program_code ORDER BY s.id`,
    );
    const byId = new Map<string, CaseloadCounts>();
    for (const r of rows) {
      const row = byId.get(r.id) ?? { careManagerId: r.id, ownCap: r.cap, open: 0, byRiskTier: { high: 0, medium: 0, low: 0, none: 0 }, byProgram: {} };
      const tier = r.tier === 'high' || r.tier === 'medium' || r.tier === 'low' ? r.tier : 'none';
      row.byRiskTier[tier] += r.n;
      if (r.program !== null && r.n > 0) {
        row.byProgram[r.program] = (row.byProgram[r.program] ?? 0) + r.n;
      }
      byId.set(r.id, { ...row, open: row.open + r.n });
    }
    return [...byId.values()];
  }

  /** The open tasks and the last events of a case as stored (for a diagnosis when the workflow cannot answer). */
  async caseRecord(caseId: string, lastEvents: number) {
    const tasks: { task_key: string; kind: string; due_at: Date; opened_at: Date }[] = await this.dataSource.query(
      `SELECT t.task_key, t.kind, t.due_at, t.opened_at FROM case_tasks t JOIN cases c ON c.id = t.case_id AND c.run_id = t.episode_id
       WHERE t.case_id = $1 AND t.status = 'open' ORDER BY t.due_at`,
      [caseId],
    );
    const events: { seq: number; at: Date; kind: string; actor_id: string; summary: string }[] = await this.dataSource.query(
      `SELECT e.seq, e.at, e.kind, e.actor_id, e.summary FROM case_events e JOIN cases c ON c.id = e.case_id AND c.run_id = e.episode_id
       WHERE e.case_id = $1 ORDER BY e.seq DESC LIMIT $2`,
      [caseId, lastEvents],
    );
    return {
      openTasks: tasks.map((t) => ({ key: t.task_key, kind: t.kind, dueAt: t.due_at.toISOString(), openedAt: t.opened_at.toISOString() })),
      lastEvents: events.reverse().map((e) => ({ seq: e.seq, at: e.at.toISOString(), kind: e.kind, actorId: e.actor_id, summary: e.summary })),
    };
  }

  /** Appends one audited supervisor action (never updated or deleted). */
  async recordAction(record: SupervisorActionRecord): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO supervisor_actions (case_id, action, actor_id, reason, details, outcome) VALUES ($1, $2, $3, $4, $5, $6)`,
      [record.caseId, record.action, record.actorId, record.reason, JSON.stringify(record.details), record.outcome],
    );
  }

  async actions(caseId: string): Promise<(SupervisorActionRecord & { at: string })[]> {
    const rows: { case_id: string; action: string; actor_id: string; reason: string; details: Record<string, unknown>; outcome: string; at: Date }[] =
      await this.dataSource.query(`SELECT * FROM supervisor_actions WHERE case_id = $1 ORDER BY id`, [caseId]);
    return rows.map((r) => ({ caseId: r.case_id, action: r.action, actorId: r.actor_id, reason: r.reason, details: r.details, outcome: r.outcome, at: r.at.toISOString() }));
  }
}
