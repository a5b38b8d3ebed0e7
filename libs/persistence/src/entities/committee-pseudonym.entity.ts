import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The code the committee knows a case by (seed 003 step 9; HIPAA de-identification, 45 CFR
 * § 164.514(c)): random, never derived from the member or the case id, made the first time the
 * committee sees the case. Only the committee's read path joins it; no response that carries PHI does.
 */
@Entity({ name: 'committee_pseudonyms' })
export class CommitteePseudonymEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @Column({ type: 'varchar', length: 24, unique: true }) code!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
