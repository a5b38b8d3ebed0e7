import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { UR_URGENCIES, type UrUrgency } from '@careloop/domain';
import { UR_STATUSES, type UrStatus } from '@careloop/contracts';
import { BooleanQuery, PageQuery } from '../../common/page.query';

/** The reviews a reviewer works: awaiting information or a decision. */
export const OPEN_UR_STATUSES: readonly UrStatus[] = ['pended', 'in_review', 'appeal_review'];

/** Filters and paging of `GET /utilization-reviews`. Unknown parameters are rejected. */
export class ListUtilizationReviewsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: UR_STATUSES, description: `Default: the open ones (${OPEN_UR_STATUSES.join(', ')}).` })
  @IsOptional()
  @IsIn(UR_STATUSES)
  status?: UrStatus;

  @ApiPropertyOptional({ enum: UR_URGENCIES }) @IsOptional() @IsIn(UR_URGENCIES) urgency?: UrUrgency;

  @BooleanQuery('overdue', 'true: only reviews whose decision clock runs and has passed its due time; false: only the others.')
  overdue?: boolean;
}
