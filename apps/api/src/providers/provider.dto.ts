import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import type { CreateProviderInput, ProviderEndpoint, UpdateProviderInput } from '@careloop/contracts';
import { PROVIDER_ENDPOINT_KINDS, PROVIDER_ID_PATTERN, PROVIDER_ROLES, type ProviderRole } from '@careloop/domain';
import type { ContractBody } from '../common/contract-body';

/** The endpoint's shape in the OpenAPI document; the body is checked by providerInputProblems (one union, three kinds). */
export class ProviderEndpointDto {
  @ApiProperty({ enum: PROVIDER_ENDPOINT_KINDS, description: 'email and direct (Direct secure messaging) go through the SMTP relay; webhook is a JSON POST.' }) kind!: string;
  @ApiPropertyOptional({ description: 'email and direct: the mail address.', example: 'notices@clinic.example.org' }) address?: string;
  @ApiPropertyOptional({ description: 'webhook: an absolute http(s) URL without credentials.', example: 'https://clinic.example.org/careloop-notices' }) url?: string;
}

class ProviderDetailsDto {
  @ApiProperty({ example: '1234567893', description: '10 digits with the NPI check digit.' }) @Allow() npi!: string;
  @ApiProperty({ maxLength: 200, example: 'Dr. Ada Rivera' }) @IsString() @Length(1, 200, { message: 'name must be 1-200 characters' }) name!: string;
  @ApiProperty({ enum: PROVIDER_ROLES }) @IsIn(PROVIDER_ROLES, { message: `role must be one of ${PROVIDER_ROLES.join(', ')}` }) role!: ProviderRole;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200, example: 'Northside Family Medicine' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @Length(1, 200, { message: 'organization must be 1-200 characters or null' })
  organization?: string | null;
  @ApiProperty({ type: ProviderEndpointDto, description: 'Where notices for this provider are delivered (PHI-free: a pointer to CareLoop).' }) @Allow() endpoint!: ProviderEndpoint;
}

export class CreateProviderDto extends ProviderDetailsDto implements ContractBody<CreateProviderInput, CreateProviderDto> {
  @ApiPropertyOptional({ example: 'prv-1234567893', description: 'The directory id (default prv- + the NPI).' })
  @IsOptional()
  @Matches(PROVIDER_ID_PATTERN, { message: 'id must be 1-64 letters, digits or "_.:@-"' })
  id?: string;
}

/** `GET /providers`: unknown query parameters are refused (400), like every query DTO. */
export class ProviderSearchQuery {
  @ApiPropertyOptional({ pattern: '^[0-9]{10}$', example: '1234567893', description: 'Exact NPI (takes precedence over name).' })
  @IsOptional()
  @Matches(/^[0-9]{10}$/, { message: 'npi must be 10 digits' })
  npi?: string;
  @ApiPropertyOptional({ minLength: 2, maxLength: 200, example: 'rivera', description: 'Substring of the name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @Length(2, 200, { message: 'name must be 2-200 characters' })
  name?: string;
}

export class UpdateProviderDto extends ProviderDetailsDto implements ContractBody<UpdateProviderInput, UpdateProviderDto> {
  @ApiPropertyOptional({ description: 'false deactivates the entry (default: unchanged).' }) @IsOptional() @IsBoolean({ message: 'active must be true or false' }) active?: boolean;
}
