import type { DataSource } from 'typeorm';
import { execute, selectRows } from './sql.query';

export interface AuditRecord {
  readonly actorId: string;
  readonly actorRole: string | null;
  readonly action: string;
  readonly method: string;
  readonly route: string;
  readonly caseId: string | null;
  /** The member whose record was read or written (opaque registry id), else null. */
  readonly memberId?: string | null;
  readonly outcome: 'allowed' | 'denied' | 'rejected' | 'failed';
  readonly status: number;
  readonly sourceIp: string | null;
  readonly reason: string | null;
  readonly requestId: string;
}

export interface StoredAuditRecord extends AuditRecord {
  readonly id: string;
  readonly memberId: string | null;
  readonly at: string;
}

export interface AuditFilters {
  readonly caseId?: string;
  readonly memberId?: string;
  readonly actorId?: string;
  readonly action?: string;
  readonly outcome?: string;
  readonly from?: Date;
  readonly to?: Date;
}

/** The append-only audit log (see AuditEntryEntity). */
export class AuditLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(r: AuditRecord): Promise<void> {
    await execute(
      this.dataSource,
      `INSERT INTO audit_log (actor_id, actor_role, action, method, route, case_id, member_id, outcome, status, source_ip, reason, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [r.actorId, r.actorRole, r.action, r.method, r.route, r.caseId, r.memberId ?? null, r.outcome, r.status, r.sourceIp, r.reason, r.requestId],
    );
  }

  /** Newest first, keyset-paged on id (`before`: the last id of the previous page). */
  async search(f: AuditFilters, before: string | null, limit: number): Promise<StoredAuditRecord[]> {
    // id is a bigint: read as text, as the API pages with it.
    const rows = await selectRows<Omit<StoredAuditRecord, 'at'> & { at: Date }>(
      this.dataSource,
      `SELECT id::text, at, actor_id AS "actorId", actor_role AS "actorRole", action, method, route, case_id AS "caseId", member_id AS "memberId", outcome, status,
              source_ip AS "sourceIp", reason, request_id AS "requestId"
       FROM audit_log
       WHERE ($1::varchar IS NULL OR case_id = $1) AND ($2::varchar IS NULL OR actor_id = $2)
         AND ($3::varchar IS NULL OR action = $3) AND ($4::varchar IS NULL OR outcome = $4)
         AND ($5::timestamptz IS NULL OR at >= $5) AND ($6::timestamptz IS NULL OR at < $6)
         AND ($7::bigint IS NULL OR id < $7) AND ($9::varchar IS NULL OR member_id = $9)
       ORDER BY id DESC LIMIT $8`,
      [f.caseId ?? null, f.actorId ?? null, f.action ?? null, f.outcome ?? null, f.from ?? null, f.to ?? null, before, limit, f.memberId ?? null],
    );
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }
}
