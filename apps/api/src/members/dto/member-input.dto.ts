import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import {
  MEMBER_CONTACT_METHODS,
  MEMBER_IDENTIFIER_KINDS,
  PHONE_USES,
  RECORDED_SEXES,
  REPRESENTATIVE_AUTHORITIES,
  REPRESENTATIVE_RELATIONSHIPS,
  WEEKDAYS,
  type MemberContactMethod,
  type MemberIdentifierKind,
  type PhoneUse,
  type RecordedSex,
  type RepresentativeAuthority,
  type RepresentativeRelationship,
  type Weekday,
} from '@careloop/domain';
import type {
  ContactPreferences,
  ContactWindow,
  EligibilitySpan,
  EnrollmentSpan,
  MemberAddress,
  MemberIdentifier,
  MemberInput,
  MemberName,
  MemberPhone,
  RepresentativeInput,
} from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';

/**
 * PUT/POST /members bodies. These DTOs check shapes (types, vocabularies,
 * lengths) so every error names its field path (`phones.1.number`); the
 * meaning (one plan id, real dates, E.164 phones, time zones, spans in order)
 * is libs/domain validateMemberRecord's, applied by MemberRegistry.
 * Messages never echo a value: a body is PHI.
 */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (name: string) => ({ message: `${name} must be a date written YYYY-MM-DD` });
const oneOf = (values: readonly string[]) => ({ message: `$property must be one of ${values.join(', ')}` });
const eachOneOf = (values: readonly string[]) => ({ each: true, message: `$property must list only ${values.join(', ')}` });
const obj = (name: string) => ({ message: `${name} is required and must be an object` });

export class MemberIdentifierDto implements ContractBody<MemberIdentifier, MemberIdentifierDto> {
  @ApiProperty({ enum: MEMBER_IDENTIFIER_KINDS }) @IsIn(MEMBER_IDENTIFIER_KINDS, oneOf(MEMBER_IDENTIFIER_KINDS)) kind!: MemberIdentifierKind;
  @ApiProperty({ example: 'M-000123', maxLength: 64 }) @IsString() @Length(1, 64) value!: string;
  @ApiPropertyOptional({ example: 'urn:oid:2.16.840.1.113883.4.927', maxLength: 200 }) @IsOptional() @IsString() @Length(1, 200) system?: string;
}

export class MemberNameDto implements ContractBody<MemberName, MemberNameDto> {
  @ApiProperty({ type: [String], example: ['Ana', 'María'] }) @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(100, { each: true }) given!: string[];
  @ApiProperty({ example: 'Núñez', maxLength: 100 }) @IsString() @MaxLength(100) family!: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @Length(1, 100) preferred?: string;
}

export class MemberAddressDto implements ContractBody<MemberAddress, MemberAddressDto> {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(4) @IsString({ each: true }) @Length(1, 200, { each: true }) lines!: string[];
  @ApiProperty({ maxLength: 100 }) @IsString() @Length(1, 100) city!: string;
  @ApiProperty({ maxLength: 64 }) @IsString() @Length(1, 64) state!: string;
  @ApiProperty({ maxLength: 16 }) @IsString() @Length(1, 16) postalCode!: string;
  @ApiPropertyOptional({ maxLength: 64 }) @IsOptional() @IsString() @Length(1, 64) country?: string;
}

export class MemberPhoneDto implements ContractBody<MemberPhone, MemberPhoneDto> {
  @ApiProperty({ enum: PHONE_USES }) @IsIn(PHONE_USES, oneOf(PHONE_USES)) use!: PhoneUse;
  @ApiProperty({ example: '+1 312 555 0100', maxLength: 32 }) @IsString() @MaxLength(32) number!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() smsOk?: boolean;
}

export class ContactWindowDto implements ContractBody<ContactWindow, ContactWindowDto> {
  @ApiProperty({ enum: WEEKDAYS, isArray: true }) @IsArray() @ArrayMaxSize(7) @IsIn(WEEKDAYS, eachOneOf(WEEKDAYS)) days!: Weekday[];
  @ApiProperty({ example: '09:00' }) @IsString() @MaxLength(5) from!: string;
  @ApiProperty({ example: '17:00' }) @IsString() @MaxLength(5) to!: string;
}

export class ContactPreferencesDto implements ContractBody<ContactPreferences, ContactPreferencesDto> {
  @ApiProperty({ enum: MEMBER_CONTACT_METHODS }) @IsIn(MEMBER_CONTACT_METHODS, oneOf(MEMBER_CONTACT_METHODS)) method!: MemberContactMethod;
  @ApiProperty({ type: [ContactWindowDto] }) @IsArray() @ArrayMaxSize(14) @ValidateNested({ each: true }) @Type(() => ContactWindowDto) windows!: ContactWindowDto[];
  @ApiProperty({ example: 'America/Chicago', maxLength: 64 }) @IsString() @MaxLength(64) timeZone!: string;
}

export class RepresentativeDto implements ContractBody<RepresentativeInput, RepresentativeDto> {
  @ApiPropertyOptional({ description: 'Sent back to keep an existing entry; left out for a new one.', pattern: '^rep_[0-9a-z]{26}$' })
  @IsOptional()
  @Matches(/^rep_[0-9a-hjkmnp-tv-z]{26}$/, { message: 'id must be a representative id such as rep_0123456789abcdefghjkmnpqrs' })
  id?: string;
  @ApiProperty({ maxLength: 200 }) @IsString() @MaxLength(200) name!: string;
  @ApiProperty({ enum: REPRESENTATIVE_RELATIONSHIPS }) @IsIn(REPRESENTATIVE_RELATIONSHIPS, oneOf(REPRESENTATIVE_RELATIONSHIPS)) relationship!: RepresentativeRelationship;
  @ApiProperty({ enum: REPRESENTATIVE_AUTHORITIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(REPRESENTATIVE_AUTHORITIES.length)
  @IsIn(REPRESENTATIVE_AUTHORITIES, eachOneOf(REPRESENTATIVE_AUTHORITIES))
  authorities!: RepresentativeAuthority[];
  @ApiProperty({ format: 'date' }) @Matches(DATE, date('validFrom')) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @ValidateIf((_, v) => v !== null) @Matches(DATE, date('validUntil')) validUntil!: string | null;
  @ApiPropertyOptional({ maxLength: 32 }) @IsOptional() @IsString() @MaxLength(32) phone?: string;
  @ApiPropertyOptional({ maxLength: 254 }) @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ maxLength: 35 }) @IsOptional() @IsString() @MaxLength(35) preferredLanguage?: string;
}

export class EligibilitySpanDto implements ContractBody<EligibilitySpan, EligibilitySpanDto> {
  @ApiProperty({ example: 'medicaid', maxLength: 64 }) @IsString() @MaxLength(64) coverage!: string;
  @ApiProperty({ format: 'date' }) @Matches(DATE, date('start')) start!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @ValidateIf((_, v) => v !== null) @Matches(DATE, date('end')) end!: string | null;
}

export class EnrollmentSpanDto implements ContractBody<EnrollmentSpan, EnrollmentSpanDto> {
  @ApiProperty({ example: 'CCM', maxLength: 32 }) @IsString() @MaxLength(32) programCode!: string;
  @ApiProperty({ format: 'date' }) @Matches(DATE, date('start')) start!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) @ValidateIf((_, v) => v !== null) @Matches(DATE, date('end')) end!: string | null;
}

/** A member record as POST /members creates it and PUT /members/:id replaces it. */
export class MemberInputDto implements ContractBody<MemberInput, MemberInputDto> {
  @ApiProperty({ type: [MemberIdentifierDto], description: 'Exactly one of kind plan (the case memberRef).' })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => MemberIdentifierDto)
  identifiers!: MemberIdentifierDto[];
  @ApiProperty({ type: MemberNameDto }) @IsObject(obj('name')) @ValidateNested() @Type(() => MemberNameDto) name!: MemberNameDto;
  @ApiProperty({ format: 'date', example: '1956-03-14' }) @Matches(DATE, date('birthDate')) birthDate!: string;
  @ApiProperty({ enum: RECORDED_SEXES }) @IsIn(RECORDED_SEXES, oneOf(RECORDED_SEXES)) sex!: RecordedSex;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @Length(1, 100) genderIdentity?: string;
  @ApiPropertyOptional({ type: MemberAddressDto }) @IsOptional() @IsObject(obj('address')) @ValidateNested() @Type(() => MemberAddressDto) address?: MemberAddressDto;
  @ApiProperty({ type: [MemberPhoneDto] }) @IsArray() @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => MemberPhoneDto) phones!: MemberPhoneDto[];
  @ApiPropertyOptional({ maxLength: 254 }) @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiProperty() @IsBoolean() portal!: boolean;
  @ApiProperty({ type: ContactPreferencesDto })
  @IsObject(obj('contactPreferences'))
  @ValidateNested()
  @Type(() => ContactPreferencesDto)
  contactPreferences!: ContactPreferencesDto;
  @ApiProperty({ example: 'es', maxLength: 35 }) @IsString() @MaxLength(35) preferredLanguage!: string;
  @ApiProperty() @IsBoolean() interpreterNeeded!: boolean;
  @ApiProperty({ type: [RepresentativeDto] }) @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => RepresentativeDto) representatives!: RepresentativeDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Provider directory id of the PCP; null: none.', maxLength: 64 })
  @ValidateIf((o: MemberInputDto) => o.pcpProviderId !== undefined && o.pcpProviderId !== null)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, { message: 'pcpProviderId must be 1-64 letters, digits, ".", "_", ":" or "-"' })
  pcpProviderId?: string | null;
  @ApiProperty({ type: [EligibilitySpanDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EligibilitySpanDto) eligibility!: EligibilitySpanDto[];
  @ApiProperty({ type: [EnrollmentSpanDto] }) @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EnrollmentSpanDto) enrollments!: EnrollmentSpanDto[];
}
