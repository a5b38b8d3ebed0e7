import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The last health report of one worker process (readiness reads these; rows of long-gone workers simply go stale). */
@Entity({ name: 'worker_heartbeats' })
// Readiness asks for the fresh reports of one task queue.
@Index('ix_worker_heartbeats_queue_seen', ['taskQueue', 'seenAt'])
export class WorkerHeartbeatEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 }) identity!: string;
  @Column({ name: 'task_queue', type: 'varchar', length: 200 }) taskQueue!: string;
  @Column({ type: 'varchar', length: 16 }) state!: string;
  @Column({ type: 'varchar', length: 300 }) detail!: string;
  @Column({ name: 'seen_at', type: 'timestamptz' }) seenAt!: Date;
}
