import type { DataSource } from 'typeorm';
import { execute, selectOne, selectRows } from './sql.query';
import { HL7_MEMBER_ID_PLACES, type Hl7MemberIdPlace, type Hl7MemberIdRule } from '@careloop/domain';

/** A case's relationships that the API's access policy decides on (PHI-free ids only). */
export interface StoredCaseRelation {
  readonly careManagerId: string | null;
  readonly careManagerTeam: string | null;
  /** The team the case belongs to (cases.team_id); null for legacy cases. */
  readonly caseTeam: string | null;
  readonly providerIds: readonly string[];
}

/** Reads for authorization: who relates to a case, who is on a team. */
export class AccessRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The named care manager and their team, and the providers who relate to
   * the case: the member's current PCP (the last `pcp_changed`) and every
   * provider who reported on it. Null when the case is not in the read model yet.
   */
  async relationOf(caseId: string): Promise<StoredCaseRelation | null> {
    const row = await selectOne<{ careManagerId: string | null; careManagerTeam: string | null; caseTeam: string | null; providerIds: string[] | null }>(
      this.dataSource,
      `SELECT c.care_manager_id AS "careManagerId", s.team AS "careManagerTeam", c.team_id AS "caseTeam",
              ARRAY(
                SELECT DISTINCT p FROM (
                  SELECT e.data->>'providerId' AS p FROM case_events e WHERE e.case_id = c.id AND e.kind = 'provider_report_received'
                  UNION ALL
                  SELECT (SELECT e.data->>'to' FROM case_events e WHERE e.case_id = c.id AND e.kind = 'pcp_changed' ORDER BY e.at DESC, e.seq DESC LIMIT 1)
                ) x WHERE p IS NOT NULL
              ) AS "providerIds"
       FROM cases c LEFT JOIN staff s ON s.id = c.care_manager_id
       WHERE c.id = $1`,
      [caseId],
    );
    return row ? { ...row, providerIds: row.providerIds ?? [] } : null;
  }

  /**
   * The providers related to any case of a member (cases.member_ref = the
   * member's plan id): each case's current PCP and its treating providers,
   * as relationOf counts them.
   */
  async memberCaseProviders(planMemberId: string): Promise<string[]> {
    const rows = await selectRows<{ p: string }>(
      this.dataSource,
      `SELECT DISTINCT p FROM cases c, LATERAL (
         SELECT e.data->>'providerId' AS p FROM case_events e WHERE e.case_id = c.id AND e.kind = 'provider_report_received'
         UNION ALL
         SELECT (SELECT e.data->>'to' FROM case_events e WHERE e.case_id = c.id AND e.kind = 'pcp_changed' ORDER BY e.at DESC, e.seq DESC LIMIT 1)
       ) x
       WHERE c.member_ref = $1 AND p IS NOT NULL`,
      [planMemberId],
    );
    return rows.map((r) => r.p);
  }

  /** A staff member's team: undefined when the id is not on the roster; null when inactive or in no team. */
  async staffTeam(id: string): Promise<string | null | undefined> {
    const row = await selectOne<{ team: string | null }>(this.dataSource, `SELECT CASE WHEN active THEN team END AS team FROM staff WHERE id = $1`, [id]);
    return row === null ? undefined : row.team;
  }

  /** Active staff on the team (ids only). */
  async teamMembers(team: string): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(this.dataSource, `SELECT id FROM staff WHERE team = $1 AND active ORDER BY id`, [team]);
    return rows.map((r) => r.id);
  }

  /** The provider who submitted a utilization review (null until its workflow has stored it). */
  async reviewProvider(reviewId: string): Promise<string | null> {
    const row = await selectOne<{ providerId: string }>(this.dataSource, `SELECT provider_id AS "providerId" FROM utilization_reviews WHERE id = $1`, [reviewId]);
    return row?.providerId ?? null;
  }

  async integrationKeyHash(clientId: string): Promise<string | null> {
    const row = await selectOne<{ keySha256: string }>(
      this.dataSource,
      `SELECT key_sha256 AS "keySha256" FROM integration_clients WHERE id = $1 AND revoked_at IS NULL`,
      [clientId],
    );
    return row?.keySha256 ?? null;
  }

  /** Creates the client or replaces its key (rotation: the old key stops working at once). */
  async saveIntegrationKey(clientId: string, displayName: string, keySha256: string): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO integration_clients (id, display_name, key_sha256) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, key_sha256 = EXCLUDED.key_sha256, revoked_at = NULL`,
      [clientId, displayName, keySha256],
    );
  }

  /** Where the client's HL7 messages carry the member id; null: not configured (or no such client, e.g. an OIDC-token integration). */
  async hl7MemberIdRule(clientId: string): Promise<Hl7MemberIdRule | null> {
    const row = await selectOne<{ place: string | null; qualifier: string | null }>(
      this.dataSource,
      `SELECT hl7_member_id_place AS place, hl7_member_id_qualifier AS qualifier FROM integration_clients WHERE id = $1`,
      [clientId],
    );
    if (!row?.place || !(HL7_MEMBER_ID_PLACES as readonly string[]).includes(row.place)) return null;
    return { place: row.place as Hl7MemberIdPlace, qualifier: row.qualifier };
  }

  /** Sets (or with null clears) where the client's HL7 messages carry the member id. */
  async saveHl7MemberIdRule(clientId: string, rule: Hl7MemberIdRule | null): Promise<void> {
    await execute(this.dataSource, `UPDATE integration_clients SET hl7_member_id_place = $2, hl7_member_id_qualifier = $3 WHERE id = $1`, [
      clientId,
      rule?.place ?? null,
      rule?.qualifier ?? null,
    ]);
  }
}
