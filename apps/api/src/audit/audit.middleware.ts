import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type NestMiddleware, type OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AuditLogRepository, type AuditRecord } from '@careloop/persistence';
import { requestContext, setRequestContext } from '../auth/request-context';

const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,64}$/;

/**
 * Records every request to a guarded route (and every refused one) in the
 * append-only audit log when its response is finished: who, role, endpoint
 * family and route, which case, from where, status and outcome. Public probes
 * and the OpenAPI page are not recorded. Rows are written after the response, so a client never
 * waits on the audit table; shutdown waits for the rows still being written.
 */
@Injectable()
export class AuditMiddleware implements NestMiddleware, OnApplicationShutdown {
  private readonly logger = new Logger('audit');
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly audit: AuditLogRepository) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    setRequestContext(req, { requestId });
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => this.record(req, res));
    next();
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private record(req: Request, res: Response): void {
    const ctx = requestContext(req);
    const status = res.statusCode;
    // Public probes, and what Nest does not route (the OpenAPI page) unless it was refused.
    if (!ctx || ctx.permission === 'public' || (ctx.permission === undefined && status < 400)) {
      return;
    }
    const entry: AuditRecord = {
      actorId: ctx.principal?.sub ?? 'anonymous',
      actorRole: ctx.principal?.role ?? null,
      action: ctx.permission ?? (req.route ? 'unguarded' : 'unmatched'),
      method: req.method.slice(0, 8),
      // The route pattern (/cases/:id/notes); an unmatched URL is not echoed (it may carry anything).
      route: (req.route?.path as string | undefined)?.slice(0, 200) ?? '(no route)',
      caseId: ctx.caseId ?? null,
      outcome: status >= 500 ? 'failed' : ctx.denied ? 'denied' : status >= 400 ? 'rejected' : 'allowed',
      status,
      sourceIp: req.ip?.slice(0, 64) ?? null,
      reason: ctx.permission === 'supervisor.case' || ctx.permission === 'worklist.supervise' ? reasonOf(req.body) : null,
      requestId: ctx.requestId,
    };
    // A member read names its member; a search one row per member it returned (the subject of each PHI read).
    const members = ctx.memberIds && ctx.memberIds.length > 0 ? ctx.memberIds : [null];
    const write = Promise.all(members.map((memberId) => this.audit.append({ ...entry, memberId })))
      .then(() => undefined)
      .catch((err: unknown) => this.logger.error(`audit row not written (request ${entry.requestId}): ${(err as Error).name}`))
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }
}

/** Supervisor actions must say why (PHI-free by contract); the audit row keeps it. */
function reasonOf(body: unknown): string | null {
  const reason = (body as { reason?: unknown } | undefined)?.reason;
  return typeof reason === 'string' ? reason.slice(0, 1000) : null;
}
