import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import {
  CONTACT_CHANNELS,
  CONTACT_OUTCOMES,
  CONTACT_POINT_PATTERN,
  DIRECT_CLOSURE_REASONS,
  GOAL_STATUSES,
  MEMBER_DISCUSSION_OUTCOMES,
  PLAN_REVIEW_OUTCOMES,
  type ContactChannel,
  type ContactOutcome,
  type DirectClosureReason,
  type GoalStatus,
  type MemberDiscussionOutcome,
  type PlanReviewOutcome,
} from '@careloop/domain';
import type {
  AcknowledgeComplaintInput,
  AddNoteInput,
  ChangePcpInput,
  CloseCaseInput,
  MemberDiscussionInput,
  PauseInput,
  ProgressEventInput,
  ProviderReportInput,
  ReassignInput,
  RecordAttemptInput,
  RecordContactInput,
  RecordGoalProgressInput,
  RecordInterventionInput,
  ResumeInput,
  ReviewPlanInput,
  SupplementalInfoInput,
} from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';
import { IsDirectClosureReason } from './closure-reason.validator';

export class RecordAttemptDto implements ContractBody<Omit<RecordAttemptInput, 'actorId' | 'attemptNumber'>, RecordAttemptDto> {
  @ApiProperty({ enum: CONTACT_OUTCOMES }) @IsIn(CONTACT_OUTCOMES) outcome!: ContactOutcome;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
  @ApiPropertyOptional({
    example: 'sms:mobile',
    description: "What was tried, without PHI: phone:<use>, sms:<use>, email, portal, letter:address or representative:<id>; checked against the member's record.",
  })
  @IsOptional()
  @Matches(CONTACT_POINT_PATTERN, { message: 'contactPoint must name a contact point: phone:<use>, sms:<use>, email, portal, letter:address or representative:<id>' })
  contactPoint?: string;
}

export class PauseDto implements ContractBody<Omit<PauseInput, 'actorId'>, PauseDto> {
  @ApiProperty({ example: 'inpatient stay', maxLength: 500 }) @IsString() @Length(1, 500) reason!: string;
}

export class AddNoteDto implements ContractBody<Omit<AddNoteInput, 'actorId'>, AddNoteDto> {
  @ApiProperty({ enum: ['note', 'call_record'] }) @IsIn(['note', 'call_record']) kind!: 'note' | 'call_record';
  @ApiProperty({ maxLength: 10000 }) @IsString() @Length(1, 10_000) text!: string;
}

export class CloseCaseDto implements ContractBody<Omit<CloseCaseInput, 'actorId'>, CloseCaseDto> {
  @ApiProperty({ enum: DIRECT_CLOSURE_REASONS, description: 'provider_request is not accepted here: it comes only from an approved stop-participation request.' })
  @IsDirectClosureReason()
  reason!: DirectClosureReason;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) detail?: string;
}

/** Body of actions that need no fields (resume, acknowledging a complaint). */
export class EmptyDto implements ContractBody<Omit<ResumeInput & AcknowledgeComplaintInput, 'actorId'>, EmptyDto> {}

export class MemberDiscussionDto implements ContractBody<Omit<MemberDiscussionInput, 'actorId'>, MemberDiscussionDto> {
  @ApiProperty({ enum: MEMBER_DISCUSSION_OUTCOMES, description: 'agrees: on to regular support; concerns: the plan goes back for re-evaluation (the step moves of MEMBER_DISCUSSION_MOVES).' })
  @IsIn(MEMBER_DISCUSSION_OUTCOMES)
  outcome!: MemberDiscussionOutcome;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) summary?: string;
}

export class ReviewPlanDto implements ContractBody<Omit<ReviewPlanInput, 'actorId'>, ReviewPlanDto> {
  @ApiProperty({ enum: PLAN_REVIEW_OUTCOMES, description: 'continue: the active plan stands; revise: back to step 7 with a care-plan task.' })
  @IsIn(PLAN_REVIEW_OUTCOMES)
  outcome!: PlanReviewOutcome;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) summary?: string;
}

export class RecordGoalProgressDto implements ContractBody<Omit<RecordGoalProgressInput, 'actorId' | 'goalId'>, RecordGoalProgressDto> {
  @ApiProperty({ enum: GOAL_STATUSES, description: 'met or behind as the care team judges it; open again undoes either. The committee counts goals by it.' })
  @IsIn(GOAL_STATUSES)
  status!: GoalStatus;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class RecordContactDto implements ContractBody<Omit<RecordContactInput, 'actorId'>, RecordContactDto> {
  @ApiProperty({ enum: CONTACT_CHANNELS }) @IsIn(CONTACT_CHANNELS) channel!: ContactChannel;
  @ApiProperty({ enum: ['completed', 'missed'] }) @IsIn(['completed', 'missed']) outcome!: 'completed' | 'missed';
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) summary?: string;
}

export class RecordInterventionDto implements ContractBody<Omit<RecordInterventionInput, 'actorId'>, RecordInterventionDto> {
  @ApiProperty({ enum: ['referral', 'utilization_review', 'education', 'medication_review', 'other'] })
  @IsIn(['referral', 'utilization_review', 'education', 'medication_review', 'other'])
  kind!: 'referral' | 'utilization_review' | 'education' | 'medication_review' | 'other';
  @ApiProperty({ maxLength: 2000 }) @IsString() @Length(1, 2000) description!: string;
}

export class ProviderReportDto implements ContractBody<Omit<ProviderReportInput, 'actorId'>, ProviderReportDto> {
  @ApiProperty({ example: 'prov-9' }) @Matches(/^[A-Za-z0-9_.:@-]{1,64}$/, { message: 'providerId must be 1-64 letters, digits or "_.:@-"' }) providerId!: string;
  @ApiProperty({ maxLength: 5000 }) @IsString() @Length(1, 5000) summary!: string;
  @ApiProperty({ description: 'Seed 003 step 5: the report recommendations were discussed with the member.' }) @IsBoolean() discussedWithMember!: boolean;
}

export class ProgressEventDto implements ContractBody<Omit<ProgressEventInput, 'actorId'>, ProgressEventDto> {
  @ApiProperty({
    enum: ['progress', 'symptom_increase', 'adherence_variation', 'behind_expected_course'],
    description: 'symptom_increase and adherence_variation notify the provider; behind_expected_course requests supplemental information.',
  })
  @IsIn(['progress', 'symptom_increase', 'adherence_variation', 'behind_expected_course'])
  kind!: 'progress' | 'symptom_increase' | 'adherence_variation' | 'behind_expected_course';
  @ApiProperty({ maxLength: 2000 }) @IsString() @Length(1, 2000) detail!: string;
}

export class SupplementalInfoDto implements ContractBody<Omit<SupplementalInfoInput, 'actorId'>, SupplementalInfoDto> {
  @ApiProperty({ maxLength: 5000 }) @IsString() @Length(1, 5000) summary!: string;
}

/** The care team's hand-over: never above the cap (`overrideCap` is the supervisors' route). */
export class ReassignDto implements ContractBody<Omit<ReassignInput, 'actorId' | 'overrideCap'>, ReassignDto> {
  @ApiProperty({ example: 'cm-2' }) @Matches(/^[A-Za-z0-9_.:@-]{1,64}$/, { message: 'careManagerId must be a staff id' }) careManagerId!: string;
  @ApiProperty({ maxLength: 500, example: 'language match' }) @IsString() @Length(1, 500) reason!: string;
}

export class ChangePcpDto implements ContractBody<Omit<ChangePcpInput, 'actorId'>, ChangePcpDto> {
  @ApiProperty({ example: 'pcp-44' }) @Matches(/^[A-Za-z0-9_.:@-]{1,64}$/, { message: 'pcpId must be 1-64 letters, digits or "_.:@-"' }) pcpId!: string;
}
