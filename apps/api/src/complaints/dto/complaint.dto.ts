import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { CASE_WORKFLOW_ID_PATTERN } from '@careloop/contracts';
import {
  COMPLAINANT_KINDS,
  COMPLAINT_CHANNELS,
  COMPLAINT_OUTCOMES,
  COMPLAINT_SUBJECTS,
  PROGRAM_CODE_PATTERN,
  type ComplainantKind,
  type ComplaintChannel,
  type ComplaintOutcome,
  type ComplaintSubject,
} from '@careloop/domain';
import type { ComplaintInput, ResolveComplaintInput } from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';

/**
 * The complaint's input as the complainant says it: `from`/`fromId` become `complainant`, `about` the `subject`
 * (ComplaintsService), and `caseId`/`programCode` are left out rather than null; the API sets the policy.
 */
export class LodgeComplaintDto implements ContractBody<Omit<ComplaintInput, 'complainant' | 'subject' | 'caseId' | 'programCode' | 'policy'>, LodgeComplaintDto> {
  @ApiProperty({ enum: COMPLAINT_CHANNELS, description: 'How it was made: verbal (call, visit) or written.' }) @IsIn(COMPLAINT_CHANNELS) channel!: ComplaintChannel;
  @ApiProperty({ enum: COMPLAINANT_KINDS }) @IsIn(COMPLAINANT_KINDS) from!: ComplainantKind;
  @ApiProperty({ example: 'prov-9', description: 'Provider id, or member reference (PHI: stored encrypted, never in ids).' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$/, { message: 'fromId must be 1-64 letters, digits or "._:@-"' })
  fromId!: string;
  @ApiProperty({ enum: COMPLAINT_SUBJECTS, description: "case: about a patient's involvement (caseId required); program: about the program." })
  @IsIn(COMPLAINT_SUBJECTS)
  about!: ComplaintSubject;
  @ApiPropertyOptional({ example: 'case-ccm-0123456789abcdef01234567' })
  @ValidateIf((o: LodgeComplaintDto) => o.about === 'case' || o.caseId !== undefined)
  @Matches(CASE_WORKFLOW_ID_PATTERN, { message: 'caseId is required for a complaint about a case, and must be a case id such as case-ccm-0123456789abcdef01234567' })
  caseId?: string;
  @ApiPropertyOptional({ example: 'CCM' })
  @IsOptional()
  @Matches(PROGRAM_CODE_PATTERN, { message: 'programCode must be 2-32 characters: an upper-case letter, then upper-case letters, digits, "_" or "-"' })
  programCode?: string;
  @ApiProperty({ maxLength: 10000, description: 'What the complaint is (a verbal one as recorded by staff).' }) @IsString() @Length(1, 10_000) summary!: string;
  @ApiPropertyOptional({ description: 'Your own id for this complaint; sending it again returns the same complaint.' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'clientRequestId must be 1-100 letters, digits, "_", ".", ":" or "-"' })
  clientRequestId?: string;
}

export class ResolveComplaintDto implements ContractBody<Omit<ResolveComplaintInput, 'actorId'>, ResolveComplaintDto> {
  @ApiProperty({ enum: COMPLAINT_OUTCOMES }) @IsIn(COMPLAINT_OUTCOMES) outcome!: ComplaintOutcome;
  @ApiProperty({ maxLength: 5000, description: 'What was done.' }) @IsString() @Length(1, 5000) resolution!: string;
}
