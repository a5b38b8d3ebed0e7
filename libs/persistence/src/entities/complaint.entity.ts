import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ComplaintView } from '@careloop/contracts';

/** A complaint (seed 000) as its workflow last reported it; written by version. `summary` and `resolution` may hold PHI. */
@Entity({ name: 'complaints' })
@Index('ix_complaints_status_resolve_by', ['status', 'resolveBy'])
@Index('ix_complaints_case', ['caseId'])
export class ComplaintEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'complainant_kind', type: 'varchar', length: 16 }) complainantKind!: string;
  @Column({ name: 'complainant_id', type: 'varchar', length: 64 }) complainantId!: string;
  @Column({ type: 'varchar', length: 16 }) channel!: string;
  @Column({ type: 'varchar', length: 16 }) subject!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true }) caseId!: string | null;
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'acknowledge_by', type: 'timestamptz' }) acknowledgeBy!: Date;
  @Column({ name: 'resolve_by', type: 'timestamptz' }) resolveBy!: Date;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'text', nullable: true }) resolution!: string | null;
  @Column({ type: 'jsonb' }) view!: ComplaintView;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
