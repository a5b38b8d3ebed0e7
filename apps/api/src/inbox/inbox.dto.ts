import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsObject, IsOptional, Matches, Validate, ValidateIf, ValidateNested, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { TEMPLATE_LANGUAGES, type NotificationPreferences, type TemplateLanguage } from '@careloop/contracts';
import { PageQuery } from '../common/page.query';

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const PERSON_CHANNELS = ['email', 'sms'] as const;

/** `GET /inbox` query: cursor paging and `unread=true`. */
export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: unread messages only.' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';
}

/**
 * `POST /inbox/read-all`: marks read what the person has seen — every unread message received up to
 * `through` (the newest one shown). A message that arrives after they looked stays unread.
 */
export class ReadAllInput {
  @ApiProperty({ format: 'date-time', example: '2026-12-01T09:00:00Z', description: 'Mark read the unread messages received at or before this instant (ISO 8601 with offset).' })
  @IsISO8601({ strict: true }, { message: 'through must be an ISO 8601 date-time' })
  through!: string;
}

@ValidatorConstraint({ name: 'isTimeZone' })
class IsTimeZone implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length > 64) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'quietHours.timeZone must be an IANA time zone such as America/Chicago';
  }
}

export class QuietHoursInput {
  @ApiProperty({ example: '22:00' }) @Matches(HH_MM, { message: 'quietHours.start must be HH:MM (24-hour)' }) start!: string;
  @ApiProperty({ example: '07:00' }) @Matches(HH_MM, { message: 'quietHours.end must be HH:MM (24-hour)' }) end!: string;
  @ApiProperty({ example: 'America/Chicago' }) @Validate(IsTimeZone) timeZone!: string;
}

/** `PUT /me/notification-preferences`: the whole set (a replacement; the inbox is always on). */
export class NotificationPreferencesInput implements NotificationPreferences {
  @ApiProperty({ enum: PERSON_CHANNELS, isArray: true, description: 'Channels besides the inbox.' })
  @IsArray({ message: 'channels must be a list' })
  @ArrayMaxSize(2)
  @ArrayUnique({ message: 'channels must not repeat a channel' })
  @IsIn(PERSON_CHANNELS, { each: true, message: 'each of channels must be email or sms' })
  channels!: ('email' | 'sms')[];

  @ApiProperty({ type: QuietHoursInput, nullable: true, description: 'Email and SMS wait until the period ends; null: none.' })
  @ValidateIf((o: NotificationPreferencesInput) => o.quietHours !== null)
  @IsObject({ message: 'quietHours must be an object with start, end and timeZone, or null' })
  @ValidateNested()
  @Type(() => QuietHoursInput)
  quietHours!: QuietHoursInput | null;

  @ApiProperty({ enum: TEMPLATE_LANGUAGES })
  @IsIn(TEMPLATE_LANGUAGES, { message: `language must be one of ${TEMPLATE_LANGUAGES.join(', ')}` })
  language!: TemplateLanguage;
}
