import type { Request } from 'express';
import type { Permission } from './access-policy';
import type { Principal } from './principal';

/**
 * What the access guard learned about a request, read back by the audit
 * middleware when the response is finished (also for refused requests).
 */
export interface RequestContext {
  readonly requestId: string;
  permission?: Permission | 'public';
  principal?: Principal;
  caseId?: string;
  /** Registry members whose record the request reads or writes: the audit log writes one row per member (none: one row). */
  memberIds?: readonly string[];
  /** The access policy refused (401, 403, or a 404 that hides the case). */
  denied?: boolean;
}

const CONTEXT = Symbol('careloop.request');

export function setRequestContext(req: Request, ctx: RequestContext): void {
  (req as unknown as Record<symbol, RequestContext>)[CONTEXT] = ctx;
}

export function requestContext(req: Request): RequestContext | undefined {
  return (req as unknown as Record<symbol, RequestContext | undefined>)[CONTEXT];
}

/** Names the members a route read or wrote, for the audit row(s) (ids only, never PHI). */
export function auditMembers(req: Request, memberIds: readonly string[]): void {
  const ctx = requestContext(req);
  if (ctx) ctx.memberIds = memberIds;
}
