import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldErrorView } from '../openapi/problem-details.view';

export class DischargeLinksView {
  @ApiProperty({ example: '/discharges/discharge-0123456789abcdef01234567' }) discharge!: string;
  @ApiProperty({ example: '/cases/case-ccm-0123456789abcdef01234567' }) case!: string;
}

export class DischargeAcceptedView {
  @ApiProperty({ description: 'The discharge workflow id: a keyed hash of source + event id.', example: 'discharge-0123456789abcdef01234567' }) id!: string;
  @ApiProperty({ description: "The member's case in the program (started by the workflow if not open).", example: 'case-ccm-0123456789abcdef01234567' }) caseId!: string;
  @ApiProperty({ enum: ['accepted', 'duplicate'] }) status!: 'accepted' | 'duplicate';
  @ApiProperty({ type: DischargeLinksView }) links!: DischargeLinksView;
}


export class EnrollmentRowView {
  @ApiProperty({ description: 'Position of the member in the request (0-based).' }) index!: number;
  @ApiProperty({ enum: ['created', 'existing', 'duplicate', 'invalid', 'failed'] }) status!: string;
  @ApiPropertyOptional() caseId?: string;
  @ApiPropertyOptional({ description: 'duplicate: the earlier row of the same member and program.' }) duplicateOf?: number;
  @ApiPropertyOptional({ type: [FieldErrorView] }) errors?: FieldErrorView[];
  @ApiPropertyOptional({ description: 'failed: whether sending the row again may succeed.' }) retryable?: boolean;
}

export class EnrollmentSummaryView {
  @ApiProperty() received!: number;
  @ApiProperty() created!: number;
  @ApiProperty() existing!: number;
  @ApiProperty() duplicate!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty() failed!: number;
}

export class EnrollmentBatchView {
  @ApiProperty({ type: EnrollmentSummaryView }) summary!: EnrollmentSummaryView;
  @ApiProperty({ type: [EnrollmentRowView] }) results!: EnrollmentRowView[];
}

/**
 * The enrollment-events body. The rows are deliberately not constrained
 * here: each is checked on its own ({ memberRef, programCode, enrollmentDate })
 * and an invalid one comes back as `invalid` in a 200, not as a 400.
 */
export const ENROLLMENT_BATCH_BODY = (limit: number) => ({
  type: 'object' as const,
  required: ['members'],
  additionalProperties: false,
  properties: {
    members: {
      type: 'array' as const,
      minItems: 1,
      maxItems: limit,
      items: { description: '{ memberRef, programCode, enrollmentDate (YYYY-MM-DD) }', example: { memberRef: 'M-000123', programCode: 'CCM', enrollmentDate: '2026-11-01' } },
    },
  },
});
