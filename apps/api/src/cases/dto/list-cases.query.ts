import { ApiPropertyOptional } from '@nestjs/swagger';
import { BooleanQuery, PageQuery } from '../../common/page.query';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { CASE_PHASES, CASE_STATUSES, PROGRAM_CODE_PATTERN, RECOVERY_STEPS, RISK_TIERS } from '@careloop/domain';

/** Filters and paging of `GET /cases`. Unknown query parameters are rejected like unknown body fields. */
export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_PHASES }) @IsOptional() @IsIn(CASE_PHASES) phase?: string;
  @ApiPropertyOptional({ enum: RECOVERY_STEPS }) @IsOptional() @IsIn(RECOVERY_STEPS) step?: string;
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: RISK_TIERS }) @IsOptional() @IsIn(RISK_TIERS) riskTier?: string;
  @ApiPropertyOptional({ example: 'cm-17' }) @IsOptional() @Matches(/^[A-Za-z0-9_.:@-]{1,64}$/, { message: 'careManagerId must be a staff id' }) careManagerId?: string;
  @ApiPropertyOptional({ example: 'CCM' }) @IsOptional() @Matches(PROGRAM_CODE_PATTERN, { message: 'programCode must be a program code such as CCM' }) programCode?: string;

  @BooleanQuery('overdue', 'true: only cases with an open task past its due time; false: only cases without.')
  overdue?: boolean;

}
