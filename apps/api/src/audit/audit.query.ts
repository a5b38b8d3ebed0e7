import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { CASE_WORKFLOW_ID_PATTERN, MEMBER_ID_PATTERN } from '@careloop/contracts';
import { PageQuery } from '../common/page.query';
import { PERMISSIONS } from '../auth/access-policy';

export const AUDIT_ACTIONS = [...Object.keys(PERMISSIONS), 'unguarded', 'unmatched'];
export const AUDIT_OUTCOMES = ['allowed', 'denied', 'rejected', 'failed'] as const;

class AuditFiltersQuery {
  @ApiPropertyOptional({ example: 'case-ccm-0123456789abcdef01234567' })
  @IsOptional()
  @Matches(CASE_WORKFLOW_ID_PATTERN, { message: 'caseId must be a case id' })
  caseId?: string;

  @ApiPropertyOptional({ example: 'mbr_0123456789abcdefghjkmnpqrs', pattern: MEMBER_ID_PATTERN.source })
  @IsOptional()
  @Matches(MEMBER_ID_PATTERN, { message: 'memberId must be a member id' })
  memberId?: string;

  @ApiPropertyOptional({ example: 'cm-1' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:@|-]{1,128}$/, { message: 'actorId must be a token subject or integration id' })
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS }) @IsOptional() @IsIn(AUDIT_ACTIONS) action?: string;
  @ApiPropertyOptional({ enum: AUDIT_OUTCOMES }) @IsOptional() @IsIn(AUDIT_OUTCOMES) outcome?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 time' }) from?: string;
  @ApiPropertyOptional({ format: 'date-time' }) @IsOptional() @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 time' }) to?: string;
}

/** Filters plus cursor paging (the cursor holds the last id of the previous page: common/page-cursor.ts). */
export class AuditQuery extends IntersectionType(AuditFiltersQuery, PageQuery) {}
