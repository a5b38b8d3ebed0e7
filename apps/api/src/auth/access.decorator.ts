import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Permission } from './access-policy';
import type { Principal } from './principal';
import { requestContext } from './request-context';

export const ACCESS_METADATA = 'careloop:access';

/** The endpoint family a route belongs to; the access guard decides from it (apps/api/src/auth/access-policy.ts). */
export const Access = (permission: Permission) => SetMetadata(ACCESS_METADATA, permission);

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
