import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { CASE_WORKFLOW_ID_PATTERN, MEMBER_ID_PATTERN, UR_WORKFLOW_ID_PATTERN, utilizationReviewQuery } from '@careloop/contracts';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { AccessRepository } from '@careloop/persistence';
import { ApiError, caseNotFound, invalidCaseId } from '../common/api-error';
import { ACCESS_METADATA } from './access.decorator';
import { decideAccess, PERMISSIONS, type Permission } from './access-policy';
import { readCredentials, sameDigest, sha256Hex } from './credentials';
import type { Principal } from './principal';
import { requestContext, type RequestContext } from './request-context';
import { StaffTeamCache } from './staff-team.cache';
import { invalidMemberId, memberNotFound, MemberRegistry } from '../members/member-registry.service';
import { InvalidCredentials, TokenVerifier } from './token-verifier';

/** The same answer for every authentication failure: it must not tell a forged token from an expired one or an unknown key. */
const UNAUTHENTICATED = 'A valid bearer token or API key is required.';

/**
 * The one place that decides who may call what (global guard): authenticates
 * the caller, then applies the access policy to the route's endpoint family
 * and, for case routes, to the caller's relationship with the case.
 * Fails closed: a route without @Access/@Public is refused.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('access');
  private staffTeams?: StaffTeamCache;

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly access: AccessRepository,
    private readonly temporal: TemporalGateway,
    private readonly members: MemberRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const ctx = requestContext(req);
    const permission = this.reflector.getAllAndOverride<Permission | 'public' | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (ctx) {
      ctx.permission = permission;
    }
    if (permission === 'public') {
      return true;
    }
    try {
      if (!permission) {
        this.logger.error(`route ${req.method} ${req.route?.path ?? '?'} has no @Access: refused`);
        throw new ApiError('forbidden', 'This endpoint is not open to any role.');
      }
      const principal = await this.authenticate(req);
      if (ctx) {
        ctx.principal = principal;
      }
      await this.authorize(req, principal, permission, ctx);
      return true;
    } catch (err) {
      if (ctx) {
        ctx.denied = true;
      }
      throw err;
    }
  }

  private async authenticate(req: Request): Promise<Principal> {
    const credentials = readCredentials(req);
    if (!credentials) {
      throw new ApiError('unauthenticated', UNAUTHENTICATED);
    }
    try {
      if (credentials.kind === 'jwt') {
        const verified = await this.verifier.verify(credentials.token);
        if (verified.role !== 'care_manager' && verified.role !== 'supervisor') {
          return verified;
        }
        // The team claim is checked against the staff table (staff-team.cache.ts): the roster wins.
        this.staffTeams ??= new StaffTeamCache(this.access);
        return { ...verified, team: await this.staffTeams.teamOf(verified.sub, verified.team) };
      }
      const stored = await this.access.integrationKeyHash(credentials.clientId);
      if (stored === null || !sameDigest(stored, sha256Hex(credentials.key))) {
        throw new InvalidCredentials('unknown or revoked API key');
      }
      return { kind: 'integration', sub: `integration:${credentials.clientId}`, role: 'integration', team: null };
    } catch (err) {
      if (err instanceof InvalidCredentials) {
        this.logger.warn(`authentication failed: ${err.message}`);
        throw new ApiError('unauthenticated', UNAUTHENTICATED);
      }
      throw err;
    }
  }

  /**
   * The submitter of a review, from Postgres, or (just after submission, before the workflow has
   * stored it) from the workflow itself. Only needed for providers: staff see every review.
   */
  private async reviewProvider(reviewId: string, principal: Principal): Promise<string | null> {
    if (principal.role !== 'provider') {
      return null;
    }
    const stored = await this.access.reviewProvider(reviewId);
    if (stored !== null) {
      return stored;
    }
    try {
      return (await this.temporal.handle(reviewId).query(utilizationReviewQuery)).providerId;
    } catch {
      return null;
    }
  }

  /**
   * A member route: the id must be well-formed (400 naming id); staff see
   * every member; a provider only their own patients, and anyone else's
   * member answers 404 member_not_found, as an unknown one does.
   */
  private async authorizeMember(param: unknown, principal: Principal, permission: Permission, ctx: RequestContext | undefined): Promise<void> {
    const memberId = typeof param === 'string' ? param : '';
    if (!MEMBER_ID_PATTERN.test(memberId)) {
      throw invalidMemberId();
    }
    if (ctx) {
      ctx.memberIds = [memberId];
    }
    if (principal.role !== 'provider') {
      return;
    }
    const member = await this.members.findById(memberId);
    const planId = member?.identifiers.find((i) => i.kind === 'plan')?.value;
    const relation = member ? { pcpProviderId: member.pcpProviderId ?? null, caseProviderIds: planId ? await this.access.memberCaseProviders(planId) : [] } : null;
    if (decideAccess(principal, permission, relation) !== 'allow') {
      throw memberNotFound(memberId);
    }
  }

  private async authorize(req: Request, principal: Principal, permission: Permission, ctx: RequestContext | undefined): Promise<void> {
    const rule = PERMISSIONS[permission];
    if (decideAccess(principal, permission, null) === 'forbidden') {
      throw new ApiError('forbidden', `The ${principal.role} role may not use this endpoint.`);
    }
    if (rule.scope === 'none') {
      return;
    }
    const param = req.params['id'];
    if (rule.scope === 'member') {
      await this.authorizeMember(param, principal, permission, ctx);
      return;
    }
    if (rule.scope === 'review') {
      const reviewId = typeof param === 'string' && UR_WORKFLOW_ID_PATTERN.test(param) ? param : null;
      // A malformed id is left to the route's own pipe (400); hiding only applies to real ids.
      if (reviewId && decideAccess(principal, permission, { providerId: await this.reviewProvider(reviewId, principal) }) !== 'allow') {
        throw new ApiError('review_not_found', `No utilization review with id ${reviewId}.`);
      }
      return;
    }
    const caseId = typeof param === 'string' ? param : '';
    if (!CASE_WORKFLOW_ID_PATTERN.test(caseId)) {
      // Same answer as ParseCaseIdPipe, which would reject it next anyway.
      throw invalidCaseId();
    }
    if (ctx) {
      ctx.caseId = caseId;
    }
    const relation = await this.access.relationOf(caseId);
    if (decideAccess(principal, permission, relation) !== 'allow') {
      throw caseNotFound(caseId);
    }
  }
}
