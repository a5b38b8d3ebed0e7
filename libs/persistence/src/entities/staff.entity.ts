import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Care-team members. Loaded from the roster (CARELOOP_STAFF_FILE) or an HR feed; never deleted, only deactivated. */
@Entity({ name: 'staff' })
export class StaffEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ name: 'display_name', type: 'varchar', length: 200 }) displayName!: string;
  @Column({ type: 'varchar', length: 32 }) role!: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) team!: string | null;
  /** BCP 47 tags the person works in, e.g. {en,es}. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages!: string[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** Overrides the program policy's caseload cap for this person (part-time staff, leads). */
  @Column({ name: 'caseload_cap', type: 'integer', nullable: true }) caseloadCap!: number | null;
}
