import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One recipient × channel of an outbox notification (issue 17). Its own status, attempts and
 * last error, so one failing recipient or channel does not hold back the others and a retry
 * does not resend what was delivered. `not_before`: quiet hours, a retry's back-off, or a
 * sender's lease; the worker's delivery sweeper sends pending rows once it has passed.
 * No address is stored: the sender reads the contact at send time (PHI stays in its registry).
 */
@Entity({ name: 'notification_deliveries' })
@Index('ix_notification_deliveries_due', ['status', 'notBefore'])
export class NotificationDeliveryEntity {
  @PrimaryColumn({ name: 'notification_key', type: 'varchar', length: 160 }) notificationKey!: string;
  /** `staff:<id>` or `member:<id>`. */
  @PrimaryColumn({ type: 'varchar', length: 160 }) recipient!: string;
  @PrimaryColumn({ type: 'varchar', length: 16 }) channel!: string;
  @Column({ type: 'varchar', length: 8 }) language!: string;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone!: string;
  @Column({ type: 'varchar', length: 16 }) status!: 'pending' | 'delivered' | 'failed';
  @Column({ type: 'integer', default: 0 }) attempts!: number;
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError!: string | null;
  @Column({ name: 'not_before', type: 'timestamptz' }) notBefore!: Date;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
}
