import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Read model of a case, written only by the case workflow's activities.
 * The workflow is the source of truth for live state; this row serves lists,
 * joins and reports. `member_ref` is PHI: it lives here (encrypted at rest by
 * the database's storage) and never in workflow ids or search attributes.
 */
@Entity({ name: 'cases' })
@Index('ix_cases_program_phase', ['programCode', 'phase'])
@Index('ix_cases_care_manager', ['careManagerId', 'phase'])
@Index('ix_cases_opened', ['openedAt', 'id'])
export class CaseEntity {
  /** The case workflow id. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  /** Run that opened this case; a retried write from the same run is a no-op. */
  @Column({ name: 'run_id', type: 'varchar', length: 64 })
  runId!: string;

  @Column({ name: 'member_ref', type: 'varchar', length: 64 })
  memberRef!: string;

  @Column({ name: 'program_code', type: 'varchar', length: 32 })
  programCode!: string;

  @Column({ name: 'enrollment_date', type: 'date' })
  enrollmentDate!: string;

  @Column({ name: 'policy_version', type: 'varchar', length: 64 })
  policyVersion!: string;

  @Column({ type: 'varchar', length: 32 })
  phase!: string;

  @Column({ name: 'closure_reason', type: 'varchar', length: 32, nullable: true })
  closureReason!: string | null;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status!: string;

  /** Current recovery-support step (seed 003), null outside recovery support. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  step!: string | null;

  @Column({ name: 'risk_tier', type: 'varchar', length: 8, nullable: true })
  riskTier!: string | null;

  @Column({ name: 'care_manager_id', type: 'varchar', length: 64, nullable: true })
  careManagerId!: string | null;

  /** The owning team (teams.id), set when the case opens; null for legacy cases (visible as before teams existed). */
  @Index('ix_cases_team')
  @Column({ name: 'team_id', type: 'varchar', length: 64, nullable: true })
  teamId!: string | null;

  /** The registry member (members.id) the case was started for; null for cases started before the registry (issue 16). */
  @Index('ix_cases_member')
  @Column({ name: 'member_id', type: 'varchar', length: 30, nullable: true })
  memberId!: string | null;

  @Column({ name: 'active_plan_version', type: 'integer', nullable: true })
  activePlanVersion!: number | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'phase_changed_at', type: 'timestamptz' })
  phaseChangedAt!: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
