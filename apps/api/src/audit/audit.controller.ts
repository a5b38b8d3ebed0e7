import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditPageView } from './audit.view';
import { AuditLogRepository } from '@careloop/persistence';
import { Access } from '../auth/access.decorator';
import { ApiError } from '../common/api-error';
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
    if (q.cursor !== undefined && !/^\d{1,19}$/.test(q.cursor)) {
      throw new ApiError('validation_failed', 'Invalid field(s): cursor', [{ field: 'cursor', reason: 'cursor must be the nextCursor of a previous page' }]);
    }
    const items = await this.audit.search(
      { caseId: q.caseId, actorId: q.actorId, action: q.action, outcome: q.outcome, from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined },
      q.cursor ?? null,
      limit,
    );
    return { items, nextCursor: items.length === limit ? items[items.length - 1]!.id : null };
  }
}
