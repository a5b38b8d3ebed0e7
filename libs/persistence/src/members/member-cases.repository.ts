import type { DataSource } from 'typeorm';
import type { CasePhase } from '@careloop/domain';
import { AccessRepository, type StoredCaseRelation } from '../access.repository';
import { CaseRecordsRepository, type StoredPlanVersion } from '../case-records.repository';
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

/** One of a member's cases with who relates to it (for the access policy), as the FHIR routes need it. */
export interface MemberCase {
  readonly id: string;
  readonly episodeId: string;
  readonly phase: CasePhase;
  readonly relation: StoredCaseRelation;
}

/**
 * The cases of a registry member. Cases name their member by the plan's
 * member id (`cases.member_ref`); a member's cases are those under the plan
 * id of the member's current record.
 */
export class MemberCasesRepository {
  private readonly access: AccessRepository;
  private readonly records: CaseRecordsRepository;

  constructor(private readonly dataSource: DataSource) {
    this.access = new AccessRepository(dataSource);
    this.records = new CaseRecordsRepository(dataSource);
  }

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

  /** The member's cases oldest first, each with its relation (the FHIR CarePlan search decides per case). */
  async withRelations(planMemberId: string): Promise<MemberCase[]> {
    const rows = await selectRows<{ id: string; episodeId: string; phase: CasePhase }>(
      this.dataSource,
      `SELECT id, run_id AS "episodeId", phase FROM cases WHERE member_ref = $1 ORDER BY opened_at, id`,
      [planMemberId],
    );
    return Promise.all(
      rows.map(async (r) => ({ ...r, relation: (await this.access.relationOf(r.id)) ?? { careManagerId: null, careManagerTeam: null, caseTeam: null, providerIds: [] } })),
    );
  }

  planVersions(caseId: string): Promise<StoredPlanVersion[]> {
    return this.records.planVersions(caseId);
  }
}
