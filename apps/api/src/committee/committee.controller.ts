import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommitteeSummaryView, CommitteeUpdatesView } from './committee.view';
import { CommitteeRepository, type CommitteePageEnd } from '@careloop/persistence';
import { Access } from '../auth/access.decorator';
import { cursorFields, decodeCursor, encodeCursor } from '../common/page-cursor';
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
    const items = await this.committee.updates(q.cursor === undefined ? null : decodeCursor(q.cursor, pageEnd), limit);
    const last = items.at(-1);
    // The cursor holds only what the page showed (time and update id), never a case id.
    return { items, nextCursor: items.length === limit && last ? encodeCursor({ at: last.at, id: last.id }) : null };
  }
}

/** The committee page's end: the time and update id it showed last (an update id is at most 40 characters). */
function pageEnd(value: unknown): CommitteePageEnd | null {
  const c = cursorFields(value);
  return c && typeof c.at === 'string' && !Number.isNaN(Date.parse(c.at)) && typeof c.id === 'string' && c.id.length <= 40 ? { at: c.at, id: c.id } : null;
}
