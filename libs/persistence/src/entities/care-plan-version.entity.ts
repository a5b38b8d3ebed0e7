import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every revision of the care plan is kept; consent makes a version active. */
@Entity({ name: 'care_plan_versions' })
export class CarePlanVersionEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @PrimaryColumn({ name: 'episode_id', type: 'varchar', length: 64 }) episodeId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Column({ type: 'jsonb' }) plan!: Record<string, unknown>;
  @Column({ name: 'proposed_by', type: 'varchar', length: 128 }) proposedBy!: string;
  @Column({ name: 'proposed_at', type: 'timestamptz' }) proposedAt!: Date;
  @Column({ type: 'jsonb', nullable: true }) consent!: Record<string, unknown> | null;
  @Column({ name: 'consented_at', type: 'timestamptz', nullable: true }) consentedAt!: Date | null;
}
