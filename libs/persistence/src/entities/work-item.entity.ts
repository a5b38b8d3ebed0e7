import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Work items (issue 17): the projection of every open piece of human work, whichever workflow
 * owns it (case task, discharge transition-of-care task, utilization review, complaint,
 * escalation). Written by the event projections in the same transaction as the events; the
 * workflow stays the source of truth for the work, this row only adds who holds it.
 * Owner: `owner_staff_id` (a named person), else the queue of `owner_team_id` (null: the
 * organisation-wide queue) for `owner_role`. Worklist reads go through the partial indexes on
 * open items only, so closed history does not slow them: a person's list, a team's queue, and a
 * team's whole open work (the supervisor's view).
 */
@Entity({ name: 'work_items' })
@Index('ix_work_items_person_open', ['ownerStaffId', 'dueAt'], { where: `status IN ('open', 'suspended') AND owner_staff_id IS NOT NULL` })
@Index('ix_work_items_queue_open', ['ownerTeamId', 'ownerRole', 'dueAt'], { where: `status IN ('open', 'suspended') AND owner_staff_id IS NULL` })
@Index('ix_work_items_team_open', ['ownerTeamId', 'dueAt'], { where: `status IN ('open', 'suspended')` })
@Index('ix_work_items_case', ['caseId'])
export class WorkItemEntity {
  /** `<source>:<source id>:<task key>` (WORK_ITEM_ID_PATTERN). */
  @PrimaryColumn({ type: 'varchar', length: 200 }) id!: string;
  @Column({ type: 'varchar', length: 24 }) source!: string;
  /** The owning workflow's id (case id, discharge id, review id, complaint id). */
  @Column({ name: 'source_id', type: 'varchar', length: 100 }) sourceId!: string;
  /** The case episode (cases.run_id) for case items, so a re-enrolment's items stay apart. */
  @Column({ name: 'episode_id', type: 'varchar', length: 64, nullable: true }) episodeId!: string | null;
  @Column({ type: 'varchar', length: 40 }) kind!: string;
  @Column({ name: 'task_key', type: 'varchar', length: 80 }) taskKey!: string;
  @Column({ type: 'varchar', length: 16 }) status!: string;
  @Column({ type: 'varchar', length: 8 }) priority!: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt!: Date | null;
  @Column({ name: 'missed_at', type: 'timestamptz', nullable: true }) missedAt!: Date | null;
  @Column({ name: 'owner_staff_id', type: 'varchar', length: 64, nullable: true }) ownerStaffId!: string | null;
  @Column({ name: 'owner_team_id', type: 'varchar', length: 64, nullable: true }) ownerTeamId!: string | null;
  @Column({ name: 'owner_role', type: 'varchar', length: 16 }) ownerRole!: string;
  /** Set when a person took the item from a queue (release clears it and the owner). */
  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true }) claimedAt!: Date | null;
  @Column({ name: 'case_id', type: 'varchar', length: 64, nullable: true }) caseId!: string | null;
  @Column({ name: 'member_id', type: 'varchar', length: 30, nullable: true }) memberId!: string | null;
  @Column({ name: 'program_code', type: 'varchar', length: 32, nullable: true }) programCode!: string | null;
  @Column({ name: 'risk_tier', type: 'varchar', length: 8, nullable: true }) riskTier!: string | null;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
