import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The provider directory (issue 16): who a PCP, a review or a provider token names, and where their
 * notices go. Never deleted, only deactivated (timelines keep naming old ids). Not member PHI.
 */
@Entity({ name: 'providers' })
export class ProviderEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  /** One entry per NPI: the natural key integration feeds name a PCP by. */
  @Index('providers_npi_key', { unique: true }) @Column({ type: 'char', length: 10 }) npi!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'varchar', length: 32 }) role!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) organization!: string | null;
  /** `{kind:'email'|'direct', address}` or `{kind:'webhook', url}` (libs/contracts ProviderEndpoint). */
  @Column({ type: 'jsonb' }) endpoint!: Record<string, string>;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** Name search (`GET /providers?name=`) is a case-insensitive substring match. */
  @Index('providers_name_lower_idx') @Column({ name: 'name_lower', type: 'varchar', length: 200 }) nameLower!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
