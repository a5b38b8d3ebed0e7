import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { TreatmentRequest } from '@careloop/domain';
import type { UtilizationReviewView } from '@careloop/contracts';

/**
 * A utilization review (seed 004) as its workflow last reported it. Written
 * by version: a retried or late write of an older version changes nothing.
 * `request` holds the justification and document references (PHI);
 * `view` is the PHI-free state `GET /utilization-reviews/:id` falls back to.
 */
@Entity({ name: 'utilization_reviews' })
@Index('ix_utilization_reviews_status_due', ['status', 'decisionDueAt'])
@Index('ix_utilization_reviews_case', ['caseId'])
export class UtilizationReviewEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'provider_id', type: 'varchar', length: 64 }) providerId!: string;
  @Column({ name: 'member_ref', type: 'varchar', length: 64 }) memberRef!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true }) caseId!: string | null;
  @Column({ type: 'varchar', length: 16 }) urgency!: string;
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ name: 'service_code', type: 'varchar', length: 16 }) serviceCode!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'decision_due_at', type: 'timestamptz', nullable: true }) decisionDueAt!: Date | null;
  @Column({ type: 'jsonb' }) request!: TreatmentRequest;
  @Column({ type: 'jsonb' }) view!: UtilizationReviewView;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

/** Each decision of a review, initial and appeal, once per level. */
@Entity({ name: 'utilization_review_decisions' })
export class UtilizationReviewDecisionEntity {
  @PrimaryColumn({ name: 'review_id', type: 'varchar', length: 64 }) reviewId!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) level!: 'initial' | 'appeal';
  @Column({ type: 'varchar', length: 24 }) kind!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'approved_quantity', type: 'integer', nullable: true }) approvedQuantity!: number | null;
  @Column({ name: 'reviewer_id', type: 'varchar', length: 128 }) reviewerId!: string;
  @Column({ name: 'decided_at', type: 'timestamptz' }) decidedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ name: 'on_time', type: 'boolean' }) onTime!: boolean;
}
