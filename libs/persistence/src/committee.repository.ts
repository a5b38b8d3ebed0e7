import type { DataSource } from 'typeorm';
import { execute, selectOne, selectRows } from './sql.query';

export interface CommitteeCount {
  readonly programCode: string;
  readonly phase: string;
  readonly riskTier: string | null;
  readonly open: number;
}

/**
 * One update as the committee sees it. `caseCode` is the case's random committee code; `id` is that
 * code and the update's number within the case (`cmt-….3`). Neither reveals the case id or the member.
 */
export interface CommitteeUpdateRow {
  readonly id: string;
  readonly caseCode: string;
  readonly template: string;
  readonly params: Record<string, unknown>;
  readonly at: string;
}

/** Where a page ends: the last update's time and id, as the committee saw them. */
export interface CommitteePageEnd {
  readonly at: string;
  readonly id: string;
}

const UPDATE_ID = /^(cmt-[0-9a-f]{16})\.([1-9][0-9]{0,8})$/;

// A committee code: 64 random bits (the md5 only shapes gen_random_uuid's randomness into hex), never derived from the case.
const NEW_CODE_SQL = `'cmt-' || substr(md5(gen_random_uuid()::text), 1, 16)`;

/**
 * What the committee may read (seed 003 step 9: confidential information is
 * not shared with it): counts, and the de-identified updates the case
 * workflows sent it. Never a member reference, a note or an answer.
 */
export class CommitteeRepository {
  constructor(private readonly dataSource: DataSource) {}

  openCaseCounts(): Promise<CommitteeCount[]> {
    return selectRows<CommitteeCount>(
      this.dataSource,
      `SELECT program_code AS "programCode", phase, risk_tier AS "riskTier", count(*)::int AS open FROM cases WHERE phase <> 'closed'
       GROUP BY program_code, phase, risk_tier ORDER BY program_code, phase, risk_tier NULLS FIRST`,
    );
  }

  /** Newest first, after `before` (the end of the previous page). An unknown `before` yields an empty page. */
  async updates(before: CommitteePageEnd | null, limit: number): Promise<CommitteeUpdateRow[]> {
    const after = before === null ? null : await this.keyOf(before.id);
    if (before !== null && after === null) return [];
    // seq: a bigint (row_number), so a string.
    const rows = await selectRows<{ key: string; caseId: string; seq: string; template: string; params: Record<string, unknown>; createdAt: Date }>(
      this.dataSource,
      `WITH updates AS (
         SELECT key, case_id, template, params, created_at, row_number() OVER (PARTITION BY case_id ORDER BY created_at, key) AS seq
         FROM notifications WHERE audience = 'committee')
       SELECT key, case_id AS "caseId", seq, template, params, created_at AS "createdAt" FROM updates
       WHERE $1::timestamptz IS NULL OR (created_at, key) < ($1::timestamptz, $2::varchar)
       ORDER BY created_at DESC, key DESC LIMIT $3`,
      [before?.at ?? null, after, limit],
    );
    const codes = await this.codesFor([...new Set(rows.map((r) => r.caseId))]);
    return rows.map((r) => {
      const caseCode = codes.get(r.caseId)!;
      return { id: `${caseCode}.${r.seq}`, caseCode, template: r.template, params: r.params, at: r.createdAt.toISOString() };
    });
  }

  /** Each case's committee code, made on first sight (concurrent readers agree: the first insert wins). */
  private async codesFor(caseIds: string[]): Promise<Map<string, string>> {
    if (caseIds.length === 0) return new Map();
    await execute(
      this.dataSource,
      `INSERT INTO committee_pseudonyms (case_id, code) SELECT id, ${NEW_CODE_SQL} FROM unnest($1::varchar[]) AS id ON CONFLICT (case_id) DO NOTHING`,
      [caseIds],
    );
    const rows = await selectRows<{ caseId: string; code: string }>(
      this.dataSource,
      `SELECT case_id AS "caseId", code FROM committee_pseudonyms WHERE case_id = ANY($1::varchar[])`,
      [caseIds],
    );
    return new Map(rows.map((r) => [r.caseId, r.code]));
  }

  /** The notification key behind an update id the committee was shown. */
  private async keyOf(updateId: string): Promise<string | null> {
    const m = UPDATE_ID.exec(updateId);
    if (!m) return null;
    const row = await selectOne<{ key: string }>(
      this.dataSource,
      `SELECT key FROM (
         SELECT n.key, row_number() OVER (ORDER BY n.created_at, n.key) AS seq
         FROM notifications n JOIN committee_pseudonyms p ON p.case_id = n.case_id
         WHERE p.code = $1 AND n.audience = 'committee') numbered
       WHERE seq = $2`,
      [m[1], Number(m[2])],
    );
    return row?.key ?? null;
  }
}
