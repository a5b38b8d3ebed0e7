import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A person's notification preferences (`PUT /me/notification-preferences`); no row: the defaults (docs/notifications.md). */
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  /** The token subject (a staff id). */
  @PrimaryColumn({ name: 'person_id', type: 'varchar', length: 128 }) personId!: string;
  /** Channels besides the inbox: email, sms. */
  @Column({ type: 'text', array: true }) channels!: string[];
  @Column({ name: 'quiet_start', type: 'varchar', length: 5, nullable: true }) quietStart!: string | null;
  @Column({ name: 'quiet_end', type: 'varchar', length: 5, nullable: true }) quietEnd!: string | null;
  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true }) timeZone!: string | null;
  @Column({ type: 'varchar', length: 8 }) language!: string;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
