import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { TEAM_ID_PATTERN } from '@careloop/domain';
import { PageQuery } from '../../common/page.query';

/** Filters and paging of `GET /supervisor/stop-participation-requests`. */
export class StopParticipationQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'north', description: "Only this team's cases (within what the caller may see)." })
  @IsOptional()
  @Matches(TEAM_ID_PATTERN, { message: 'team must be a team id such as north' })
  team?: string;
}
