import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DUPLICATE_RESOLUTIONS, type DuplicateResolution } from '@careloop/domain';

/**
 * GET /members: exactly one way to search, exact match only —
 * `planMemberId`, or `family` + `birthDate` (+ `given`). Which combination
 * was sent is checked by the controller (memberSearchOf) so that a mix names
 * its parameters. Values are PHI: they go to the blind index, never a log.
 */
export class MemberSearchQuery {
  @ApiPropertyOptional({ example: 'M-000123', maxLength: 64 }) @IsOptional() @IsString() @Length(1, 64) planMemberId?: string;
  @ApiPropertyOptional({ example: 'Nunez', maxLength: 100 }) @IsOptional() @IsString() @Length(1, 100) family?: string;
  @ApiPropertyOptional({ format: 'date', example: '1956-03-14' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date written YYYY-MM-DD' })
  birthDate?: string;
  @ApiPropertyOptional({ example: 'Ana Maria', maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) given?: string;
}

export const DUPLICATE_STATUSES = ['open', 'resolved', 'all'] as const;

export class MemberDuplicatesQuery {
  @ApiPropertyOptional({ enum: DUPLICATE_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(DUPLICATE_STATUSES, { message: `status must be one of ${DUPLICATE_STATUSES.join(', ')}` })
  status?: (typeof DUPLICATE_STATUSES)[number];
}

export class ResolveDuplicateDto {
  @ApiProperty({ enum: DUPLICATE_RESOLUTIONS })
  @IsIn(DUPLICATE_RESOLUTIONS, { message: `resolution must be one of ${DUPLICATE_RESOLUTIONS.join(', ')}` })
  resolution!: DuplicateResolution;
}
