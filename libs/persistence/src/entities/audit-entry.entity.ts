import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One request that touched CareLoop data: who (subject, role), what (the
 * endpoint family and route), which case, when, from where, and the outcome.
 * Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE (migration
 * AuthAndAudit), whatever role the application connects as.
 * Never holds PHI: routes are patterns, case ids are keyed hashes, reasons
 * are PHI-free by contract.
 */
@Entity({ name: 'audit_log' })
@Index('ix_audit_log_at', ['at'])
@Index('ix_audit_log_case', ['caseId', 'at'])
@Index('ix_audit_log_actor', ['actorId', 'at'])
@Index('ix_audit_log_member', ['memberId', 'at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  /** Token subject or integration client; `anonymous` when authentication failed. */
  @Column({ name: 'actor_id', type: 'varchar', length: 128 }) actorId!: string;
  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true }) actorRole!: string | null;
  /** Endpoint family (case.read, supervisor.case, …) or `unknown` for unmatched routes. */
  @Column({ type: 'varchar', length: 48 }) action!: string;
  @Column({ type: 'varchar', length: 8 }) method!: string;
  /** The route pattern, e.g. /cases/:id/notes; never the query string. */
  @Column({ type: 'varchar', length: 200 }) route!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true }) caseId!: string | null;
  /** The registry member whose record the request read or wrote (`mbr_…`, opaque; one row per member a search returned). */
  @Column({ name: 'member_id', type: 'varchar', length: 30, nullable: true }) memberId!: string | null;
  /** allowed (2xx/3xx), denied (401/403/404 by the policy), rejected (other 4xx), failed (5xx). */
  @Column({ type: 'varchar', length: 16 }) outcome!: string;
  @Column({ type: 'smallint' }) status!: number;
  @Column({ name: 'source_ip', type: 'varchar', length: 64, nullable: true }) sourceIp!: string | null;
  /** Why, where the caller had to say (supervisor overrides, closures): PHI-free by contract. */
  @Column({ type: 'varchar', length: 1000, nullable: true }) reason!: string | null;
  @Column({ name: 'request_id', type: 'varchar', length: 64 }) requestId!: string;
}
