import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Every discharge event received, once per (client, source, source event id):
 * the intake record of the integrations API. Holds PHI (member, facility, PCP,
 * visit number), like the cases table. `payload_hash` tells a true resend
 * (same content) from a conflicting one (same event id, different content).
 */
@Entity({ name: 'discharge_events' })
@Index('uq_discharge_events_client_source_event', ['clientId', 'source', 'sourceEventId'], { unique: true })
@Index('uq_discharge_events_legacy_source_event', ['source', 'sourceEventId'], { unique: true, where: '"client_id" IS NULL' })
@Index('ix_discharge_events_visit', ['clientId', 'source', 'memberRef', 'visitNumber'], { where: '"visit_number" IS NOT NULL' })
@Index('ix_discharge_events_case', ['caseId', 'dischargedAt'])
/** GET /discharges: newest first, keyset-paged. */
@Index('ix_discharge_events_discharged', ['dischargedAt', 'dischargeId'])
export class DischargeEventEntity {
  /** The discharge workflow id (keyed hash of client + source + event id; of source + event id for rows before clients were keyed). */
  @PrimaryColumn({ name: 'discharge_id', type: 'varchar', length: 64 }) dischargeId!: string;
  /** The authenticated integration client that sent it (principal subject); null for rows received before it was recorded. */
  @Column({ name: 'client_id', type: 'varchar', length: 128, nullable: true }) clientId!: string | null;
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
  /** HL7 PV1-19: finds the discharge a later ADT^A08 / ADT^A13 is about. */
  @Column({ name: 'visit_number', type: 'varchar', length: 64, nullable: true }) visitNumber!: string | null;
  /** When the sender's cancellation (ADT^A13) was applied. */
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  /** When a sender's update (ADT^A08) last changed discharged_at, disposition or pcp_id (the first delivery's values are in payload_hash only). */
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true }) updatedAt!: Date | null;
  /** SHA-256 (hex) of the normalised event as first received. */
  @Column({ name: 'payload_hash', type: 'char', length: 64 }) payloadHash!: string;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt!: Date;
  /** How many times the same event was delivered again after the first. */
  @Column({ type: 'integer', default: 0 }) redeliveries!: number;
  @Column({ name: 'last_received_at', type: 'timestamptz', default: () => 'now()' }) lastReceivedAt!: Date;
}
