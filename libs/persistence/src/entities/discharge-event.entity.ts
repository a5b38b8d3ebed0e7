import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every discharge event received, once per (source, source event id): the
 * intake record of the integrations API. Holds PHI (member, facility, PCP),
 * like the cases table. `payload_hash` tells a true resend (same content)
 * from a conflicting one (same event id, different content).
 */
@Entity({ name: 'discharge_events' })
@Index('uq_discharge_events_source_event', ['source', 'sourceEventId'], { unique: true })
@Index('ix_discharge_events_case', ['caseId', 'dischargedAt'])
export class DischargeEventEntity {
  /** The discharge workflow id (keyed hash of source + event id). */
  @PrimaryColumn({ name: 'discharge_id', type: 'varchar', length: 64 }) dischargeId!: string;
  @Column({ type: 'varchar', length: 64 }) source!: string;
  @Column({ name: 'source_event_id', type: 'varchar', length: 128 }) sourceEventId!: string;
  @Column({ type: 'varchar', length: 16 }) format!: string;
  @Column({ name: 'member_ref', type: 'varchar', length: 64 }) memberRef!: string;
  @Column({ name: 'program_code', type: 'varchar', length: 32 }) programCode!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @Column({ name: 'discharged_at', type: 'timestamptz' }) dischargedAt!: Date;
  @Column({ name: 'facility_id', type: 'varchar', length: 64, nullable: true }) facilityId!: string | null;
  @Column({ name: 'facility_name', type: 'varchar', length: 200, nullable: true }) facilityName!: string | null;
  @Column({ type: 'varchar', length: 32, nullable: true }) disposition!: string | null;
  @Column({ name: 'pcp_id', type: 'varchar', length: 64, nullable: true }) pcpId!: string | null;
  /** SHA-256 (hex) of the normalised event. */
  @Column({ name: 'payload_hash', type: 'char', length: 64 }) payloadHash!: string;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt!: Date;
  /** How many times the same event was delivered again after the first. */
  @Column({ type: 'integer', default: 0 }) redeliveries!: number;
  @Column({ name: 'last_received_at', type: 'timestamptz', default: () => 'now()' }) lastReceivedAt!: Date;
}
