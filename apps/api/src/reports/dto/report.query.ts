import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { TREND_GRANULARITIES, type TrendGranularity } from '@careloop/contracts';
import { MEASURE_IDS, PROGRAM_CODE_PATTERN, TEAM_ID_PATTERN, type MeasureId, type MeasureOutcome } from '@careloop/domain';

const MONTH = /^\d{4}-\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MEASURE_OUTCOMES: readonly MeasureOutcome[] = ['met', 'not_met', 'excluded'];

/**
 * What a report covers: a month (`period`) or a range of days (`from`, `to`), exactly one of the two
 * (checked by the service: resolvePeriod), and optionally one program and one team. Unknown
 * parameters are refused (400 naming them).
 */
export class ReportScopeQueryDto {
  @ApiPropertyOptional({ example: '2026-11', description: 'A calendar month (UTC), YYYY-MM. Either this or from and to.' })
  @IsOptional()
  @Matches(MONTH, { message: 'period must be a month YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'The first day (UTC), YYYY-MM-DD; with to.' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a calendar date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'The last day (UTC, inclusive), YYYY-MM-DD; with from; at most 367 days after it.' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a calendar date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ example: 'CCM' })
  @IsOptional()
  @Matches(PROGRAM_CODE_PATTERN, { message: 'programCode must be a program code such as CCM' })
  programCode?: string;

  @ApiPropertyOptional({ example: 'east', description: "A supervisor may name only their own team (403 otherwise); without it, their own team's." })
  @IsOptional()
  @Matches(TEAM_ID_PATTERN, { message: 'teamId must be a team id such as east' })
  teamId?: string;
}

/** `GET /reports/measures`: JSON, CSV or a FHIR Bundle of MeasureReports. */
export class MeasureReportQuery extends ReportScopeQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'fhir'], description: 'Default: from the Accept header (text/csv, application/fhir+json), else json.' })
  @IsOptional()
  @IsIn(['json', 'csv', 'fhir'], { message: 'format must be one of json, csv, fhir' })
  format?: 'json' | 'csv' | 'fhir';
}

/** `GET /reports/measures/:id/members`: the care-gap list, JSON or CSV. */
export class MeasureMembersQuery extends ReportScopeQueryDto {
  @ApiPropertyOptional({ enum: MEASURE_OUTCOMES, description: 'Default: every row.' })
  @IsOptional()
  @IsIn(MEASURE_OUTCOMES, { message: `outcome must be one of ${MEASURE_OUTCOMES.join(', ')}` })
  outcome?: MeasureOutcome;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Default: from the Accept header (text/csv), else json.' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be one of json, csv' })
  format?: 'json' | 'csv';
}

/** `GET /reports/trends`: one measure's stored daily snapshots over a range of days. */
export class MeasureTrendQueryDto {
  @ApiProperty({ enum: MEASURE_IDS })
  @IsIn(MEASURE_IDS, { message: 'measureId must be one of the measure ids (GET /reports/measures lists them)' })
  measureId!: MeasureId;

  @ApiProperty({ example: '2026-10-01', description: 'The first day (UTC), YYYY-MM-DD.' })
  @Matches(DATE, { message: 'from must be a calendar date YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-11-30', description: 'The last day (UTC, inclusive), YYYY-MM-DD; at most 367 days after from.' })
  @Matches(DATE, { message: 'to must be a calendar date YYYY-MM-DD' })
  to!: string;

  @ApiPropertyOptional({ enum: TREND_GRANULARITIES, default: 'day' })
  @IsOptional()
  @IsIn(TREND_GRANULARITIES, { message: `granularity must be one of ${TREND_GRANULARITIES.join(', ')}` })
  granularity?: TrendGranularity;

  @ApiPropertyOptional({ example: 'CCM' })
  @IsOptional()
  @Matches(PROGRAM_CODE_PATTERN, { message: 'programCode must be a program code such as CCM' })
  programCode?: string;

  @ApiPropertyOptional({ example: 'east', description: "A supervisor may name only their own team (403 otherwise); without it, their own team's." })
  @IsOptional()
  @Matches(TEAM_ID_PATTERN, { message: 'teamId must be a team id such as east' })
  teamId?: string;
}
