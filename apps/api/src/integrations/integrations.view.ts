import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DischargeIntakeResult } from './discharge-intake.service';
import { FieldErrorView } from '../openapi/problem-details.view';

export class DischargeLinksView {
  @ApiProperty({ example: '/discharges/discharge-0123456789abcdef01234567' }) discharge!: string;
  @ApiProperty({ example: '/cases/case-ccm-0123456789abcdef01234567' }) case!: string;
}

export const DISCHARGE_ANSWER_STATUSES = ['accepted', 'duplicate', 'cancelled', 'updated', 'unchanged', 'ignored'] as const;

export class DischargeAcceptedView {
  @ApiPropertyOptional({
    description: 'The discharge workflow id: a keyed hash of client + source + event id. Absent only for an update about no known discharge (`ignored`).',
    example: 'discharge-0123456789abcdef01234567',
  })
  id?: string;
  @ApiPropertyOptional({ description: "The member's case in the program (started by the workflow if not open).", example: 'case-ccm-0123456789abcdef01234567' }) caseId?: string;
  @ApiProperty({
    enum: DISCHARGE_ANSWER_STATUSES,
    description:
      'accepted: a new discharge (201). duplicate: this message was received before. ADT^A13: cancelled. ADT^A08: updated, unchanged, or ignored (no discharge in progress for the visit).',
  })
  status!: (typeof DISCHARGE_ANSWER_STATUSES)[number];
  @ApiPropertyOptional({ description: 'ADT^A08 `updated`: the details that changed.', enum: ['dischargedAt', 'disposition', 'pcpId'], isArray: true }) changed?: string[];
  @ApiPropertyOptional({ description: 'Why nothing was done (`unchanged`, `ignored`, a repeated cancellation).' }) detail?: string;
  @ApiPropertyOptional({ type: DischargeLinksView }) links?: DischargeLinksView;
}

/** The HTTP answer to a discharge-events POST: 201 for a new discharge, 200 for everything else that was read. */
export function dischargeAnswer(result: DischargeIntakeResult): { readonly status: number; readonly body: DischargeAcceptedView } {
  const links = (id: string, caseId: string) => ({ discharge: `/discharges/${id}`, case: `/cases/${caseId}` });
  if (result.kind === 'discharge') {
    const { dischargeId: id, caseId, created } = result;
    return { status: created ? 201 : 200, body: { id, caseId, status: created ? 'accepted' : 'duplicate', links: links(id, caseId) } };
  }
  const { dischargeId: id, caseId, status, changed, detail } = result;
  return {
    status: 200,
    body: {
      ...(id && caseId ? { id, caseId } : {}),
      status,
      ...(changed ? { changed: [...changed] } : {}),
      ...(detail ? { detail } : {}),
      ...(id && caseId ? { links: links(id, caseId) } : {}),
    },
  };
}


export class EnrollmentRowView {
  @ApiProperty({ description: 'Position of the member in the request (0-based).' }) index!: number;
  @ApiProperty({ enum: ['created', 'existing', 'duplicate', 'invalid', 'failed'] }) status!: string;
  @ApiPropertyOptional() caseId?: string;
  @ApiPropertyOptional({ description: 'duplicate: the earlier row of the same member and program.' }) duplicateOf?: number;
  @ApiPropertyOptional({ type: [FieldErrorView] }) errors?: FieldErrorView[];
  @ApiPropertyOptional({ description: 'failed: whether sending the row again may succeed.' }) retryable?: boolean;
  @ApiPropertyOptional({ description: 'The registry member the case stands on (rows with demographics).' }) memberId?: string;
  @ApiPropertyOptional({ enum: ['created', 'matched'], description: 'Rows with demographics: registered from them, or found by plan id (the record is left unchanged).' }) member?: string;
  @ApiPropertyOptional({ description: 'created: a possible duplicate (same name and birth date, another plan id) flagged for a person; never merged.' }) duplicateFlagId?: string;
  @ApiPropertyOptional({ description: 'matched: the row\'s name, birth date or sex differ from the registry record, which was not overwritten.' }) demographicsDiffer?: boolean;
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
      items: { description: '{ memberRef, programCode, enrollmentDate (YYYY-MM-DD), and optionally the member\'s demographics: member (a CareLoop member record) or patient (a FHIR R4 Patient) }', example: { memberRef: 'M-000123', programCode: 'CCM', enrollmentDate: '2026-11-01' } },
    },
  },
});
