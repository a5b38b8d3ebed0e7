import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '@careloop/contracts';
import { BooleanQuery, PageQuery } from '../../common/page.query';

/** Complaints still to be worked: listed unless a status is asked for. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['received', 'acknowledged'];

/** Filters and paging of `GET /complaints`. Unknown parameters are rejected. */
export class ListComplaintsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES, description: `Default: the open ones (${OPEN_COMPLAINT_STATUSES.join(', ')}).` })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @BooleanQuery('overdue', 'true: only complaints past their acknowledgement or resolution due time; false: only the others.')
  overdue?: boolean;
}
