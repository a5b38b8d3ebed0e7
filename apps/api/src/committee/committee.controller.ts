import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommitteeSummaryView, CommitteeUpdatesView } from './committee.view';
import { CommitteeRepository } from '@careloop/persistence';
import { Access } from '../auth/access.decorator';
import { ApiError } from '../common/api-error';
import { PageQuery } from '../common/page.query';

/**
 * The committee's view (seed 003 step 9): de-identified only. Counts of open
 * cases, and the updates the case workflows sent it, which carry the PHI-free
 * case id, risk tier, step and months in the program, never a member.
 */
@ApiTags('committee')
@ApiBearerAuth()
@Controller('committee')
export class CommitteeController {
  constructor(private readonly committee: CommitteeRepository) {}

  @Get('summary')
  @Access('committee.read')
  @ApiOperation({ summary: 'Open cases counted by program, phase and risk tier' })
  @ApiOkResponse({ type: CommitteeSummaryView })
  async summary() {
    return { items: await this.committee.openCaseCounts() };
  }

  @Get('updates')
  @Access('committee.read')
  @ApiOperation({ summary: 'De-identified case updates sent to the committee, newest first, paged with a cursor' })
  @ApiOkResponse({ type: CommitteeUpdatesView })
  async updates(@Query() q: PageQuery) {
    const limit = q.limit ?? 50;
    const items = await this.committee.updates(q.cursor === undefined ? null : decodeCursor(q.cursor), limit);
    const last = items.at(-1);
    return { items, nextCursor: items.length === limit && last ? Buffer.from(JSON.stringify({ at: last.at, key: last.id })).toString('base64url') : null };
  }
}

function decodeCursor(cursor: string): { at: string; key: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; key?: unknown };
    if (typeof value.at === 'string' && !Number.isNaN(Date.parse(value.at)) && typeof value.key === 'string' && value.key.length <= 160) {
      return { at: value.at, key: value.key };
    }
  } catch {
    // falls through to the 400
  }
  throw new ApiError('validation_failed', 'Invalid field(s): cursor', [{ field: 'cursor', reason: 'cursor must be the nextCursor of a previous page' }]);
}
