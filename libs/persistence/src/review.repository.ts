import type { DataSource } from 'typeorm';
import type { ComplaintRecord, ComplaintView, UtilizationReviewRecord, UtilizationReviewView } from '@careloop/contracts';
import { execute, selectOne } from './sql.query';

/**
 * Utilization reviews and complaints in Postgres. Every write is an upsert
 * guarded by the record's version, so a retried activity, or one that
 * arrives after a newer write, never moves a row backwards or duplicates it.
 */
export class ReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  async saveUtilizationReview(id: string, r: UtilizationReviewRecord): Promise<void> {
    const v = r.view;
    await this.dataSource.transaction(async (tx) => {
      await execute(
        tx,
        `INSERT INTO utilization_reviews (id, version, provider_id, member_ref, case_id, urgency, status, service_code, received_at, decision_due_at, request, view)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, decision_due_at = EXCLUDED.decision_due_at,
           request = EXCLUDED.request, view = EXCLUDED.view, updated_at = now()
         WHERE utilization_reviews.version < EXCLUDED.version`,
        [id, r.version, v.providerId, r.memberRef, v.caseId, v.urgency, v.status, v.serviceCode, v.receivedAt, v.decisionDueAt, JSON.stringify(r.request), JSON.stringify(v)],
      );
      for (const d of v.decisions) {
        const reason = d.decision.kind === 'approved' ? null : d.decision.reason;
        const approved = d.decision.kind === 'partially_approved' ? d.decision.approvedQuantity : null;
        await execute(
          tx,
          `INSERT INTO utilization_review_decisions (review_id, level, kind, reason, approved_quantity, reviewer_id, decided_at, due_at, on_time)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
          [id, d.level, d.decision.kind, reason, approved, d.reviewerId, d.decidedAt, d.dueAt, d.onTime],
        );
      }
    });
  }

  async findUtilizationReview(id: string): Promise<UtilizationReviewView | null> {
    const row = await selectOne<{ view: UtilizationReviewView }>(this.dataSource, 'SELECT view FROM utilization_reviews WHERE id = $1', [id]);
    return row?.view ?? null;
  }

  async saveComplaint(id: string, r: ComplaintRecord): Promise<void> {
    const v = r.view;
    await execute(
      this.dataSource,
      `INSERT INTO complaints (id, version, complainant_kind, complainant_id, channel, subject, case_id, status, received_at, acknowledge_by, resolve_by, summary, resolution, view)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, resolution = EXCLUDED.resolution,
         view = EXCLUDED.view, updated_at = now()
       WHERE complaints.version < EXCLUDED.version`,
      [id, r.version, v.complainantKind, v.complainantId, v.channel, v.subject, v.caseId, v.status, v.receivedAt, v.acknowledgeBy, v.resolveBy, r.summary, r.resolution, JSON.stringify(v)],
    );
  }

  async findComplaint(id: string): Promise<ComplaintView | null> {
    const row = await selectOne<{ view: ComplaintView }>(this.dataSource, 'SELECT view FROM complaints WHERE id = $1', [id]);
    return row?.view ?? null;
  }
}
