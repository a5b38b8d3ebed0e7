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
