import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsObject, IsOptional, Matches, ValidateIf, MaxLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { PROGRAM_CODE_PATTERN, TEAM_ID_PATTERN } from '@careloop/domain';
import { MEMBER_ID_PATTERN, type CaseWorkflowInput } from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';

@ValidatorConstraint({ name: 'isCalendarDate' })
class IsCalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return false;
    }
    const d = new Date(`${value}T00:00:00Z`);
    // Rejects 2026-02-30 and friends, which Date would otherwise roll over.
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) && d.getUTCFullYear() >= 1900;
  }

  defaultMessage(): string {
    return 'enrollmentDate must be a real calendar date written YYYY-MM-DD (year 1900 or later)';
  }
}

/**
 * The request part of the case's input; the API resolves the policy (with these overrides) and sets
 * nothing else at a start (`carried`, `startReason`, `historyEventLimit` are the workflow's and the intakes';
 * `contact` the API reads from the member registry).
 */
export class StartCaseDto implements ContractBody<Omit<CaseWorkflowInput, 'policy' | 'carried' | 'startReason' | 'historyEventLimit' | 'memberRef' | 'contact'> & { memberRef?: string }, StartCaseDto> {
  @ApiPropertyOptional({
    description: 'The registry member (`mbr_…`, issue 16). The case\'s memberRef is the member\'s plan identifier. Give memberId or memberRef (or both, naming the same member).',
    example: 'mbr_0123456789abcdefghjkmnpqrs',
    pattern: MEMBER_ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(MEMBER_ID_PATTERN, { message: 'memberId must be a member id such as mbr_0123456789abcdefghjkmnpqrs' })
  memberId?: string;

  @ApiPropertyOptional({
    description:
      "The health plan's member identifier of a registered member (the registry is searched by it; an unregistered one is refused). PHI: stored encrypted in workflow payloads and in Postgres, never in ids or logs.",
    example: 'M-000123',
    maxLength: 64,
  })
  // Required unless memberId is given.
  @ValidateIf((o: StartCaseDto) => o.memberId === undefined || o.memberRef !== undefined)
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    message: 'memberRef must start with a letter or digit and contain only letters, digits, ".", "_" and "-"',
  })
  memberRef?: string;

  @ApiProperty({ description: 'Care-management program code.', example: 'CCM', pattern: PROGRAM_CODE_PATTERN.source })
  @Matches(PROGRAM_CODE_PATTERN, {
    message: 'programCode must be 2-32 characters: an upper-case letter, then upper-case letters, digits, "_" or "-"',
  })
  programCode!: string;

  @ApiProperty({
    description: 'Effective date of enrollment (YYYY-MM-DD). The 90-day screening deadline runs from this date.',
    example: '2026-11-01',
    format: 'date',
    // IsCalendarDate: year 1900 or later.
    pattern: '^(?:19|[2-9][0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$',
  })
  @IsISO8601({ strict: true }, { message: 'enrollmentDate must be an ISO 8601 date (YYYY-MM-DD)' })
  @Validate(IsCalendarDate)
  enrollmentDate!: string;

  @ApiPropertyOptional({
    description:
      'Overrides of the program policy for this case only (same keys as the policy file; durations as "30s", "10m", "90d" or ms). The case records a "+custom" policy version.',
    example: { screening: { deadlineMs: '10m', attemptResponseWindowMs: '30s' } },
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject({ message: 'policyOverrides must be an object' })
  policyOverrides?: Record<string, unknown>;

  @ApiPropertyOptional({
    description:
      "The owning care team: an active team serving the program. Without it: the starting staff member's team, else the only active team serving the program, else none.",
    example: 'north',
    pattern: TEAM_ID_PATTERN.source,
  })
  @IsOptional()
  @Matches(TEAM_ID_PATTERN, { message: 'teamId must be a team id: 1-64 lower-case letters, digits, "_" or "-"' })
  teamId?: string;
}
