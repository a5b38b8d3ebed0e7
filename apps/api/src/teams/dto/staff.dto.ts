import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, Length, Matches, Validate, ValidateIf, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { E164_PATTERN, EMAIL_PATTERN, LANGUAGE_TAG_PATTERN, STAFF_ID_PATTERN, STAFF_ROLES, TEAM_ID_PATTERN, type StaffRole } from '@careloop/domain';
import type { StaffInput, StaffUpdateInput } from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';
import { TEAM_ID_MESSAGE } from './team.dto';

export const MAX_CASELOAD_CAP = 10_000;

/** Null (the program policy's cap applies) or a whole number of cases from 1: a cap of 0 would silently stop assignment. */
@ValidatorConstraint({ name: 'isCaseloadCap' })
class IsCaseloadCap implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return value === null || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_CASELOAD_CAP);
  }

  defaultMessage(): string {
    return `caseloadCap must be a whole number from 1 to ${MAX_CASELOAD_CAP}, or null for the program's cap`;
  }
}

/** `PUT /staff/:id`: the whole record but the id (a full replacement). */
export class UpdateStaffDto implements ContractBody<StaffUpdateInput, UpdateStaffDto> {
  @ApiProperty({ maxLength: 200, example: 'Dana East' }) @IsString() @Length(1, 200) displayName!: string;

  @ApiProperty({ enum: STAFF_ROLES }) @IsIn(STAFF_ROLES, { message: `role must be one of ${STAFF_ROLES.join(', ')}` }) role!: StaffRole;

  @ApiProperty({ example: 'east', pattern: TEAM_ID_PATTERN.source, description: 'An existing team; an active one unless the person is recorded inactive.' })
  @Matches(TEAM_ID_PATTERN, { message: `teamId ${TEAM_ID_MESSAGE}` })
  teamId!: string;

  @ApiProperty({ type: [String], example: ['en', 'es'], description: 'BCP 47 language tags the person works in.' })
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'languages must not repeat a tag' })
  @Matches(LANGUAGE_TAG_PATTERN, { each: true, message: 'each of languages must be a BCP 47 language tag such as en, es or zh-Hant' })
  languages!: string[];

  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: MAX_CASELOAD_CAP, example: 20, description: "The person's own cap; null: the program policy's." })
  @Validate(IsCaseloadCap)
  caseloadCap!: number | null;

  @ApiProperty({ description: 'Inactive: keeps the row (assignments name the person) but takes no new cases and sees no team cases.' })
  @IsBoolean()
  active!: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 254, example: 'dana.east@example.org', description: 'Where notices are emailed (a link to the inbox only); absent or null: inbox only.' })
  @ValidateIf((o: UpdateStaffDto) => o.email !== null && o.email !== undefined)
  @Matches(EMAIL_PATTERN, { message: 'email must be an email address' })
  @Length(3, 254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+15551234567', description: 'E.164 number for SMS notices; absent or null: none.' })
  @ValidateIf((o: UpdateStaffDto) => o.phone !== null && o.phone !== undefined)
  @Matches(E164_PATTERN, { message: 'phone must be an E.164 number such as +15551234567' })
  phone?: string | null;
}

/** `POST /staff`. */
export class CreateStaffDto extends UpdateStaffDto implements ContractBody<StaffInput, CreateStaffDto> {
  @ApiProperty({ example: 'cm-east-1', pattern: STAFF_ID_PATTERN.source, description: "The person's id: the `sub` of their tokens." })
  @Matches(STAFF_ID_PATTERN, { message: 'id must be a staff id: 1-64 letters, digits, "_", ".", ":", "@" or "-"' })
  id!: string;
}
