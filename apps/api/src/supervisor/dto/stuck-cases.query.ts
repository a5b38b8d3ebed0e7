import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageQuery } from '../../common/page.query';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PROGRAM_CODE_PATTERN, RISK_TIERS, STUCK_KINDS, type RiskTier, type StuckKind } from '@careloop/domain';

/** Filters of the stuck-case list and summary. Unknown parameters are rejected. */
export class StuckCaseFiltersQuery {
  @ApiPropertyOptional({ example: 'CCM' }) @IsOptional() @Matches(PROGRAM_CODE_PATTERN, { message: 'programCode must be a program code such as CCM' }) programCode?: string;
  @ApiPropertyOptional({ example: 'cm-17' }) @IsOptional() @Matches(/^[A-Za-z0-9_.:@-]{1,64}$/, { message: 'careManagerId must be a staff id' }) careManagerId?: string;
  @ApiPropertyOptional({ enum: RISK_TIERS }) @IsOptional() @IsIn(RISK_TIERS) riskTier?: RiskTier;
  @ApiPropertyOptional({ example: '2d', description: 'Only cases overdue by more than this: a number with s, m, h or d (at most 9999d).' })
  @IsOptional()
  // Bounded to about 27 years: 796948d reached back before year 0, a time Temporal's visibility query refuses (was a 500).
  @Matches(/^(?:\d{1,6}[sm]|\d{1,5}h|\d{1,4}d)$/, { message: 'overdueBy must be a duration such as 30m, 12h or 2d, at most 9999d' })
  overdueBy?: string;
}

/** The filters, a kind, and cursor paging. */
export class StuckCasesQuery extends IntersectionType(StuckCaseFiltersQuery, PageQuery) {
  @ApiPropertyOptional({ enum: STUCK_KINDS }) @IsOptional() @IsIn(STUCK_KINDS) kind?: StuckKind;
}
