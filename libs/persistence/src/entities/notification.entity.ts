import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Notification outbox with delivery state. The key (case id + purpose) makes
 * delivery idempotent; attempts and the last error make a failing channel
 * visible. Params are PHI-free by contract.
 */
@Entity({ name: 'notifications' })
@Index('ix_notifications_status', ['status'])
@Index('ix_notifications_case', ['caseId', 'createdAt'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 160 }) key!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @Column({ type: 'varchar', length: 16 }) audience!: string;
  @Column({ type: 'varchar', length: 16 }) channel!: string;
  @Column({ type: 'varchar', length: 64 }) template!: string;
  @Column({ type: 'jsonb' }) params!: Record<string, unknown>;
  @Column({ type: 'varchar', length: 16 }) status!: 'pending' | 'delivered' | 'failed';
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
  /** When the current run of failures began (cleared on delivery): "failing since" for supervisors. */
  @Column({ name: 'first_failed_at', type: 'timestamptz', nullable: true }) firstFailedAt!: Date | null;
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true }) lastAttemptAt!: Date | null;
}
