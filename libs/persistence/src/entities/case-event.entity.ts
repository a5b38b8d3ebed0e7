import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The case's timeline and the record of everything that happened to it.
 * (case_id, episode_id, seq) is the idempotency key of the persistence
 * activity: an event is written, with its projections, exactly once.
 * `data` may hold PHI (answers, notes); `summary` never does.
 */
@Entity({ name: 'case_events' })
/**
 * An expression index (migration 1796330000000), which TypeORM cannot describe: the discharge list finds a
 * discharge's reports on the case timeline by `(case_id, data->>'reference')` among external events.
 */
@Index('ix_case_events_external_reference', { synchronize: false })
export class CaseEventEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 64 }) caseId!: string;
  @PrimaryColumn({ name: 'episode_id', type: 'varchar', length: 64 }) episodeId!: string;
  @PrimaryColumn({ type: 'integer' }) seq!: number;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 128 }) actorId!: string;
  @Column({ type: 'varchar', length: 300 }) summary!: string;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt!: Date;
}
