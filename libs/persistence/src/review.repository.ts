import type { DataSource } from 'typeorm';
import type { ComplaintRecord, ComplaintView, UtilizationReviewRecord, UtilizationReviewView } from '@careloop/contracts';
import { execute, selectOne, selectRows, type SqlRunner } from './sql.query';
import { closeItem, holdItem, openSourceItem, rescheduleItem } from './work-item.projection';

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
      const written = await selectRows(
        tx,
        `INSERT INTO utilization_reviews (id, version, provider_id, member_ref, case_id, urgency, status, service_code, received_at, decision_due_at, request, view)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, decision_due_at = EXCLUDED.decision_due_at,
           request = EXCLUDED.request, view = EXCLUDED.view, updated_at = now()
         WHERE utilization_reviews.version < EXCLUDED.version RETURNING id`,
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
      if (written.length > 0) {
        await projectReview(tx, v);
      }
    });
  }

  async findUtilizationReview(id: string): Promise<UtilizationReviewView | null> {
    const row = await selectOne<{ view: UtilizationReviewView }>(this.dataSource, 'SELECT view FROM utilization_reviews WHERE id = $1', [id]);
    return row?.view ?? null;
  }

  async saveComplaint(id: string, r: ComplaintRecord): Promise<void> {
    const v = r.view;
    await this.dataSource.transaction(async (tx) => {
      const written = await selectRows(
        tx,
        `INSERT INTO complaints (id, version, complainant_kind, complainant_id, channel, subject, case_id, status, received_at, acknowledge_by, resolve_by, summary, resolution, view)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status, resolution = EXCLUDED.resolution,
         view = EXCLUDED.view, updated_at = now()
       WHERE complaints.version < EXCLUDED.version RETURNING id`,
        [id, r.version, v.complainantKind, v.complainantId, v.channel, v.subject, v.caseId, v.status, v.receivedAt, v.acknowledgeBy, v.resolveBy, r.summary, r.resolution, JSON.stringify(v)],
      );
      if (written.length > 0) {
        await projectComplaint(tx, v);
      }
    });
  }

  async findComplaint(id: string): Promise<ComplaintView | null> {
    const row = await selectOne<{ view: ComplaintView }>(this.dataSource, 'SELECT view FROM complaints WHERE id = $1', [id]);
    return row?.view ?? null;
  }
}

/**
 * A review's work items (docs/worklists.md): the decision, then the appeal's decision, each a
 * `ur_decision` item in the supervisors' queue (`review.decide` is the supervisor's: clinical
 * reviewers hold the supervisor role), due at the decision deadline. Pended (the clock stopped):
 * the item is suspended until the information arrives. Run only when a newer version was written.
 */
async function projectReview(tx: SqlRunner, v: UtilizationReviewView): Promise<void> {
  const level = v.status === 'appeal_review' || v.decisions.some((d) => d.level === 'appeal') ? 'appeal' : 'decision';
  const id = `utilization_review:${v.reviewId}:${level}`;
  if (level === 'appeal') {
    await closeItem(tx, `utilization_review:${v.reviewId}:decision`, 'done', v.decisions.find((d) => d.level === 'initial')?.decidedAt ?? v.receivedAt);
  }
  if ((v.status === 'in_review' || v.status === 'appeal_review') && v.decisionDueAt !== null) {
    await openSourceItem(
      tx,
      { id, source: 'utilization_review', sourceId: v.reviewId, kind: 'ur_decision', taskKey: level, dueAt: v.decisionDueAt, caseId: v.caseId, openedAt: v.receivedAt },
      { role: 'supervisor', toCareManager: false },
    );
    await holdItem(tx, id, false);
    await rescheduleItem(tx, id, v.decisionDueAt);
  } else if (v.status === 'pended') {
    await holdItem(tx, id, true);
  } else {
    const decided = v.decisions.find((d) => d.level === (level === 'appeal' ? 'appeal' : 'initial'));
    await closeItem(tx, id, decided ? 'done' : 'cancelled', decided?.decidedAt ?? new Date().toISOString());
  }
}

/** A complaint's two items in the supervisors' queue: acknowledge it (by acknowledgeBy), then resolve it (by resolveBy). */
async function projectComplaint(tx: SqlRunner, v: ComplaintView): Promise<void> {
  const item = (step: 'acknowledgement' | 'resolution', dueAt: string) => ({
    id: `complaint:${v.complaintId}:${step}`,
    source: 'complaint',
    sourceId: v.complaintId,
    kind: `complaint_${step}`,
    taskKey: step,
    dueAt,
    caseId: v.caseId,
    openedAt: v.receivedAt,
  });
  const supervisors = { role: 'supervisor', toCareManager: false } as const;
  if (v.status === 'received') {
    await openSourceItem(tx, item('acknowledgement', v.acknowledgeBy), supervisors);
    return;
  }
  await closeItem(tx, item('acknowledgement', v.acknowledgeBy).id, 'done', v.acknowledgedAt ?? v.receivedAt);
  if (v.status === 'acknowledged') {
    await openSourceItem(tx, item('resolution', v.resolveBy), supervisors);
  } else {
    await closeItem(tx, item('resolution', v.resolveBy).id, 'done', v.resolvedAt ?? v.receivedAt);
  }
}
