import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiForbiddenResponse, ApiNotFoundResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { PERMISSIONS, type Permission } from './access-policy';
import type { Principal } from './principal';
import { requestContext } from './request-context';

export const ACCESS_METADATA = 'careloop:access';

/**
 * The endpoint family a route belongs to; the access guard decides from it
 * (apps/api/src/auth/access-policy.ts). It also declares, in the OpenAPI
 * document, what that guard may answer on the route: 401, 403, and — for
 * families scoped to the case or review in `:id` — the 404 that hides a case
 * from an unrelated caller.
 */
export const Access = (permission: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, permission),
    ApiUnauthorizedResponse({ description: 'No valid bearer token or API key.' }),
    ApiForbiddenResponse({ description: 'The caller\'s role may not use this endpoint.' }),
    ...(PERMISSIONS[permission].scope === 'none' ? [] : [ApiNotFoundResponse({ description: `No such ${PERMISSIONS[permission].scope}, or none the caller may see.` })]),
  );

/** No authentication: liveness and readiness probes only. */
export const Public = () => SetMetadata(ACCESS_METADATA, 'public');

/** The authenticated caller (the guard has run, so there always is one on a non-public route). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = requestContext(ctx.switchToHttp().getRequest<Request>())?.principal;
  if (!principal) {
    throw new Error('CurrentPrincipal used on a route without authentication');
  }
  return principal;
});

/** Who acts, recorded on the timeline and in the audit log: the caller's token subject. */
export const ActorId = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const principal = requestContext(ctx.switchToHttp().getRequest<Request>())?.principal;
  if (!principal) {
    throw new Error('ActorId used on a route without authentication');
  }
  return principal.sub;
});
