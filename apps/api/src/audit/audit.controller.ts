import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditPageView } from './audit.view';
import { AuditLogRepository } from '@careloop/persistence';
import { Access } from '../auth/access.decorator';
import { cursorFields, decodeCursor, encodeCursor } from '../common/page-cursor';
import { AuditQuery } from './audit.query';

/** The audit log, newest first, for admins (security officers). Reading it is itself audited. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLogRepository) {}

  @Get()
  @Access('audit.read')
  @ApiOperation({ summary: 'Audit records, newest first, filtered by case, actor, endpoint family, outcome and time; paged with a cursor' })
  @ApiOkResponse({ type: AuditPageView })
  async list(@Query() q: AuditQuery) {
    const limit = q.limit ?? 50;
    const items = await this.audit.search(
      { caseId: q.caseId, memberId: q.memberId, actorId: q.actorId, action: q.action, outcome: q.outcome, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined },
      q.cursor === undefined ? null : decodeCursor(q.cursor, auditRecordId),
      limit,
    );
    return { items, nextCursor: items.length === limit ? encodeCursor({ id: items[items.length - 1]!.id }) : null };
  }
}

const MAX_BIGINT = 2n ** 63n - 1n;

/** The audit page's end: the id of the last record it showed (a Postgres bigint, written as digits). */
function auditRecordId(value: unknown): string | null {
  const id = cursorFields(value)?.id;
  return typeof id === 'string' && /^\d{1,19}$/.test(id) && BigInt(id) <= MAX_BIGINT ? id : null;
}
