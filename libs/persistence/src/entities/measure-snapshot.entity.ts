import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MeasureStratum } from '@careloop/domain';

/**
 * The nightly measure snapshots (issue 18): one measure's value for one UTC day and scope, written by
 * the snapshot schedule's activity (a rerun of a day replaces its rows). `program_code` / `team_id`
 * hold ALL_SCOPE (`*`) for "all". Aggregates only: counts and values, never a member.
 */
@Entity({ name: 'measure_snapshots' })
export class MeasureSnapshotEntity {
  @PrimaryColumn({ type: 'date' }) day!: string;
  @PrimaryColumn({ name: 'program_code', type: 'varchar', length: 32 }) programCode!: string;
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 64 }) teamId!: string;
  @PrimaryColumn({ name: 'measure_id', type: 'varchar', length: 64 }) measureId!: string;
  @Column({ type: 'double precision' }) numerator!: number;
  @Column({ type: 'double precision' }) denominator!: number;
  @Column({ type: 'double precision', nullable: true }) value!: number | null;
  @Column({ type: 'double precision', nullable: true }) median!: number | null;
  @Column({ type: 'jsonb' }) strata!: MeasureStratum[];
  @Column({ name: 'computed_at', type: 'timestamptz' }) computedAt!: Date;
}
