import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Timeline sequence numbers are Postgres `integer`s: a larger cursor is no cursor (and was a 500). */
const MAX_SEQ = 2_147_483_647;

/** Paging of `GET /cases/:id/timeline`: entries after sequence number `after`, `limit` at a time. */
export class TimelineQuery {
  @ApiPropertyOptional({ default: 0, description: 'nextCursor of the previous page (a timeline sequence number).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'after must be a whole number' })
  @Min(0)
  @Max(MAX_SEQ)
  after?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(200)
  limit?: number;
}
