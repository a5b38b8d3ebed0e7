import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_DELIVERY_CHANNELS, TEMPLATE_LANGUAGES, type InboxMessageView, type InboxPage, type NotificationPreferences, type QuietHours, type TemplateLanguage } from '@careloop/contracts';

export class InboxMessageDto implements InboxMessageView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The outbox notification it came from.' }) notificationKey!: string;
  @ApiProperty({ example: 'case_assigned' }) template!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ enum: TEMPLATE_LANGUAGES }) language!: TemplateLanguage;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) workItemId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/app/cases/case-ccm-0123' }) link!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

export class InboxPageDto implements InboxPage {
  @ApiProperty({ type: [InboxMessageDto] }) items!: InboxMessageDto[];
  @ApiPropertyOptional({ description: 'Absent on the last page.' }) nextCursor?: string;
  @ApiProperty({ type: 'integer', description: 'Unread messages in the whole inbox.' }) unread!: number;
}

export class UnreadCountDto {
  @ApiProperty({ type: 'integer' }) unread!: number;
}

export class ReadAllDto {
  @ApiProperty({ type: 'integer', description: 'How many messages were marked read now.' }) marked!: number;
  @ApiProperty({ type: 'integer' }) unread!: number;
}

export class QuietHoursDto implements QuietHours {
  @ApiProperty({ example: '22:00' }) start!: string;
  @ApiProperty({ example: '07:00' }) end!: string;
  @ApiProperty({ example: 'America/Chicago' }) timeZone!: string;
}

export class NotificationPreferencesView implements NotificationPreferences {
  @ApiProperty({ enum: NOTIFICATION_DELIVERY_CHANNELS.filter((c) => c === 'email' || c === 'sms'), isArray: true }) channels!: ('email' | 'sms')[];
  @ApiProperty({ type: QuietHoursDto, nullable: true }) quietHours!: QuietHoursDto | null;
  @ApiProperty({ enum: TEMPLATE_LANGUAGES }) language!: TemplateLanguage;
}
