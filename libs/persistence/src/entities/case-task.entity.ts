import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Human work with a due time (outreach attempt, screening, assessment, plan, consent). `suspended`: open, its clock stopped by a pause. */
@Entity({ name: 'case_tasks' })
@Index('ix_case_tasks_open_due', ['status', 'dueAt'])
/** GET /supervisor/stop-participation-requests: open requests, soonest decision first. */
@Index('ix_case_tasks_stop_participation_open', ['dueAt'], { where: `kind = 'stop_participation_review' AND status = 'open'` })
export class CaseTaskEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @PrimaryColumn({ name: 'episode_id', type: 'varchar', length: 64 }) episodeId!: string;
  @PrimaryColumn({ name: 'task_key', type: 'varchar', length: 64 }) taskKey!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'open' | 'suspended' | 'done' | 'timed_out' | 'cancelled';
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}
