import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A care team: the unit that owns cases and whose care managers share the
 * automatic assignment pool (care-manager-assignment.repository.ts). Never
 * deleted, only deactivated; staff.team references it.
 */
@Entity({ name: 'teams' })
export class TeamEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  /** Program codes the team serves (e.g. {CCM}); empty serves none. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) programs!: string[];
  /** Regions served, e.g. US state codes {WA,OR}. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) regions!: string[];
  @Column({ type: 'boolean', default: true }) active!: boolean;
}
