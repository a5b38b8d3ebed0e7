import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CarePlan, PlanConsent } from '@careloop/domain';
import type { CaseDocumentationView, NoteEntry, NotificationEntry, PlanVersionEntry, ProviderReportEntry } from '@careloop/contracts';

export class PlanVersionView implements PlanVersionEntry {
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'The plan as proposed: problems, goals, interventions, referrals.', type: 'object', additionalProperties: true }) plan!: CarePlan;
  @ApiProperty({ example: 'cm-1' }) proposedBy!: string;
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true }) consent!: PlanConsent | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) consentedAt!: string | null;
}

export class NoteView implements NoteEntry {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: ['note', 'call_record'] }) kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty({ format: 'date-time' }) writtenAt!: string;
}

export class ProviderReportView implements ProviderReportEntry {
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'prov-9' }) providerId!: string;
  @ApiProperty() summary!: string;
  @ApiProperty() discussedWithMember!: boolean;
  @ApiProperty({ description: 'Who recorded the report.' }) recordedBy!: string;
}

export class NotificationView implements NotificationEntry {
  @ApiProperty() key!: string;
  @ApiProperty({ example: 'provider' }) audience!: string;
  @ApiProperty({ example: 'webhook' }) channel!: string;
  @ApiProperty({ example: 'symptom_increase' }) template!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

/** The documentation of a case's current episode (the most recent entries of each kind). */
export class CaseRecordsView implements CaseDocumentationView {
  @ApiProperty({ type: [PlanVersionView], description: 'Every care plan version, newest first.' }) planVersions!: PlanVersionView[];
  @ApiProperty({ type: [NoteView], description: 'Notes and call records, newest first.' }) notes!: NoteView[];
  @ApiProperty({ type: [ProviderReportView], description: 'Provider reports, newest first.' }) providerReports!: ProviderReportView[];
  @ApiProperty({ type: [NotificationView], description: 'Notifications sent about the case and their delivery, newest first.' }) notifications!: NotificationView[];
}
