import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A person's in-app message (issue 17): the rendered detail of one notification for one
 * recipient. Unique per (recipient, notification key), so a retried delivery activity writes
 * it once. The text is rendered from PHI-free params; it stays behind authentication.
 */
@Entity({ name: 'inbox_messages' })
@Index('ux_inbox_messages_recipient_key', ['recipientId', 'notificationKey'], { unique: true })
@Index('ix_inbox_messages_recipient_created', ['recipientId', 'createdAt', 'id'])
export class InboxMessageEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The staff id (the token subject) the message is for. */
  @Column({ name: 'recipient_id', type: 'varchar', length: 128 }) recipientId!: string;
  @Column({ name: 'notification_key', type: 'varchar', length: 160 }) notificationKey!: string;
  @Column({ type: 'varchar', length: 64 }) template!: string;
  @Column({ type: 'varchar', length: 300 }) subject!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'varchar', length: 8 }) language!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true }) caseId!: string | null;
  @Column({ name: 'work_item_id', type: 'varchar', length: 200, nullable: true }) workItemId!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) link!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
