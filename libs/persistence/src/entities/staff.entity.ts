import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TeamEntity } from './team.entity';

/** Care-team members. Loaded from the roster (CARELOOP_STAFF_FILE) or an HR feed; never deleted, only deactivated. */
@Entity({ name: 'staff' })
export class StaffEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName!: string;
  @Column({ type: 'varchar', length: 32 }) role!: string;
  /** The team's id (teams.id); null for staff outside any team. */
  @Column({ type: 'varchar', length: 64, nullable: true }) team!: string | null;
  @ManyToOne(() => TeamEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'team', referencedColumnName: 'id' })
  teamRef?: TeamEntity | null;
  /** BCP 47 tags the person works in, e.g. {en,es}. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages!: string[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** Where notices are emailed (a link to the inbox only, never clinical detail); null: inbox only. */
  @Column({ type: 'varchar', length: 254, nullable: true }) email!: string | null;
  /** E.164 number for SMS notices (same rule as email); null: none. */
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  /** Overrides the program policy's caseload cap for this person (part-time staff, leads). */
  @Column({ name: 'caseload_cap', type: 'integer', nullable: true }) caseloadCap!: number | null;
  /**
   * Open assignments (case_assignments with released_at NULL) held by this person, kept by a
   * trigger on case_assignments (migration 1796220000000) in the same transaction as every
   * assign, reassign and release, so assignment reads it under the row lock instead of recounting.
   */
  @Column({ name: 'open_caseload', type: 'integer', default: 0 }) openCaseload!: number;
}
