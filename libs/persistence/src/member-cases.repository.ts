import type { DataSource } from 'typeorm';
import type { CasePhase } from '@careloop/domain';
import { AccessRepository, type StoredCaseRelation } from './access.repository';
import { CaseRecordsRepository, type StoredPlanVersion } from './case-records.repository';
import { selectRows } from './sql.query';

/** One of a member's cases, with who relates to it (for the access policy) and its current episode's plan versions. */
export interface MemberCase {
  readonly id: string;
  readonly episodeId: string;
  readonly phase: CasePhase;
  readonly relation: StoredCaseRelation;
}

/**
 * A member's cases, found by `cases.member_ref` (the member's plan id: cases
 * link to members by plan id). Used by the FHIR routes to decide whether a
 * provider relates to a member and to list the member's care plans.
 */
export class MemberCasesRepository {
  private readonly access: AccessRepository;
  private readonly records: CaseRecordsRepository;

  constructor(private readonly dataSource: DataSource) {
    this.access = new AccessRepository(dataSource);
    this.records = new CaseRecordsRepository(dataSource);
  }

  async casesOf(memberRef: string): Promise<MemberCase[]> {
    const rows = await selectRows<{ id: string; episodeId: string; phase: CasePhase }>(
      this.dataSource,
      `SELECT id, run_id AS "episodeId", phase FROM cases WHERE member_ref = $1 ORDER BY opened_at, id`,
      [memberRef],
    );
    return Promise.all(
      rows.map(async (r) => ({ ...r, relation: (await this.access.relationOf(r.id)) ?? { careManagerId: null, careManagerTeam: null, caseTeam: null, providerIds: [] } })),
    );
  }

  planVersions(caseId: string): Promise<StoredPlanVersion[]> {
    return this.records.planVersions(caseId);
  }
}
