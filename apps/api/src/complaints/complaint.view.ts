import { ApiProperty } from '@nestjs/swagger';
import { COMPLAINANT_KINDS, COMPLAINT_CHANNELS, COMPLAINT_OUTCOMES, COMPLAINT_SUBJECTS, type ComplainantKind, type ComplaintChannel, type ComplaintOutcome, type ComplaintSubject } from '@careloop/domain';
import { COMPLAINT_STATUSES, type ComplaintActionResult, type ComplaintListItem, type ComplaintStatus, type ComplaintView, type ListPage } from '@careloop/contracts';

class ComplaintEscalationsView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgement!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolution!: string | null;
}

/** `GET /complaints/:id`: no complaint text, no member reference. */
export class ComplaintViewDto implements ComplaintView {
  @ApiProperty({ example: 'complaint-0123456789abcdef01234567' }) complaintId!: string;
  @ApiProperty({ enum: COMPLAINT_CHANNELS }) channel!: ComplaintChannel;
  @ApiProperty({ enum: COMPLAINANT_KINDS }) complainantKind!: ComplainantKind;
  @ApiProperty() complainantId!: string;
  @ApiProperty({ enum: COMPLAINT_SUBJECTS }) subject!: ComplaintSubject;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: ComplaintStatus;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) acknowledgeBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) resolveBy!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ enum: COMPLAINT_OUTCOMES, nullable: true }) outcome!: ComplaintOutcome | null;
  @ApiProperty({ type: ComplaintEscalationsView }) escalatedAt!: ComplaintEscalationsView;
}

export class ComplaintActionResultView implements ComplaintActionResult {
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status!: ComplaintStatus;
}

class ComplaintListItemView extends ComplaintViewDto implements ComplaintListItem {
  @ApiProperty({ description: 'Not acknowledged and past acknowledgeBy.' }) acknowledgementOverdue!: boolean;
  @ApiProperty({ description: 'Not resolved and past resolveBy.' }) resolutionOverdue!: boolean;
  @ApiProperty() overdue!: boolean;
}

export class ComplaintPageView implements ListPage<ComplaintListItem> {
  @ApiProperty({ type: [ComplaintListItemView] }) items!: ComplaintListItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page.' }) nextCursor!: string | null;
}
