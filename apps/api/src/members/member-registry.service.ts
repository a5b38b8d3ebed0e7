import { Inject, Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthorisedRepresentative, MemberDuplicateFlag, MemberInput, MemberSummary, MemberVersionView, MemberView } from '@careloop/contracts';
import { validateMemberRecord, type DuplicateResolution } from '@careloop/domain';
import { MemberRepository, newRegistryId, PlanMemberIdTaken, type MemberRecord, type StoredMember } from '@careloop/persistence';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError, fieldError, fieldErrors } from '../common/api-error';

/** What an intake gets back: the member, whether this call registered it, and the flag it raised (never a merge). */
export interface CreateOrMatchResult {
  readonly member: MemberView;
  readonly created: boolean;
  readonly duplicateFlagId?: string;
}

/**
 * The member registry (issue 16) as the rest of the API uses it: the members
 * routes, and case start and the intakes (next wave). Validates with the
 * domain rules (`today` in UTC), assigns representative ids, and maps the
 * repository's answers to problem details. Never logs or echoes a record:
 * errors name fields and member ids only.
 */
@Injectable()
export class MemberRegistry {
  private readonly repo: MemberRepository;

  constructor(@Inject(getDataSourceToken()) dataSource: DataSource, @Inject(API_CONFIG) config: ApiConfig) {
    this.repo = new MemberRepository(dataSource, config.memberCrypto.cipher, config.memberCrypto.index);
  }

  async findById(id: string): Promise<MemberView | null> {
    const stored = await this.repo.findById(id);
    return stored ? this.view(stored) : null;
  }

  async findByPlanId(planMemberId: string): Promise<MemberView | null> {
    const stored = await this.repo.findByPlanId(planMemberId);
    return stored ? this.view(stored) : null;
  }

  /** Registers a new member; `409 member_plan_id_taken` when the plan id is registered already, `400` for bad input. */
  async create(input: MemberInput, actor: string): Promise<{ member: MemberView; duplicateFlagIds: readonly string[] }> {
    const record = this.newRecord(input);
    try {
      const { member, duplicateFlagIds } = await this.repo.create(record, actor);
      return { member: await this.view(member), duplicateFlagIds };
    } catch (error) {
      if (error instanceof PlanMemberIdTaken) throw planIdTaken(error.memberId);
      throw error;
    }
  }

  /**
   * For intakes: the member registered under the input's plan id (created
   * false, the stored record unchanged), or a new member (created true, with
   * the duplicate flag it raised, if any). Two concurrent calls for one plan
   * id register it once: the loser of the race reads the winner's member.
   */
  async createOrMatch(input: MemberInput, actor: string): Promise<CreateOrMatchResult> {
    const record = this.newRecord(input);
    const planId = record.identifiers.find((i) => i.kind === 'plan')!.value;
    const existing = await this.repo.findByPlanId(planId);
    if (existing) return { member: await this.view(existing), created: false };
    try {
      const { member, duplicateFlagIds } = await this.repo.create(record, actor);
      return { member: await this.view(member), created: true, ...(duplicateFlagIds[0] ? { duplicateFlagId: duplicateFlagIds[0] } : {}) };
    } catch (error) {
      if (!(error instanceof PlanMemberIdTaken)) throw error;
      const winner = await this.repo.findByPlanId(planId);
      if (!winner) throw error;
      return { member: await this.view(winner), created: false };
    }
  }

  /**
   * Full replace at `expectedVersion` (If-Match). Representatives sent back
   * with their id keep it; without one they get a new `rep_…` id; an id the
   * record does not have is a 400 naming the entry.
   */
  async replace(id: string, expectedVersion: number, input: MemberInput, actor: string): Promise<MemberView> {
    const current = await this.repo.findById(id);
    if (!current) throw memberNotFound(id);
    const record = this.recordOf(input, new Set(current.record.representatives.map((r) => r.id)));
    try {
      const result = await this.repo.update(id, expectedVersion, record, actor);
      if (result === 'not_found') throw memberNotFound(id);
      if (result === 'version_mismatch') throw new ApiError('member_version_mismatch', `Member ${id} changed since version ${expectedVersion}; read it again and resend.`);
      return await this.view(result);
    } catch (error) {
      if (error instanceof PlanMemberIdTaken) throw planIdTaken(error.memberId);
      throw error;
    }
  }

  async versions(id: string): Promise<MemberVersionView[] | null> {
    const versions = await this.repo.versions(id);
    if (versions.length === 0) return null;
    return versions.map((v) => ({ version: v.version, changedAt: v.changedAt, changedBy: v.changedBy, record: v.record }));
  }

  async searchByPlanId(planMemberId: string): Promise<MemberSummary[]> {
    const stored = await this.repo.findByPlanId(planMemberId);
    return stored ? [summary(stored)] : [];
  }

  async searchByName(family: string, birthDate: string, given?: string): Promise<MemberSummary[]> {
    return (await this.repo.searchByName(family, birthDate, given)).map(summary);
  }

  duplicateFlags(status: 'open' | 'resolved' | 'all'): Promise<MemberDuplicateFlag[]> {
    return this.repo.duplicateFlags(status);
  }

  async resolveDuplicate(flagId: string, resolution: DuplicateResolution, actor: string): Promise<MemberDuplicateFlag> {
    const result = await this.repo.resolveFlag(flagId, resolution, actor);
    if (result === 'not_found') throw new ApiError('duplicate_flag_not_found', `No duplicate flag with id ${flagId}.`);
    if (result === 'already_resolved') throw new ApiError('duplicate_flag_resolved', `Duplicate flag ${flagId} is already resolved with another resolution.`);
    return result;
  }

  private newRecord(input: MemberInput): MemberRecord {
    return this.recordOf(input, new Set());
  }

  private recordOf(input: MemberInput, knownRepresentativeIds: ReadonlySet<string>): MemberRecord {
    const today = new Date().toISOString().slice(0, 10);
    const issues = validateMemberRecord(input, today);
    input.representatives.forEach((r, i) => {
      if (r.id !== undefined && !knownRepresentativeIds.has(r.id)) issues.push({ field: `representatives[${i}].id`, reason: 'Not a representative of this member; leave id out for a new one.' });
    });
    if (issues.length > 0) throw fieldErrors(issues);
    const representatives: AuthorisedRepresentative[] = input.representatives.map((r) => ({ ...r, id: r.id ?? newRegistryId('rep') }));
    return { ...input, representatives };
  }

  private async view(stored: StoredMember): Promise<MemberView> {
    return {
      ...stored.record,
      id: stored.id,
      version: stored.version,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      openDuplicateFlags: await this.repo.openFlagIdsFor(stored.id),
    };
  }
}

export function memberNotFound(id: string): ApiError {
  return new ApiError('member_not_found', `No member with id ${id}.`);
}

function planIdTaken(memberId: string): ApiError {
  return new ApiError('member_plan_id_taken', `The plan member id is registered to member ${memberId}.`);
}

function summary(m: StoredMember): MemberSummary {
  return {
    id: m.id,
    name: m.record.name,
    birthDate: m.record.birthDate,
    planMemberId: m.record.identifiers.find((i) => i.kind === 'plan')?.value ?? null,
    preferredLanguage: m.record.preferredLanguage,
  };
}

/** A field error for a malformed member id in a route (before any lookup). */
export function invalidMemberId(): ApiError {
  return fieldError('id', 'id must be a member id such as mbr_0123456789abcdefghjkmnpqrs');
}
