import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A care manager's assignment to a case episode. Open assignments (no
 * `released_at`) are the caseload counted against the cap; closing or
 * reassigning a case releases its assignment.
 */
@Entity({ name: 'case_assignments' })
@Index('ix_case_assignments_open', ['careManagerId', 'releasedAt'])
export class CaseAssignmentEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @PrimaryColumn({ name: 'episode_id', type: 'varchar', length: 64 }) episodeId!: string;
  @Column({ name: 'care_manager_id', type: 'varchar', length: 64 }) careManagerId!: string;
  @Column({ name: 'risk_tier', type: 'varchar', length: 8 }) riskTier!: string;
  @Column({ name: 'language_match', type: 'boolean' }) languageMatch!: boolean;
  @Column({ name: 'assigned_at', type: 'timestamptz' }) assignedAt!: Date;
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true }) releasedAt!: Date | null;
}
