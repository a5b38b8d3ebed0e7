import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuthorisedRepresentative, MemberDuplicateFlag, MemberInput } from '@careloop/contracts';
import type { DuplicateReason, DuplicateResolution } from '@careloop/domain';
import { execute, selectOne, selectRows, type SqlRunner } from '../sql.query';
import type { BlindIndex, IndexEntry } from './blind-index';
import { FieldCipher } from './field-cipher';

/** The record as stored: the input with every representative carrying its registry id. */
export type MemberRecord = Omit<MemberInput, 'representatives'> & { readonly representatives: readonly AuthorisedRepresentative[] };

export interface StoredMember {
  readonly id: string;
  readonly version: number;
  readonly record: MemberRecord;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface StoredMemberVersion {
  readonly version: number;
  readonly record: MemberRecord;
  readonly changedBy: string;
  readonly changedAt: string;
}

/** The plan id is registered to another member already (the API's 409). */
export class PlanMemberIdTaken extends Error {
  constructor(readonly memberId: string) {
    super('the plan member id is registered to another member');
    this.name = 'PlanMemberIdTaken';
  }
}

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** `<prefix>_` + 26 Crockford base32 characters of randomness (130 bits), never derived from member data. */
export function newRegistryId(prefix: 'mbr' | 'rep' | 'dup'): string {
  const bytes = randomBytes(26);
  return `${prefix}_${Array.from(bytes, (b) => CROCKFORD[b & 31]).join('')}`;
}

interface Row {
  id: string;
  version: number;
  record: string;
  createdAt: Date;
  updatedAt: Date;
}

const MEMBER_COLUMNS = `m.id, m.version, m.record, m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;
const FLAG_COLUMNS = `id, member_a AS "a", member_b AS "b", reason, flagged_by AS "flaggedBy", flagged_at AS "flaggedAt",
  resolution, resolved_by AS "resolvedBy", resolved_at AS "resolvedAt"`;

interface FlagRow {
  id: string;
  a: string;
  b: string;
  reason: DuplicateReason;
  flaggedBy: string;
  flaggedAt: Date;
  resolution: DuplicateResolution | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
}

/**
 * The member registry's store (issue 16). Records are encrypted documents
 * (AAD: the member id, and the version for member_versions); search is by
 * blind index only. Every change appends a version, so no value is lost.
 * Possible duplicates (same normalised given + family name and birth date,
 * different plan id) are flagged in the same transaction as the create,
 * never merged.
 */
export class MemberRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly index: BlindIndex,
  ) {}

  /** Creates version 1; throws PlanMemberIdTaken when the plan id is registered already. */
  async create(record: MemberRecord, changedBy: string, at: Date = new Date()): Promise<{ member: StoredMember; duplicateFlagIds: string[] }> {
    const id = newRegistryId('mbr');
    const entries = this.entriesOf(record);
    const planEntry = entries.find((e) => e.kind === 'plan')!;
    try {
      return await this.dataSource.transaction(async (tx) => {
        await execute(
          tx,
          `INSERT INTO members (id, version, key_id, record, created_by, created_at, updated_at) VALUES ($1, 1, $2, $3, $4, $5, $5)`,
          [id, this.cipher.activeKeyId, this.cipher.encrypt(JSON.stringify(record), id), changedBy, at],
        );
        await this.appendVersion(tx, id, 1, record, changedBy, at);
        await this.writeIndex(tx, id, entries);
        const duplicateFlagIds = await this.flagDuplicates(tx, id, entries, changedBy, at);
        return { member: { id, version: 1, record, createdAt: at.toISOString(), updatedAt: at.toISOString() }, duplicateFlagIds };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_member_search_plan')) {
        const owner = await this.findIdBy(planEntry);
        throw new PlanMemberIdTaken(owner ?? '');
      }
      throw error;
    }
  }

  /**
   * Replaces the record when the stored version is `expectedVersion`: the
   * answer is the new member, or why not. A plan id moved onto another
   * member's throws PlanMemberIdTaken.
   */
  async update(id: string, expectedVersion: number, record: MemberRecord, changedBy: string, at: Date = new Date()): Promise<StoredMember | 'not_found' | 'version_mismatch'> {
    const entries = this.entriesOf(record);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const current = await selectOne<{ version: number; createdAt: Date }>(tx, `SELECT version, created_at AS "createdAt" FROM members WHERE id = $1 FOR UPDATE`, [id]);
        if (!current) return 'not_found';
        if (current.version !== expectedVersion) return 'version_mismatch';
        const version = current.version + 1;
        await execute(tx, `UPDATE members SET version = $2, key_id = $3, record = $4, updated_at = $5 WHERE id = $1`, [
          id,
          version,
          this.cipher.activeKeyId,
          this.cipher.encrypt(JSON.stringify(record), id),
          at,
        ]);
        await this.appendVersion(tx, id, version, record, changedBy, at);
        await execute(tx, `DELETE FROM member_search_index WHERE member_id = $1`, [id]);
        await this.writeIndex(tx, id, entries);
        return { id, version, record, createdAt: current.createdAt.toISOString(), updatedAt: at.toISOString() };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'uq_member_search_plan')) throw new PlanMemberIdTaken((await this.findIdBy(entries.find((e) => e.kind === 'plan')!)) ?? '');
      throw error;
    }
  }

  async findById(id: string): Promise<StoredMember | null> {
    const row = await selectOne<Row>(this.dataSource, `SELECT ${MEMBER_COLUMNS} FROM members m WHERE m.id = $1`, [id]);
    return row ? this.open(row) : null;
  }

  async findByPlanId(planMemberId: string): Promise<StoredMember | null> {
    return (await this.searchBy(this.index.planId(planMemberId)))[0] ?? null;
  }

  /** Exact match on family name and birth date, and on the given names too when they are passed. */
  searchByName(family: string, birthDate: string, given?: string): Promise<StoredMember[]> {
    return this.searchBy(given === undefined ? this.index.familyBirth(family, birthDate) : this.index.givenFamilyBirth(given, family, birthDate));
  }

  async versions(id: string): Promise<StoredMemberVersion[]> {
    const rows = await selectRows<{ version: number; record: string; changedBy: string; changedAt: Date }>(
      this.dataSource,
      `SELECT version, record, changed_by AS "changedBy", changed_at AS "changedAt" FROM member_versions WHERE member_id = $1 ORDER BY version DESC`,
      [id],
    );
    return rows.map((r) => ({
      version: r.version,
      record: JSON.parse(this.cipher.decrypt(r.record, `${id}#${r.version}`)) as MemberRecord,
      changedBy: r.changedBy,
      changedAt: r.changedAt.toISOString(),
    }));
  }

  async duplicateFlags(status: 'open' | 'resolved' | 'all'): Promise<MemberDuplicateFlag[]> {
    const where = status === 'open' ? 'WHERE resolution IS NULL' : status === 'resolved' ? 'WHERE resolution IS NOT NULL' : '';
    const rows = await selectRows<FlagRow>(this.dataSource, `SELECT ${FLAG_COLUMNS} FROM member_duplicate_flags ${where} ORDER BY flagged_at DESC, id LIMIT 500`);
    return rows.map(flagView);
  }

  async duplicateFlag(id: string): Promise<MemberDuplicateFlag | null> {
    const row = await selectOne<FlagRow>(this.dataSource, `SELECT ${FLAG_COLUMNS} FROM member_duplicate_flags WHERE id = $1`, [id]);
    return row ? flagView(row) : null;
  }

  /** Open flags naming the member (MemberView.openDuplicateFlags). */
  async openFlagIdsFor(memberId: string): Promise<string[]> {
    const rows = await selectRows<{ id: string }>(
      this.dataSource,
      `SELECT id FROM member_duplicate_flags WHERE resolution IS NULL AND (member_a = $1 OR member_b = $1) ORDER BY flagged_at, id`,
      [memberId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Resolves an open flag once: a repeat with the same resolution answers the
   * flag unchanged; a different resolution of a resolved flag is 'already_resolved'.
   */
  async resolveFlag(id: string, resolution: DuplicateResolution, resolvedBy: string, at: Date = new Date()): Promise<MemberDuplicateFlag | 'not_found' | 'already_resolved'> {
    const row = await selectOne<FlagRow>(
      this.dataSource,
      `WITH r AS (UPDATE member_duplicate_flags SET resolution = $2, resolved_by = $3, resolved_at = $4 WHERE id = $1 AND resolution IS NULL RETURNING *)
       SELECT id, member_a AS "a", member_b AS "b", reason, flagged_by AS "flaggedBy", flagged_at AS "flaggedAt", resolution, resolved_by AS "resolvedBy", resolved_at AS "resolvedAt" FROM r`,
      [id, resolution, resolvedBy, at],
    );
    if (row) return flagView(row);
    const existing = await this.duplicateFlag(id);
    if (!existing) return 'not_found';
    return existing.resolution === resolution ? existing : 'already_resolved';
  }

  /**
   * Rewrites up to `batch` rows of members and member_versions still under a
   * key other than the active one; answers how many it rewrote (0: done).
   * Each row is re-read and compared under its lock, so a concurrent update is never overwritten.
   */
  async reencryptBatch(batch = 200): Promise<number> {
    const active = this.cipher.activeKeyId;
    return this.dataSource.transaction(async (tx) => {
      const members = await selectRows<{ id: string; record: string }>(tx, `SELECT id, record FROM members WHERE key_id <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED`, [active, batch]);
      for (const m of members) {
        const plain = this.cipher.decrypt(m.record, m.id);
        await execute(tx, `UPDATE members SET key_id = $2, record = $3 WHERE id = $1`, [m.id, active, this.cipher.encrypt(plain, m.id)]);
      }
      const versions = await selectRows<{ memberId: string; version: number; record: string }>(
        tx,
        `SELECT member_id AS "memberId", version, record FROM member_versions WHERE key_id <> $1 LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [active, batch],
      );
      for (const v of versions) {
        const aad = `${v.memberId}#${v.version}`;
        await execute(tx, `UPDATE member_versions SET key_id = $3, record = $4 WHERE member_id = $1 AND version = $2`, [
          v.memberId,
          v.version,
          active,
          this.cipher.encrypt(this.cipher.decrypt(v.record, aad), aad),
        ]);
      }
      return members.length + versions.length;
    });
  }

  /** How many rows each key id still protects (for the operator before retiring a key). */
  keyUsage(): Promise<{ keyId: string; rows: number }[]> {
    return selectRows(
      this.dataSource,
      `SELECT key_id AS "keyId", count(*)::int AS rows FROM (SELECT key_id FROM members UNION ALL SELECT key_id FROM member_versions) k GROUP BY key_id ORDER BY key_id`,
    );
  }

  private entriesOf(record: MemberRecord): IndexEntry[] {
    const plan = record.identifiers.filter((i) => i.kind === 'plan');
    if (plan.length !== 1) throw new Error('a member record has exactly one plan identifier (validate before storing)');
    const entries: IndexEntry[] = [
      this.index.planId(plan[0]!.value),
      ...record.identifiers.filter((i) => i.kind !== 'plan').map((i) => this.index.identifier(i.kind, i.value, i.system)),
      this.index.familyBirth(record.name.family, record.birthDate),
      this.index.givenFamilyBirth(record.name.given, record.name.family, record.birthDate),
    ];
    // Two identifiers with the same kind, system and value index once.
    return entries.filter((e, i) => entries.findIndex((o) => o.kind === e.kind && o.digest === e.digest) === i);
  }

  private async appendVersion(tx: SqlRunner, id: string, version: number, record: MemberRecord, changedBy: string, at: Date): Promise<void> {
    await execute(tx, `INSERT INTO member_versions (member_id, version, key_id, record, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      id,
      version,
      this.cipher.activeKeyId,
      this.cipher.encrypt(JSON.stringify(record), `${id}#${version}`),
      changedBy,
      at,
    ]);
  }

  private async writeIndex(tx: SqlRunner, id: string, entries: readonly IndexEntry[]): Promise<void> {
    await execute(tx, `INSERT INTO member_search_index (member_id, kind, digest) SELECT $1, k, d FROM unnest($2::varchar[], $3::char(64)[]) AS e(k, d)`, [
      id,
      entries.map((e) => e.kind),
      entries.map((e) => e.digest),
    ]);
  }

  private async flagDuplicates(tx: SqlRunner, id: string, entries: readonly IndexEntry[], by: string, at: Date): Promise<string[]> {
    const same = entries.find((e) => e.kind === 'given_family_birth')!;
    const others = await selectRows<{ memberId: string }>(
      tx,
      `SELECT member_id AS "memberId" FROM member_search_index WHERE kind = $1 AND digest = $2 AND member_id <> $3 ORDER BY member_id`,
      [same.kind, same.digest, id],
    );
    const ids: string[] = [];
    for (const other of others) {
      const flagId = newRegistryId('dup');
      await execute(tx, `INSERT INTO member_duplicate_flags (id, member_a, member_b, reason, flagged_by, flagged_at) VALUES ($1, $2, $3, 'same_name_and_birth_date', $4, $5)`, [
        flagId,
        other.memberId,
        id,
        by,
        at,
      ]);
      ids.push(flagId);
    }
    return ids;
  }

  private async searchBy(entry: IndexEntry): Promise<StoredMember[]> {
    const rows = await selectRows<Row>(
      this.dataSource,
      `SELECT ${MEMBER_COLUMNS} FROM member_search_index s JOIN members m ON m.id = s.member_id WHERE s.kind = $1 AND s.digest = $2 ORDER BY m.created_at, m.id LIMIT 50`,
      [entry.kind, entry.digest],
    );
    return rows.map((r) => this.open(r));
  }

  private async findIdBy(entry: IndexEntry): Promise<string | null> {
    const row = await selectOne<{ memberId: string }>(this.dataSource, `SELECT member_id AS "memberId" FROM member_search_index WHERE kind = $1 AND digest = $2`, [entry.kind, entry.digest]);
    return row?.memberId ?? null;
  }

  private open(row: Row): StoredMember {
    return {
      id: row.id,
      version: row.version,
      record: JSON.parse(this.cipher.decrypt(row.record, row.id)) as MemberRecord,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
}

function flagView(r: FlagRow): MemberDuplicateFlag {
  return {
    id: r.id,
    memberIds: [r.a, r.b],
    reason: r.reason,
    flaggedAt: r.flaggedAt.toISOString(),
    flaggedBy: r.flaggedBy,
    resolution: r.resolution,
    resolvedBy: r.resolvedBy,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = e.driverError?.code ?? e.code;
  const name = e.driverError?.constraint ?? e.constraint;
  return code === '23505' && name === constraint;
}
