import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CLOSURE_REASONS, CONTACT_CHANNELS, CONTACT_OUTCOMES, type ClosureReason, type ContactChannel, type ContactOutcome } from '@careloop/domain';

export class RecordAttemptDto {
  @ApiProperty({ enum: CONTACT_OUTCOMES }) @IsIn(CONTACT_OUTCOMES) outcome!: ContactOutcome;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class PauseDto {
  @ApiProperty({ example: 'inpatient stay', maxLength: 500 }) @IsString() @Length(1, 500) reason!: string;
}

export class AddNoteDto {
  @ApiProperty({ enum: ['note', 'call_record'] }) @IsIn(['note', 'call_record']) kind!: 'note' | 'call_record';
  @ApiProperty({ maxLength: 10000 }) @IsString() @Length(1, 10_000) text!: string;
}

export class CloseCaseDto {
  @ApiProperty({ enum: CLOSURE_REASONS }) @IsIn(CLOSURE_REASONS) reason!: ClosureReason;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) detail?: string;
}

/** Body of actions that need no fields (resume). */
export class EmptyDto {}

export class MemberDiscussionDto {
  @ApiProperty({ enum: ['agrees', 'concerns'], description: 'agrees: on to regular support; concerns: the plan goes back for re-evaluation.' })
  @IsIn(['agrees', 'concerns'])
  outcome!: 'agrees' | 'concerns';
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) summary?: string;
}

export class RecordContactDto {
  @ApiProperty({ enum: CONTACT_CHANNELS }) @IsIn(CONTACT_CHANNELS) channel!: ContactChannel;
  @ApiProperty({ enum: ['completed', 'missed'] }) @IsIn(['completed', 'missed']) outcome!: 'completed' | 'missed';
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) summary?: string;
}
