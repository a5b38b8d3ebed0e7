import type { DataSource } from 'typeorm';

export interface CommitteeCount {
  readonly programCode: string;
  readonly phase: string;
  readonly riskTier: string | null;
  readonly open: number;
}

export interface CommitteeUpdateRow {
  readonly id: string;
  readonly caseId: string;
  readonly template: string;
  readonly params: Record<string, unknown>;
  readonly at: string;
}

/**
 * What the committee may read (seed 003 step 9: confidential information is
 * not shared with it): counts, and the de-identified updates the case
 * workflows sent it. Never a member reference, a note or an answer.
 */
export class CommitteeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async openCaseCounts(): Promise<CommitteeCount[]> {
    const rows: { program_code: string; phase: string; risk_tier: string | null; open: number }[] = await this.dataSource.query(
      `SELECT program_code, phase, risk_tier, count(*)::int AS open FROM cases WHERE phase <> 'closed'
       GROUP BY program_code, phase, risk_tier ORDER BY program_code, phase, risk_tier NULLS FIRST`,
    );
    return rows.map((r) => ({ programCode: r.program_code, phase: r.phase, riskTier: r.risk_tier, open: r.open }));
  }

  /** Newest first; `before` is the key of the last row of the previous page. */
  async updates(before: { at: string; key: string } | null, limit: number): Promise<CommitteeUpdateRow[]> {
    const rows: { key: string; case_id: string; template: string; params: Record<string, unknown>; created_at: Date }[] = await this.dataSource.query(
      `SELECT key, case_id, template, params, created_at FROM notifications
       WHERE audience = 'committee' AND ($1::timestamptz IS NULL OR (created_at, key) < ($1::timestamptz, $2::varchar))
       ORDER BY created_at DESC, key DESC LIMIT $3`,
      [before?.at ?? null, before?.key ?? null, limit],
    );
    return rows.map((r) => ({ id: r.key, caseId: r.case_id, template: r.template, params: r.params, at: r.created_at.toISOString() }));
  }
}
