import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommitteeSummaryView, CommitteeUpdatesView } from './committee.view';
import { CommitteeRepository, type CommitteePageEnd } from '@careloop/persistence';
import { Access } from '../auth/access.decorator';
import { ApiError } from '../common/api-error';
import { PageQuery } from '../common/page.query';

/**
 * The committee's view (seed 003 step 9): de-identified only. Counts of open
 * cases, and the updates the case workflows sent it: risk tier, step and months
 * in the program, under the case's random committee code (never the case id,
 * which is derived from the member reference, and never a member).
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
    // The cursor holds only what the page showed (time and update id), never a case id.
    return { items, nextCursor: items.length === limit && last ? Buffer.from(JSON.stringify({ at: last.at, id: last.id })).toString('base64url') : null };
  }
}

function decodeCursor(cursor: string): CommitteePageEnd {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { at?: unknown; id?: unknown };
    if (typeof value.at === 'string' && !Number.isNaN(Date.parse(value.at)) && typeof value.id === 'string' && value.id.length <= 40) {
      return { at: value.at, id: value.id };
    }
  } catch {
    // falls through to the 400
  }
  throw new ApiError('validation_failed', 'Invalid field(s): cursor', [{ field: 'cursor', reason: 'cursor must be the nextCursor of a previous page' }]);
}
