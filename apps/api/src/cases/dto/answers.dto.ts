import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { LANGUAGE_TAG_PATTERN as LANGUAGE_TAG, type AssessmentAnswers, type ScreeningAnswers } from '@careloop/domain';
import type { SubmitAssessmentInput, SubmitScreeningInput } from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';

const languageMessage = { message: '$property must be a BCP 47 language tag such as en, es or zh-Hant' };

export class ScreeningAnswersDto implements ContractBody<ScreeningAnswers, ScreeningAnswersDto> {
  @ApiProperty({ enum: ['excellent', 'good', 'fair', 'poor'] })
  @IsIn(['excellent', 'good', 'fair', 'poor'])
  selfRatedHealth!: 'excellent' | 'good' | 'fair' | 'poor';

  @ApiProperty() @IsBoolean() hospitalizedLast12Months!: boolean;
  @ApiProperty({ minimum: 0, maximum: 50 }) @IsInt() @Min(0) @Max(50) chronicConditionCount!: number;
  @ApiProperty() @IsBoolean() behavioralHealthConcern!: boolean;
  @ApiProperty() @IsBoolean() socialNeedsConcern!: boolean;
  @ApiProperty({ example: 'en' }) @Matches(LANGUAGE_TAG, languageMessage) preferredLanguage!: string;
}

class PhysicalDto implements ContractBody<AssessmentAnswers['physical'], PhysicalDto> {
  @ApiProperty({ minimum: 0, maximum: 50 }) @IsInt() @Min(0) @Max(50) chronicConditions!: number;
  @ApiProperty({ minimum: 0, maximum: 365 }) @IsInt() @Min(0) @Max(365) hospitalAdmissionsLast12Months!: number;
  @ApiProperty({ minimum: 0, maximum: 365 }) @IsInt() @Min(0) @Max(365) emergencyVisitsLast6Months!: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt() @Min(0) @Max(100) activeMedications!: number;
  @ApiProperty({ minimum: 0, maximum: 6 }) @IsInt() @Min(0) @Max(6) adlDependencies!: number;
}

class BehavioralDto implements ContractBody<AssessmentAnswers['behavioral'], BehavioralDto> {
  @ApiPropertyOptional({ minimum: 0, maximum: 27 }) @IsOptional() @IsInt() @Min(0) @Max(27) phq9Score?: number;
  @ApiProperty() @IsBoolean() substanceUseDisorder!: boolean;
  @ApiProperty() @IsBoolean() seriousMentalIllness!: boolean;
}

class SocialDto implements ContractBody<AssessmentAnswers['social'], SocialDto> {
  @ApiProperty() @IsBoolean() housingInstability!: boolean;
  @ApiProperty() @IsBoolean() foodInsecurity!: boolean;
  @ApiProperty() @IsBoolean() transportationBarrier!: boolean;
  @ApiProperty() @IsBoolean() needsLtss!: boolean;
  @ApiProperty() @IsBoolean() livesAlone!: boolean;
}

class CulturalDto implements ContractBody<AssessmentAnswers['cultural'], CulturalDto> {
  @ApiProperty({ example: 'es' }) @Matches(LANGUAGE_TAG, languageMessage) preferredLanguage!: string;
  @ApiProperty() @IsBoolean() interpreterNeeded!: boolean;
}

class CaregiverDto implements ContractBody<AssessmentAnswers['caregiver'], CaregiverDto> {
  @ApiProperty() @IsBoolean() hasCaregiverOrGuardian!: boolean;
  @ApiProperty() @IsBoolean() legalGuardian!: boolean;
}

export class AssessmentAnswersDto implements ContractBody<AssessmentAnswers, AssessmentAnswersDto> {
  @ApiProperty({ type: PhysicalDto }) @IsObject({ message: 'physical is required and must be an object' }) @ValidateNested() @Type(() => PhysicalDto) physical!: PhysicalDto;
  @ApiProperty({ type: BehavioralDto }) @IsObject({ message: 'behavioral is required and must be an object' }) @ValidateNested() @Type(() => BehavioralDto) behavioral!: BehavioralDto;
  @ApiProperty({ type: SocialDto }) @IsObject({ message: 'social is required and must be an object' }) @ValidateNested() @Type(() => SocialDto) social!: SocialDto;
  @ApiProperty({ type: CulturalDto }) @IsObject({ message: 'cultural is required and must be an object' }) @ValidateNested() @Type(() => CulturalDto) cultural!: CulturalDto;
  @ApiProperty({ type: CaregiverDto }) @IsObject({ message: 'caregiver is required and must be an object' }) @ValidateNested() @Type(() => CaregiverDto) caregiver!: CaregiverDto;
}

export class SubmitScreeningDto implements ContractBody<Omit<SubmitScreeningInput, 'actorId'>, SubmitScreeningDto> {
  @ApiProperty({ type: ScreeningAnswersDto }) @IsObject({ message: 'answers is required and must be an object' }) @ValidateNested() @Type(() => ScreeningAnswersDto) answers!: ScreeningAnswersDto;
}

export class SubmitAssessmentDto implements ContractBody<Omit<SubmitAssessmentInput, 'actorId'>, SubmitAssessmentDto> {
  @ApiProperty({ type: AssessmentAnswersDto }) @IsObject({ message: 'answers is required and must be an object' }) @ValidateNested() @Type(() => AssessmentAnswersDto) answers!: AssessmentAnswersDto;
}
