import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { CONSENTED_BY, type CarePlan, type ConsentedBy, type PlanConsent } from '@careloop/domain';
import type { ProposePlanInput, RecordConsentInput } from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';

/** The id of a problem, goal, intervention or referral within a plan (also a path parameter: /goals/:goalId). */
export const PLAN_ITEM_ID = /^[A-Za-z0-9_-]{1,32}$/;
const ID = PLAN_ITEM_ID;
const idMessage = { message: '$property must be 1-32 letters, digits, "_" or "-"' };
const idsMessage = { each: true, message: '$property must list ids of 1-32 letters, digits, "_" or "-"' };

class ProblemDto implements ContractBody<CarePlan['problems'][number], ProblemDto> {
  @ApiProperty({ example: 'p1' }) @Matches(ID, idMessage) id!: string;
  @ApiProperty() @IsString() @Length(1, 2000) description!: string;
  @ApiProperty({ enum: ['physical', 'behavioral', 'social', 'cultural', 'caregiver'] })
  @IsIn(['physical', 'behavioral', 'social', 'cultural', 'caregiver'])
  domain!: 'physical' | 'behavioral' | 'social' | 'cultural' | 'caregiver';
}

class GoalDto implements ContractBody<CarePlan['goals'][number], GoalDto> {
  @ApiProperty({ example: 'g1' }) @Matches(ID, idMessage) id!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @Matches(ID, idsMessage) problemIds!: string[];
  @ApiProperty() @IsString() @Length(1, 2000) description!: string;
  @ApiProperty({ format: 'date' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'targetDate must be a date written YYYY-MM-DD' }) targetDate!: string;
}

class InterventionDto implements ContractBody<CarePlan['interventions'][number], InterventionDto> {
  @ApiProperty({ example: 'i1' }) @Matches(ID, idMessage) id!: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @Matches(ID, idsMessage) goalIds!: string[];
  @ApiProperty() @IsString() @Length(1, 2000) description!: string;
  @ApiProperty({ enum: ['care_manager', 'member', 'provider', 'caregiver'] })
  @IsIn(['care_manager', 'member', 'provider', 'caregiver'])
  owner!: 'care_manager' | 'member' | 'provider' | 'caregiver';
}

class ReferralDto implements ContractBody<CarePlan['referrals'][number], ReferralDto> {
  @ApiProperty({ example: 'r1' }) @Matches(ID, idMessage) id!: string;
  @ApiProperty({ example: 'cardiology' }) @IsString() @Length(1, 200) specialty!: string;
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

export class CarePlanDto implements ContractBody<CarePlan, CarePlanDto> {
  @ApiProperty({ type: [ProblemDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ProblemDto) problems!: ProblemDto[];
  @ApiProperty({ type: [GoalDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => GoalDto) goals!: GoalDto[];
  @ApiProperty({ type: [InterventionDto] }) @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => InterventionDto) interventions!: InterventionDto[];
  @ApiProperty({ type: [ReferralDto] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => ReferralDto) referrals!: ReferralDto[];
}

export class ProposePlanDto implements ContractBody<Omit<ProposePlanInput, 'actorId'>, ProposePlanDto> {
  @ApiProperty({ type: CarePlanDto }) @IsObject({ message: 'plan is required and must be an object' }) @ValidateNested() @Type(() => CarePlanDto) plan!: CarePlanDto;
}

class ConsentDto implements ContractBody<PlanConsent, ConsentDto> {
  @ApiProperty() @IsBoolean() consentGiven!: boolean;
  @ApiProperty({ enum: CONSENTED_BY, description: '`representative`: an authorised representative (give representativeId); `guardian` is the older name for it, still accepted.' })
  @IsIn(CONSENTED_BY)
  consentedBy!: ConsentedBy;
  @ApiPropertyOptional({ example: 'rep_0123456789abcdefghjkmnpqrs', description: "The member registry's representative who consented; required for a representative when the member is in the registry." })
  @IsOptional()
  @Matches(/^rep_[0-9A-Za-z]{1,40}$/, { message: 'representativeId must be a representative id such as rep_0123456789abcdefghjkmnpqrs' })
  representativeId?: string;
  @ApiProperty() @IsBoolean() memberInvolved!: boolean;
  @ApiProperty() @IsBoolean() familyOrGuardianInvolved!: boolean;
}

/** `representative` is the API's: set from the registry once the representative's authority is checked. */
export class RecordConsentDto implements ContractBody<Omit<RecordConsentInput, 'actorId' | 'planVersion' | 'representative'>, RecordConsentDto> {
  @ApiProperty({ type: ConsentDto }) @IsObject({ message: 'consent is required and must be an object' }) @ValidateNested() @Type(() => ConsentDto) consent!: ConsentDto;
}
