import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { TEAM_ID_PATTERN } from '@careloop/domain';
import { CASE_WORKFLOW_ID_PATTERN, DISCHARGE_STATUSES, type DischargeStatus } from '@careloop/contracts';
import { BooleanQuery, PageQuery } from '../../common/page.query';

/** Filters and paging of `GET /discharges`. Unknown parameters are rejected. */
export class ListDischargesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: DISCHARGE_STATUSES }) @IsOptional() @IsIn(DISCHARGE_STATUSES) status?: DischargeStatus;

  @BooleanQuery('overdue', 'true: only discharges with a transition-of-care task past its deadline and not done; false: only those without.')
  overdue?: boolean;

  @ApiPropertyOptional({ example: 'case-ccm-0123456789abcdef01234567' })
  @IsOptional()
  @Matches(CASE_WORKFLOW_ID_PATTERN, { message: 'caseId must be a case id such as case-ccm-0123456789abcdef01234567' })
  caseId?: string;

  @ApiPropertyOptional({ example: 'north', description: "Only discharges of this team's cases (within what the caller may see)." })
  @IsOptional()
  @Matches(TEAM_ID_PATTERN, { message: 'team must be a team id such as north' })
  team?: string;
}
