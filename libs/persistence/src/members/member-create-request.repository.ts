import type { DataSource } from 'typeorm';
import { execute, selectOne } from '../sql.query';

export type CreateRequestClaim =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'done'; readonly memberId: string }
  | { readonly kind: 'in_progress' }
  | { readonly kind: 'other_body' };

/**
 * Idempotency-Key storage for POST /members (member_create_requests). The
 * first request with a key claims it (member_id null), creates the member,
 * then completes the claim; a failed create releases it. Keys are per caller.
 */
export class MemberCreateRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(actorId: string, key: string, bodyDigest: string): Promise<CreateRequestClaim> {
    const inserted = await selectOne<{ ok: number }>(
      this.dataSource,
      `INSERT INTO member_create_requests (actor_id, idempotency_key, body_digest) VALUES ($1, $2, $3)
       ON CONFLICT (actor_id, idempotency_key) DO NOTHING RETURNING 1 AS ok`,
      [actorId, key, bodyDigest],
    );
    if (inserted) return { kind: 'claimed' };
    const row = await selectOne<{ bodyDigest: string; memberId: string | null }>(
      this.dataSource,
      `SELECT body_digest AS "bodyDigest", member_id AS "memberId" FROM member_create_requests WHERE actor_id = $1 AND idempotency_key = $2`,
      [actorId, key],
    );
    if (!row) return this.claim(actorId, key, bodyDigest); // released between the two statements
    if (row.bodyDigest !== bodyDigest) return { kind: 'other_body' };
    return row.memberId ? { kind: 'done', memberId: row.memberId } : { kind: 'in_progress' };
  }

  async complete(actorId: string, key: string, memberId: string): Promise<void> {
    await execute(this.dataSource, `UPDATE member_create_requests SET member_id = $3 WHERE actor_id = $1 AND idempotency_key = $2`, [actorId, key, memberId]);
  }

  async release(actorId: string, key: string): Promise<void> {
    await execute(this.dataSource, `DELETE FROM member_create_requests WHERE actor_id = $1 AND idempotency_key = $2 AND member_id IS NULL`, [actorId, key]);
  }
}
