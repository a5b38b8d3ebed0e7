import type { DataSource } from 'typeorm';
import { selectRows } from '../sql.query';

/** A case of one member, as the member page lists it (read model; no PHI beyond what the caller already reads). */
export interface MemberCaseRow {
  readonly id: string;
  readonly programCode: string;
  readonly phase: string;
  readonly status: string;
  readonly openedAt: string;
  /** When the case reached `closed` (its last phase change), else null. */
  readonly closedAt: string | null;
  readonly careManagerId: string | null;
}

/**
 * The cases of a registry member. Cases name their member by the plan's
 * member id (`cases.member_ref`); a member's cases are those under the plan
 * id of the member's current record.
 */
export class MemberCasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async casesOf(planMemberId: string): Promise<MemberCaseRow[]> {
    const rows = await selectRows<Omit<MemberCaseRow, 'openedAt' | 'closedAt'> & { openedAt: Date; closedAt: Date | null }>(
      this.dataSource,
      `SELECT id, program_code AS "programCode", phase, status, opened_at AS "openedAt",
              CASE WHEN phase = 'closed' THEN phase_changed_at END AS "closedAt", care_manager_id AS "careManagerId"
       FROM cases WHERE member_ref = $1 ORDER BY opened_at DESC, id`,
      [planMemberId],
    );
    return rows.map((r) => ({ ...r, openedAt: r.openedAt.toISOString(), closedAt: r.closedAt ? r.closedAt.toISOString() : null }));
  }
}
