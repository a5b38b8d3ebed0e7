import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PROGRAM_CODE_PATTERN, UR_DECISION_KINDS, UR_DOCUMENT_KINDS, UR_URGENCIES, type TreatmentRequest, type UrDecisionKind, type UrDocument, type UrDocumentKind, type UrUrgency } from '@careloop/domain';
import type { AppealReviewInput, SupplyInformationInput, UtilizationReviewInput } from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';

const ID = /^[A-Za-z0-9_.:@-]{1,64}$/;
const ICD10 = /^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$/;

/** A supporting document: metadata and where it is kept (never the document itself). */
export class UrDocumentDto implements ContractBody<UrDocument, UrDocumentDto> {
  @ApiProperty({ example: 'doc-1' }) @Matches(ID, { message: 'id must be 1-64 letters, digits or "_.:@-"' }) id!: string;
  @ApiProperty({ enum: UR_DOCUMENT_KINDS }) @IsIn(UR_DOCUMENT_KINDS) kind!: UrDocumentKind;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) title!: string;
  @ApiProperty({ example: 'dms://notes/1', description: 'Document-store id or URI.' }) @IsString() @Length(1, 500) reference!: string;
}

/** A list of supporting documents, each checked field by field. */
const DocumentList = () =>
  applyDecorators(ApiPropertyOptional({ type: [UrDocumentDto] }), IsOptional(), IsArray(), ArrayMaxSize(50), ValidateNested({ each: true }), Type(() => UrDocumentDto));

class WithDocuments {
  @ApiPropertyOptional({ type: [String], example: ['M54.5'], description: 'ICD-10 codes.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @Matches(ICD10, { each: true, message: 'each diagnosis code must be an ICD-10 code such as M54.5' })
  diagnosisCodes?: string[];

  @DocumentList()
  documents?: UrDocumentDto[];
}

/**
 * The review's input, flat: the treatment request's fields beside the requester's (UtilizationReviewsService
 * nests them; diagnosis codes and documents default to none). The API sets the case link and the policy.
 */
export class SubmitUtilizationReviewDto
  extends WithDocuments
  implements ContractBody<Omit<UtilizationReviewInput, 'request' | 'caseId' | 'policy' | 'programCode'> & Omit<TreatmentRequest, 'diagnosisCodes' | 'documents'>, SubmitUtilizationReviewDto>
{
  @ApiProperty({ example: 'prov-9', description: 'The requesting provider.' }) @Matches(ID, { message: 'providerId must be 1-64 letters, digits or "_.:@-"' }) providerId!: string;
  @ApiProperty({ example: 'M-000123', description: 'PHI: kept in encrypted payloads and Postgres only.' })
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { message: 'memberRef must start with a letter or digit and contain only letters, digits, ".", "_" and "-"' })
  memberRef!: string;
  @ApiPropertyOptional({ example: 'CCM', description: "The member's program: the review is linked to their open case there." })
  @IsOptional()
  @Matches(PROGRAM_CODE_PATTERN, { message: 'programCode must be 2-32 characters: an upper-case letter, then upper-case letters, digits, "_" or "-"' })
  programCode?: string;
  @ApiProperty({ enum: UR_URGENCIES, description: 'expedited: decision within 72 hours; standard: within 7 calendar days.' })
  @IsIn(UR_URGENCIES)
  urgency!: UrUrgency;
  @ApiProperty({ example: '97110', description: 'CPT/HCPCS code of the requested service.' })
  @Matches(/^[A-Z0-9]{5}$/, { message: 'serviceCode must be a 5-character CPT/HCPCS code' })
  serviceCode!: string;
  @ApiProperty({ maxLength: 500 }) @IsString() @Length(1, 500) description!: string;
  @ApiProperty({ minimum: 1, maximum: 1000 }) @IsInt({ message: 'quantity must be a whole number' }) @Min(1) @Max(1000) quantity!: number;
  @ApiProperty({ maxLength: 10000, description: 'The medical-necessity justification.' }) @IsString() @Length(1, 10_000) justification!: string;
  @ApiPropertyOptional({ description: 'Your own id for this request; sending it again returns the same review (like Idempotency-Key).' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,100}$/, { message: 'clientRequestId must be 1-100 letters, digits, "_", ".", ":" or "-"' })
  clientRequestId?: string;
}

export class SupplyInformationDto extends WithDocuments implements ContractBody<Omit<SupplyInformationInput, 'actorId'>, SupplyInformationDto> {}

/** Not `implements`: the decision's variants are flattened here (kind + optional fields) and rebuilt by the controller (toDecision). */
export class DecideReviewDto {
  @ApiProperty({ enum: UR_DECISION_KINDS }) @IsIn(UR_DECISION_KINDS) kind!: UrDecisionKind;
  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for denied and partially_approved: the notice says why.' })
  @ValidateIf((o: DecideReviewDto) => o.kind !== 'approved' || o.reason !== undefined)
  @IsString({ message: 'reason is required when the decision is denied or partially_approved' })
  @Length(1, 2000)
  reason?: string;
  @ApiPropertyOptional({ description: 'partially_approved: how many units are approved.' })
  @ValidateIf((o: DecideReviewDto) => o.kind === 'partially_approved')
  @IsInt({ message: 'approvedQuantity is required for a partial approval (a whole number)' })
  @Min(1)
  approvedQuantity?: number;
  @ApiPropertyOptional({ maxLength: 500, description: 'partially_approved: what is approved.' })
  @ValidateIf((o: DecideReviewDto) => o.kind === 'partially_approved')
  @IsString({ message: 'approvedDescription is required for a partial approval' })
  @Length(1, 500)
  approvedDescription?: string;
}

export class AppealReviewDto implements ContractBody<Omit<AppealReviewInput, 'actorId'>, AppealReviewDto> {
  @ApiProperty({ maxLength: 5000 }) @IsString() @Length(1, 5000) reason!: string;
  @DocumentList()
  documents?: UrDocumentDto[];
}
