import type { DataSource } from 'typeorm';
import { selectOne, selectRows } from './sql.query';

/** A work_items row as the worklist reads it (plus the plan version a consent item completes). */
export interface StoredWorkItem {
  readonly id: string;
  readonly source: string;
  readonly sourceId: string;
  readonly episodeId: string | null;
  readonly kind: string;
  readonly taskKey: string;
  readonly status: string;
  readonly priority: string;
  readonly dueAt: Date;
  readonly remindedAt: Date | null;
  readonly missedAt: Date | null;
  readonly ownerStaffId: string | null;
  readonly ownerTeamId: string | null;
  readonly ownerRole: 'care_manager' | 'supervisor';
  readonly claimedAt: Date | null;
  readonly caseId: string | null;
  readonly memberId: string | null;
  readonly programCode: string | null;
  readonly riskTier: 'high' | 'medium' | 'low' | null;
  readonly openedAt: Date;
  readonly closedAt: Date | null;
  readonly overdue: boolean;
  /** The latest proposed plan version of the episode, for a plan_consent item (its route names it). */
  readonly planVersion: number | null;
}

/**
 * Whose items a list shows (all open, i.e. open or suspended):
 * - `holders`: held by these people;
 * - `queue`: unclaimed in the queue of `teamId` for `role` (`withOrgQueue`: also the organisation-wide queue, team null);
 * - `team`: every item of the team (held by anyone, or queued) — the supervisor's view of a team.
 */
export interface WorklistScope {
  readonly holders?: readonly string[];
  readonly queue?: { readonly teamId: string | null; readonly role: string; readonly withOrgQueue: boolean };
  readonly team?: { readonly teamId: string; readonly unclaimedOnly: boolean; readonly heldOnly: boolean };
}

export interface WorklistFilters {
  readonly kind?: string;
  readonly dueBefore?: string;
  readonly overdue?: boolean;
  readonly program?: string;
  readonly riskTier?: string;
}

/** Keyset position: overdue items first (rank 0), then by due time, then id. */
export interface WorklistCursor {
  readonly rank: 0 | 1;
  readonly dueAt: string;
  readonly id: string;
}

const COLUMNS = `w.id, w.source, w.source_id AS "sourceId", w.episode_id AS "episodeId", w.kind, w.task_key AS "taskKey", w.status, w.priority,
  w.due_at AS "dueAt", w.reminded_at AS "remindedAt", w.missed_at AS "missedAt", w.owner_staff_id AS "ownerStaffId", w.owner_team_id AS "ownerTeamId",
  w.owner_role AS "ownerRole", w.claimed_at AS "claimedAt", w.case_id AS "caseId", w.member_id AS "memberId", w.program_code AS "programCode",
  w.risk_tier AS "riskTier", w.opened_at AS "openedAt", w.closed_at AS "closedAt", (w.status = 'open' AND w.due_at < now()) AS overdue,
  CASE WHEN w.kind = 'plan_consent' THEN (SELECT max(v.version) FROM care_plan_versions v WHERE v.case_id = w.case_id AND v.episode_id = w.episode_id) END AS "planVersion"`;

const OPEN = `w.status IN ('open', 'suspended')`;

/** The conditions of a scope and filters, with their parameters numbered from `params.length + 1`. */
function whereOf(scope: WorklistScope, f: WorklistFilters, params: unknown[]): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  // Each arm repeats the partial indexes' predicates (status, owner null or not) so the planner can use them.
  const arms: string[] = [];
  if (scope.holders && scope.holders.length > 0) {
    arms.push(`(${OPEN} AND w.owner_staff_id = ANY(${p(scope.holders)}::varchar[]))`);
  }
  if (scope.queue) {
    const team = scope.queue.teamId === null ? 'w.owner_team_id IS NULL' : `(w.owner_team_id = ${p(scope.queue.teamId)}${scope.queue.withOrgQueue ? ' OR w.owner_team_id IS NULL' : ''})`;
    arms.push(`(${OPEN} AND w.owner_staff_id IS NULL AND w.owner_role = ${p(scope.queue.role)} AND ${team})`);
  }
  if (scope.team) {
    const held = scope.team.unclaimedOnly ? ' AND w.owner_staff_id IS NULL' : scope.team.heldOnly ? ' AND w.owner_staff_id IS NOT NULL' : '';
    arms.push(`(${OPEN} AND w.owner_team_id = ${p(scope.team.teamId)}${held})`);
  }
  const where = [arms.length > 0 ? `(${arms.join(' OR ')})` : 'false'];
  if (f.kind !== undefined) where.push(`w.kind = ${p(f.kind)}`);
  if (f.dueBefore !== undefined) where.push(`w.due_at < ${p(f.dueBefore)}`);
  if (f.overdue === true) where.push(`(w.status = 'open' AND w.due_at < now())`);
  if (f.overdue === false) where.push(`NOT (w.status = 'open' AND w.due_at < now())`);
  if (f.program !== undefined) where.push(`w.program_code = ${p(f.program)}`);
  if (f.riskTier !== undefined) where.push(`w.risk_tier = ${p(f.riskTier)}`);
  return where.join(' AND ');
}

const RANK = `(CASE WHEN w.status = 'open' AND w.due_at < now() THEN 0 ELSE 1 END)`;

function listQuery(scope: WorklistScope, filters: WorklistFilters, after: WorklistCursor | null, limit: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = whereOf(scope, filters, params);
  let keyset = '';
  if (after) {
    params.push(after.rank, after.dueAt, after.id);
    const n = params.length;
    keyset = ` AND (${RANK}, w.due_at, w.id) > ($${n - 2}::int, $${n - 1}::timestamptz, $${n}::varchar)`;
  }
  params.push(limit);
  return { sql: `SELECT ${COLUMNS} FROM work_items w WHERE ${where}${keyset} ORDER BY ${RANK}, w.due_at, w.id LIMIT $${params.length}`, params };
}

/**
 * The worklist reads and the holder changes (claim, release, reassign). Every change is one
 * conditional UPDATE: it names the state it moves from, so of two concurrent claims exactly one
 * matches the unclaimed row and the other finds it held (no lost update, no lock held across calls).
 */
export class WorkItemRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(scope: WorklistScope, filters: WorklistFilters, after: WorklistCursor | null, limit: number): Promise<StoredWorkItem[]> {
    const { sql, params } = listQuery(scope, filters, after, limit);
    return selectRows<StoredWorkItem>(this.dataSource, sql, params);
  }

  /** The plan of `list` (EXPLAIN ANALYZE), as text lines: the benchmark shows which index a list uses. */
  async explainList(scope: WorklistScope, filters: WorklistFilters, limit: number): Promise<string[]> {
    const { sql, params } = listQuery(scope, filters, null, limit);
    const rows = await selectRows<{ 'QUERY PLAN': string }>(this.dataSource, `EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    return rows.map((r) => r['QUERY PLAN']);
  }

  /** Overdue, due before `endOfDay` (and not overdue), and open, over the same scope and filters. */
  async counts(scope: WorklistScope, filters: WorklistFilters, endOfDay: string): Promise<{ overdue: number; dueToday: number; open: number }> {
    const params: unknown[] = [];
    const where = whereOf(scope, filters, params);
    params.push(endOfDay);
    const row = await selectOne<{ overdue: number; dueToday: number; open: number }>(
      this.dataSource,
      `SELECT count(*) FILTER (WHERE w.status = 'open' AND w.due_at < now())::int AS overdue,
              count(*) FILTER (WHERE w.status = 'open' AND w.due_at >= now() AND w.due_at < $${params.length})::int AS "dueToday",
              count(*)::int AS open
       FROM work_items w WHERE ${where}`,
      params,
    );
    return row ?? { overdue: 0, dueToday: 0, open: 0 };
  }

  find(id: string): Promise<StoredWorkItem | null> {
    return selectOne<StoredWorkItem>(this.dataSource, `SELECT ${COLUMNS} FROM work_items w WHERE w.id = $1`, [id]);
  }

  /**
   * Takes an unclaimed queue item for `staffId`: only while it is open, unheld, and in the queue of
   * `role` of the caller's team (or the organisation-wide queue). Null: nothing matched (the caller
   * reads the row to say why).
   */
  claim(id: string, staffId: string, role: string, teamId: string | null): Promise<StoredWorkItem | null> {
    return this.change(
      `UPDATE work_items w SET owner_staff_id = $2, claimed_at = now(), updated_at = now()
       WHERE w.id = $1 AND ${OPEN} AND w.owner_staff_id IS NULL AND w.owner_role = $3 AND (w.owner_team_id = $4 OR w.owner_team_id IS NULL)
       RETURNING w.id`,
      [id, staffId, role, teamId],
    );
  }

  /** Puts a held item back in its queue, only while `holder` holds it (the holder, or the supervisor naming who holds it). */
  release(id: string, holder: string): Promise<StoredWorkItem | null> {
    return this.change(
      `UPDATE work_items w SET owner_staff_id = NULL, claimed_at = NULL, updated_at = now()
       WHERE w.id = $1 AND ${OPEN} AND w.owner_staff_id = $2 RETURNING w.id`,
      [id, holder],
    );
  }

  /**
   * Hands an open item to `toStaffId`, from whoever held it as the caller read it (`fromStaffId`,
   * null: unheld): a holder change by someone else in between makes this match nothing, and the
   * caller answers the conflict instead of overwriting it.
   */
  reassign(id: string, fromStaffId: string | null, toStaffId: string): Promise<StoredWorkItem | null> {
    return this.change(
      `UPDATE work_items w SET owner_staff_id = $3, claimed_at = now(), updated_at = now()
       WHERE w.id = $1 AND ${OPEN} AND w.owner_staff_id IS NOT DISTINCT FROM $2::varchar RETURNING w.id`,
      [id, fromStaffId, toStaffId],
    );
  }

  /** A staff member's role, team and whether they are active, or null when there is none. */
  staff(staffId: string): Promise<{ role: string; teamId: string | null; active: boolean } | null> {
    return selectOne(this.dataSource, `SELECT role, team AS "teamId", active FROM staff WHERE id = $1`, [staffId]);
  }

  private async change(sql: string, params: readonly unknown[]): Promise<StoredWorkItem | null> {
    // A bare UPDATE … RETURNING answers [rows, count] under TypeORM: the CTE makes it a row list.
    const rows = await selectRows<{ id: string }>(this.dataSource, `WITH changed AS (${sql}) SELECT id FROM changed`, params);
    return rows.length === 0 ? null : this.find(rows[0]!.id);
  }
}
