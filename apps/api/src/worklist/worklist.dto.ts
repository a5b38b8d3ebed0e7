import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { WORK_ITEM_KINDS, WORK_ITEM_ID_PATTERN, WORKLIST_SCOPES, type ReassignWorkItemInput, type WorklistScope } from '@careloop/contracts';
import { PROGRAM_CODE_PATTERN, RISK_TIERS, STAFF_ID_PATTERN } from '@careloop/domain';
import type { ContractBody } from '../common/contract-body';
import { PageQuery } from '../common/page.query';
import { ParseIdPipe } from '../common/parse-id.pipe';

/** Filters and paging of the worklists. Unknown query parameters are rejected like unknown body fields. */
export class WorklistQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: WORKLIST_SCOPES,
    default: 'all',
    description:
      "GET /worklist: mine (held by me), team (my team's unclaimed queue for my role), all (both). GET /worklist/teams/:teamId: mine = held by someone, team = unclaimed, all = both. Ignored by GET /worklist/staff/:staffId.",
  })
  @IsOptional()
  @IsIn(WORKLIST_SCOPES, { message: `scope must be one of ${WORKLIST_SCOPES.join(', ')}` })
  scope?: WorklistScope;

  @ApiPropertyOptional({ enum: WORK_ITEM_KINDS })
  @IsOptional()
  @IsIn(WORK_ITEM_KINDS, { message: `kind must be one of ${WORK_ITEM_KINDS.join(', ')}` })
  kind?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only items due before this instant.' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dueBefore must be an ISO 8601 date-time' })
  dueBefore?: string;

  @ApiPropertyOptional({ description: 'true: only overdue items; false: only items not overdue.' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ example: 'CCM' })
  @IsOptional()
  @Matches(PROGRAM_CODE_PATTERN, { message: 'program must be a program code such as CCM' })
  program?: string;

  @ApiPropertyOptional({ enum: RISK_TIERS })
  @IsOptional()
  @IsIn(RISK_TIERS, { message: `riskTier must be one of ${RISK_TIERS.join(', ')}` })
  riskTier?: string;
}

/** `POST /worklist/:id/reassign`: a supervisor hands the item to someone, saying why (kept in the audit log; no PHI). */
export class ReassignWorkItemDto implements ContractBody<ReassignWorkItemInput, ReassignWorkItemDto> {
  @ApiProperty({ example: 'cm-east-2', pattern: STAFF_ID_PATTERN.source })
  @Matches(STAFF_ID_PATTERN, { message: 'toStaffId must be a staff id: 1-64 letters, digits, "_", ".", ":", "@" or "-"' })
  toStaffId!: string;

  @ApiProperty({ example: 'cm-east-1 on leave this week', minLength: 3, maxLength: 500 })
  @IsString({ message: 'reason is required: say why the item moves' })
  @Length(3, 500, { message: 'reason must be 3 to 500 characters' })
  reason!: string;
}

export const ParseWorkItemId = new ParseIdPipe(WORK_ITEM_ID_PATTERN, 'id must be a work item id such as case:<case id>:<episode>:<task key>');
export const ParseStaffId = new ParseIdPipe(STAFF_ID_PATTERN, 'staffId must be a staff id', undefined, 'staffId');
