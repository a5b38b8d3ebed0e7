import type { DataSource } from 'typeorm';
import type { CasePhase, CaseStatus, ClosureReason, RecoveryStep, RiskTier } from '@careloop/domain';
import { selectOne, selectRows } from './sql.query';
import { SqlFilter, visibleCaseCondition } from './sql.filter';

/**
 * Plain shape of a stored case, free of TypeORM types (the API maps it to JSON).
 * The code columns hold the domain's values: only the case workflow's
 * activities write them, from its typed state.
 */
export interface StoredCase {
  readonly id: string;
  readonly episodeId: string;
  readonly memberRef: string;
  readonly programCode: string;
  /** Calendar date YYYY-MM-DD. */
  readonly enrollmentDate: string;
  readonly policyVersion: string;
  readonly phase: CasePhase;
  readonly status: CaseStatus;
  readonly riskTier: RiskTier | null;
  readonly careManagerId: string | null;
  /** The owning team (null: legacy case, or no team serves the program). */
  readonly teamId: string | null;
  /** The registry member (members.id); null for cases started before the registry. */
  readonly memberId: string | null;
  readonly activePlanVersion: number | null;
  readonly closureReason: ClosureReason | null;
  readonly openedAt: Date;
  readonly phaseChangedAt: Date;
}

/** Reads of the case read model for the API. */
export class CaseReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  findById(id: string): Promise<StoredCase | null> {
    return selectOne<StoredCase>(
      this.dataSource,
      `SELECT id, run_id AS "episodeId", member_ref AS "memberRef", program_code AS "programCode", enrollment_date::text AS "enrollmentDate",
              policy_version AS "policyVersion", phase, status, risk_tier AS "riskTier", care_manager_id AS "careManagerId", team_id AS "teamId",
              member_id AS "memberId", active_plan_version AS "activePlanVersion", closure_reason AS "closureReason", opened_at AS "openedAt", phase_changed_at AS "phaseChangedAt"
       FROM cases WHERE id = $1`,
      [id],
    );
  }

  /** Ids of the member's cases (by the plan's member id, `memberRef`) that are not closed: where a registry change is sent. */
  async openCaseIdsOf(memberRef: string): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(this.dataSource, `SELECT id FROM cases WHERE member_ref = $1 AND phase <> 'closed' ORDER BY id`, [memberRef]);
    return rows.map((r) => r.id);
  }

  /** One stored plan version of the case's current episode (the plan as proposed, and when it was consented). */
  planVersion(caseId: string, version: number): Promise<{ plan: Record<string, unknown>; consentedAt: Date | null } | null> {
    return selectOne(
      this.dataSource,
      `SELECT p.plan, p.consented_at AS "consentedAt" FROM care_plan_versions p JOIN cases c ON c.id = p.case_id AND c.run_id = p.episode_id
       WHERE p.case_id = $1 AND p.version = $2`,
      [caseId, version],
    );
  }

  /**
   * Cases matching the filters, newest first, keyset-paged (stable under
   * inserts). Due times come from the open tasks the workflows keep current.
   */
  async list(filters: CaseListFilters, after: CaseListCursor | null, limit: number): Promise<CaseListItem[]> {
    const f = new SqlFilter();
    const columns: [keyof CaseListFilters, string][] = [
      ['phase', 'c.phase'],
      ['step', 'c.step'],
      ['status', 'c.status'],
      ['riskTier', 'c.risk_tier'],
      ['careManagerId', 'c.care_manager_id'],
      ['programCode', 'c.program_code'],
    ];
    for (const [key, column] of columns) {
      if (filters[key] !== undefined) {
        f.where(`${column} = ${f.param(filters[key])}`);
      }
    }
    if (filters.visibleTo !== undefined) {
      // Unassigned: the caller's team's pool and legacy cases without a team (docs/security.md).
      f.where(visibleCaseCondition(f, { visibleTo: filters.visibleTo, visibleTeam: filters.visibleTeam ?? null }));
    }
    if (filters.overdue !== undefined) {
      f.where(`${filters.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM case_tasks t WHERE t.case_id = c.id AND t.episode_id = c.run_id AND t.status = 'open' AND t.due_at < now())`);
    }
    if (after) {
      f.where(`(c.opened_at, c.id) < (${f.param(after.openedAt)}::timestamptz, ${f.param(after.id)})`);
    }
    const rows = await selectRows<Omit<CaseListItem, 'overdue'>>(
      this.dataSource,
      `SELECT c.id, c.member_ref AS "memberRef", c.program_code AS "programCode", c.phase, c.step, c.status, c.risk_tier AS "riskTier",
              c.care_manager_id AS "careManagerId", c.opened_at AS "openedAt",
              (SELECT min(t.due_at) FROM case_tasks t WHERE t.case_id = c.id AND t.episode_id = c.run_id AND t.status = 'open') AS "nextDueAt"
       FROM cases c ${f.clause}
       ORDER BY c.opened_at DESC, c.id DESC LIMIT ${f.param(limit)}`,
      f.params,
    );
    const now = Date.now();
    return rows.map((r) => ({ ...r, overdue: r.nextDueAt !== null && r.nextDueAt.getTime() < now }));
  }
}

export interface CaseListFilters {
  readonly phase?: string;
  readonly step?: string;
  readonly status?: string;
  readonly riskTier?: string;
  readonly careManagerId?: string;
  readonly programCode?: string;
  /** Only cases with an open task past its due time (true), or none (false). */
  readonly overdue?: boolean;
  /** Access scope: only cases of these care managers and unassigned ones of `visibleTeam` or of no team (absent: every case). */
  readonly visibleTo?: readonly string[];
  /** With `visibleTo`: the caller's team, whose unassigned cases the list shows. */
  readonly visibleTeam?: string | null;
}

export interface CaseListItem {
  readonly id: string;
  readonly memberRef: string;
  readonly programCode: string;
  readonly phase: CasePhase;
  readonly step: RecoveryStep | null;
  readonly status: CaseStatus;
  readonly riskTier: RiskTier | null;
  readonly careManagerId: string | null;
  readonly nextDueAt: Date | null;
  readonly overdue: boolean;
  readonly openedAt: Date;
}

/** Keyset position of the last item of a page: newest cases first, id breaking ties. */
export interface CaseListCursor {
  readonly openedAt: string;
  readonly id: string;
}
