import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Screenings and assessments with the risk they produced (answers are PHI). */
@Entity({ name: 'assessments' })
export class AssessmentEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @PrimaryColumn({ name: 'episode_id', type: 'varchar', length: 64 }) episodeId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: 'screening' | 'assessment' | 'reassessment';
  @Column({ type: 'jsonb' }) answers!: Record<string, unknown>;
  @Column({ name: 'risk_tier', type: 'varchar', length: 8 }) riskTier!: string;
  @Column({ name: 'risk_score', type: 'integer' }) riskScore!: number;
  @Column({ name: 'risk_reasons', type: 'jsonb' }) riskReasons!: string[];
  @Column({ name: 'submitted_by', type: 'varchar', length: 128 }) submittedBy!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
}
