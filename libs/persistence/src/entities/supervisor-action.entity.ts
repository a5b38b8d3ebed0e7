import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every supervisor action on a case (reassign, extend, nudge, retry, close),
 * with who, why and the outcome. Append-only: the application never updates
 * or deletes a row (the security work revokes those rights from its role).
 */
@Entity({ name: 'supervisor_actions' })
@Index('ix_supervisor_actions_case', ['caseId', 'at'])
export class SupervisorActionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @Column({ type: 'varchar', length: 32 }) action!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 128 }) actorId!: string;
  @Column({ type: 'varchar', length: 1000 }) reason!: string;
  /** PHI-free parameters of the action (task key, new due date, care manager id, override flag). */
  @Column({ type: 'jsonb' }) details!: Record<string, unknown>;
  /** `applied`, or the error code it was refused with. */
  @Column({ type: 'varchar', length: 48 }) outcome!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
}
