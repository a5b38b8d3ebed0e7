import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An integration (a hospital's ADT feed, an enrollment file drop) and the
 * SHA-256 of its API key. The key itself is shown once when it is created
 * (npm run integration-key) and never stored; keys are random 256-bit
 * strings, so a plain hash is enough (no password-style stretching needed).
 */
@Entity({ name: 'integration_clients' })
export class IntegrationClientEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName!: string;
  @Column({ name: 'key_sha256', type: 'char', length: 64 }) keySha256!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  /**
   * Where this client's HL7 v2 messages carry the plan member id (@careloop/domain HL7_MEMBER_ID_PLACES) and its
   * qualifier (type code, assigning authority, or IN1 plan id). Null: PID-3 typed MB, else the first (as before issue 16).
   */
  @Column({ name: 'hl7_member_id_place', type: 'varchar', length: 16, nullable: true }) hl7MemberIdPlace!: string | null;
  @Column({ name: 'hl7_member_id_qualifier', type: 'varchar', length: 64, nullable: true }) hl7MemberIdQualifier!: string | null;
}
