import type { DataSource } from 'typeorm';
import { CaseEntity } from './entities/case.entity';

/** Plain shape of a stored case, free of TypeORM types (the API maps it to JSON). */
export interface StoredCase {
  readonly id: string;
  readonly episodeId: string;
  readonly memberRef: string;
  readonly programCode: string;
  readonly enrollmentDate: string;
  readonly policyVersion: string;
  readonly phase: string;
  readonly status: string;
  readonly riskTier: string | null;
  readonly careManagerId: string | null;
  readonly activePlanVersion: number | null;
  readonly closureReason: string | null;
  readonly openedAt: Date;
  readonly phaseChangedAt: Date;
}

/** Reads of the case read model for the API. */
export class CaseReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<StoredCase | null> {
    const e = await this.dataSource.getRepository(CaseEntity).findOneBy({ id });
    if (e === null) {
      return null;
    }
    return {
      id: e.id,
      episodeId: e.runId,
      memberRef: e.memberRef,
      programCode: e.programCode,
      enrollmentDate: e.enrollmentDate,
      policyVersion: e.policyVersion,
      phase: e.phase,
      status: e.status,
      riskTier: e.riskTier,
      careManagerId: e.careManagerId,
      activePlanVersion: e.activePlanVersion,
      closureReason: e.closureReason,
      openedAt: e.openedAt,
      phaseChangedAt: e.phaseChangedAt,
    };
  }

  /** One stored plan version of the case's current episode (the plan as proposed, and when it was consented). */
  async planVersion(caseId: string, version: number): Promise<{ plan: Record<string, unknown>; consentedAt: Date | null } | null> {
    const rows: { plan: Record<string, unknown>; consented_at: Date | null }[] = await this.dataSource.query(
      `SELECT p.plan, p.consented_at FROM care_plan_versions p JOIN cases c ON c.id = p.case_id AND c.run_id = p.episode_id
       WHERE p.case_id = $1 AND p.version = $2`,
      [caseId, version],
    );
    return rows[0] ? { plan: rows[0].plan, consentedAt: rows[0].consented_at } : null;
  }

  /**
   * Cases matching the filters, newest first, keyset-paged (stable under
   * inserts). Due times come from the open tasks the workflows keep current.
   */
  async list(filters: CaseListFilters, after: CaseListCursor | null, limit: number): Promise<CaseListItem[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
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
        add(`${column} = ?`, filters[key]);
      }
    }
    if (filters.visibleTo !== undefined) {
      add(`(c.care_manager_id IS NULL OR c.care_manager_id = ANY(?::varchar[]))`, filters.visibleTo);
    }
    if (filters.overdue !== undefined) {
      where.push(`${filters.overdue ? '' : 'NOT '}EXISTS (SELECT 1 FROM case_tasks t WHERE t.case_id = c.id AND t.episode_id = c.run_id AND t.status = 'open' AND t.due_at < now())`);
    }
    if (after) {
      params.push(after.openedAt, after.id);
      where.push(`(c.opened_at, c.id) < ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    params.push(limit);
    const rows: {
      id: string; member_ref: string; program_code: string; phase: string; step: string | null; status: string;
      risk_tier: string | null; care_manager_id: string | null; next_due_at: Date | null; opened_at: Date;
    }[] = await this.dataSource.query(
      `SELECT c.id, c.member_ref, c.program_code, c.phase, c.step, c.status, c.risk_tier, c.care_manager_id, c.opened_at,
              (SELECT min(t.due_at) FROM case_tasks t WHERE t.case_id = c.id AND t.episode_id = c.run_id AND t.status = 'open') AS next_due_at
       FROM cases c ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY c.opened_at DESC, c.id DESC LIMIT $${params.length}`,
      params,
    );
    const now = Date.now();
    return rows.map((r) => ({
      id: r.id,
      memberRef: r.member_ref,
      programCode: r.program_code,
      phase: r.phase,
      step: r.step,
      status: r.status,
      riskTier: r.risk_tier,
      careManagerId: r.care_manager_id,
      nextDueAt: r.next_due_at,
      overdue: r.next_due_at !== null && r.next_due_at.getTime() < now,
      openedAt: r.opened_at,
    }));
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
  /** Access scope: only cases of these care managers and unassigned ones (absent: every case). */
  readonly visibleTo?: readonly string[];
}

export interface CaseListItem {
  readonly id: string;
  readonly memberRef: string;
  readonly programCode: string;
  readonly phase: string;
  readonly step: string | null;
  readonly status: string;
  readonly riskTier: string | null;
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
