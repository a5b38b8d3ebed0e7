import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The member registry (issue 16). Every PHI value is inside `record`, one
 * AES-256-GCM document (libs/persistence/src/members/field-cipher.ts) whose
 * key is named in `key_id`; the clear columns are the opaque id, the version
 * and timestamps only. Search goes through member_search_index.
 */
@Entity({ name: 'members' })
export class MemberEntity {
  @PrimaryColumn({ type: 'varchar', length: 30 }) id!: string;
  @Column({ type: 'integer' }) version!: number;
  @Index('idx_members_key_id')
  @Column({ name: 'key_id', type: 'varchar', length: 32 }) keyId!: string;
  @Column({ type: 'text' }) record!: string;
  @Column({ name: 'created_by', type: 'varchar', length: 128 }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** Every version a member record had (version 1 is the create), never rewritten except by re-encryption. */
@Entity({ name: 'member_versions' })
export class MemberVersionEntity {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 30 }) memberId!: string;
  @PrimaryColumn({ type: 'integer' }) version!: number;
  @Index('idx_member_versions_key_id')
  @Column({ name: 'key_id', type: 'varchar', length: 32 }) keyId!: string;
  @Column({ type: 'text' }) record!: string;
  @Column({ name: 'changed_by', type: 'varchar', length: 128 }) changedBy!: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
}

/**
 * HMAC blind indexes of the current record, one row per searchable value. A
 * plan id belongs to one member only (the partial unique index is the 409).
 */
@Entity({ name: 'member_search_index' })
@Index('idx_member_search_lookup', ['kind', 'digest'])
@Index('uq_member_search_plan', ['digest'], { unique: true, where: `kind = 'plan'` })
export class MemberSearchIndexEntity {
  @PrimaryColumn({ name: 'member_id', type: 'varchar', length: 30 }) memberId!: string;
  @PrimaryColumn({ type: 'varchar', length: 24 }) kind!: string;
  @PrimaryColumn({ type: 'char', length: 64 }) digest!: string;
}

/** Two members that may be the same person; a person resolves the flag, nothing is merged. */
@Entity({ name: 'member_duplicate_flags' })
@Index('uq_member_duplicate_pair', ['memberA', 'memberB', 'reason'], { unique: true })
export class MemberDuplicateFlagEntity {
  @PrimaryColumn({ type: 'varchar', length: 30 }) id!: string;
  @Column({ name: 'member_a', type: 'varchar', length: 30 }) memberA!: string;
  @Column({ name: 'member_b', type: 'varchar', length: 30 }) memberB!: string;
  @Column({ type: 'varchar', length: 32 }) reason!: string;
  @Column({ name: 'flagged_by', type: 'varchar', length: 128 }) flaggedBy!: string;
  @Column({ name: 'flagged_at', type: 'timestamptz' }) flaggedAt!: Date;
  @Index('idx_member_duplicate_open')
  @Column({ type: 'varchar', length: 32, nullable: true }) resolution!: string | null;
  @Column({ name: 'resolved_by', type: 'varchar', length: 128, nullable: true }) resolvedBy!: string | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
}

/**
 * POST /members with an Idempotency-Key: the key (per caller), an HMAC of the
 * body under the index key (equality only, never the body), and the member it
 * created. member_id is null while the first request is still creating it.
 */
@Entity({ name: 'member_create_requests' })
export class MemberCreateRequestEntity {
  @PrimaryColumn({ name: 'actor_id', type: 'varchar', length: 128 }) actorId!: string;
  @PrimaryColumn({ name: 'idempotency_key', type: 'varchar', length: 100 }) idempotencyKey!: string;
  @Column({ name: 'body_digest', type: 'char', length: 64 }) bodyDigest!: string;
  @Column({ name: 'member_id', type: 'varchar', length: 30, nullable: true }) memberId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
