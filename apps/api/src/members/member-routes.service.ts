import { Inject, Injectable } from '@nestjs/common';
import type { MemberInput, MemberView } from '@careloop/contracts';
import { MemberCasesRepository, MemberCreateRequestRepository, type MemberCaseRow } from '@careloop/persistence';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError } from '../common/api-error';
import { MemberRegistry, memberNotFound } from './member-registry.service';

/**
 * What the /members routes add to MemberRegistry: Idempotency-Key on create
 * (member_create_requests, keyed per caller, the body compared by an HMAC
 * under the index key so no PHI is stored in clear) and the member's cases.
 */
@Injectable()
export class MemberRoutesService {
  constructor(
    private readonly registry: MemberRegistry,
    private readonly requests: MemberCreateRequestRepository,
    private readonly cases: MemberCasesRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Registers a member. With a key, a repeat with the same body answers the
   * member the first request created (created false); another body under the
   * same key is 422 idempotency_key_reused; a repeat while the first is still
   * running is 409 idempotency_request_in_progress.
   */
  async create(input: MemberInput, actor: string, key?: string): Promise<{ member: MemberView; created: boolean }> {
    if (key === undefined) return { member: (await this.registry.create(input, actor)).member, created: true };
    const claim = await this.requests.claim(actor, key, this.config.memberCrypto.index.fingerprint(canonicalJson(input)));
    if (claim.kind === 'other_body') throw new ApiError('idempotency_key_reused', 'This Idempotency-Key was used for a different member body; use a new key.');
    if (claim.kind === 'in_progress') throw new ApiError('idempotency_request_in_progress', 'The first request with this Idempotency-Key is still running; retry shortly.');
    if (claim.kind === 'done') {
      const member = await this.registry.findById(claim.memberId);
      if (!member) throw memberNotFound(claim.memberId);
      return { member, created: false };
    }
    try {
      const { member } = await this.registry.create(input, actor);
      await this.requests.complete(actor, key, member.id);
      return { member, created: true };
    } catch (error) {
      await this.requests.release(actor, key);
      throw error;
    }
  }

  /** The member's cases from the read model (cases.member_ref = the member's plan id). */
  async casesOf(id: string): Promise<MemberCaseRow[]> {
    const member = await this.registry.findById(id);
    if (!member) throw memberNotFound(id);
    const planId = member.identifiers.find((i) => i.kind === 'plan')?.value;
    return planId ? this.cases.casesOf(planId) : [];
  }
}

/** JSON with object keys sorted, so the same body sent with its fields in another order is the same request. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}
