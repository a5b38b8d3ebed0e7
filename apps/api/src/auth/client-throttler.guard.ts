import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { requestContext } from './request-context';

/**
 * Rate limit per client: the token subject or integration once the access
 * guard has run (it runs first), else the source address (public probes).
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = requestContext(req as unknown as Request)?.principal;
    return principal ? `sub:${principal.sub}` : `ip:${String((req as unknown as Request).ip)}`;
  }
}
