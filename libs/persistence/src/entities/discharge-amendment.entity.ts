import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DischargeEventEntity } from './discharge-event.entity';

/**
 * A sender's update (ADT^A08) or cancellation (ADT^A13) of a discharge it
 * sent, once per (client, source, source event id), stored when it was
 * applied to the discharge workflow. Holds PHI (PCP) like discharge_events.
 */
@Entity({ name: 'discharge_amendments' })
@Index('uq_discharge_amendments_client_source_event', ['clientId', 'source', 'sourceEventId'], { unique: true })
@Index('ix_discharge_amendments_discharge', ['dischargeId', 'receivedAt'])
export class DischargeAmendmentEntity {
  /** Keyed hash of client + source + event id: the workflow update id. */
  @PrimaryColumn({ name: 'amendment_id', type: 'varchar', length: 64 }) amendmentId!: string;
  @Column({ name: 'client_id', type: 'varchar', length: 128 }) clientId!: string;
  @Column({ type: 'varchar', length: 64 }) source!: string;
  @Column({ name: 'source_event_id', type: 'varchar', length: 128 }) sourceEventId!: string;
  /** `update` or `cancel`. */
  @Column({ type: 'varchar', length: 16 }) kind!: string;
  @Column({ name: 'message_type', type: 'varchar', length: 16 }) messageType!: string;
  @Column({ name: 'discharge_id', type: 'varchar', length: 64 }) dischargeId!: string;
  /** Declares the foreign key only (the schema; no repository loads the relation). */
  @ManyToOne(() => DischargeEventEntity, { nullable: false })
  @JoinColumn({ name: 'discharge_id', referencedColumnName: 'dischargeId', foreignKeyConstraintName: 'FK_discharge_amendments_discharge' })
  discharge?: DischargeEventEntity;
  /** `update`: the details it changed (null: not changed). */
  @Column({ name: 'discharged_at', type: 'timestamptz', nullable: true }) dischargedAt!: Date | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) disposition!: string | null;
  @Column({ name: 'pcp_id', type: 'varchar', length: 64, nullable: true }) pcpId!: string | null;
  /** The sender's recorded time (EVN-2, else MSH-7). */
  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true }) occurredAt!: Date | null;
  @Column({ name: 'payload_hash', type: 'char', length: 64 }) payloadHash!: string;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt!: Date;
  @Column({ type: 'integer', default: 0 }) redeliveries!: number;
  @Column({ name: 'last_received_at', type: 'timestamptz', default: () => 'now()' }) lastReceivedAt!: Date;
}
