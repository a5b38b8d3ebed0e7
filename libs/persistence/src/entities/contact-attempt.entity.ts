import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Outreach attempts of the screening phase: every attempt documented (seed 002 §5.1.1). */
@Entity({ name: 'contact_attempts' })
export class ContactAttemptEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @PrimaryColumn({ name: 'episode_id', type: 'varchar', length: 64 }) episodeId!: string;
  @PrimaryColumn({ type: 'integer' }) number!: number;
  @Column({ type: 'varchar', length: 16 }) channel!: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ type: 'varchar', length: 16, nullable: true }) outcome!: string | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true }) recordedAt!: Date | null;
  @Column({ name: 'recorded_by', type: 'varchar', length: 128, nullable: true }) recordedBy!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
