import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsString, Length, Matches } from 'class-validator';
import { PROGRAM_CODE_PATTERN, TEAM_ID_PATTERN, US_REGION_CODES, type UsRegionCode } from '@careloop/domain';
import type { TeamInput, TeamUpdateInput } from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';

export const TEAM_ID_MESSAGE = 'must be a team id: 1-64 lower-case letters, digits, "_" or "-", starting with a letter or digit';

/** `PUT /teams/:id`: every field of the team but its id (a full replacement, so a repeat is harmless). */
export class UpdateTeamDto implements ContractBody<TeamUpdateInput, UpdateTeamDto> {
  @ApiProperty({ maxLength: 200, example: 'East' }) @IsString() @Length(1, 200) name!: string;

  @ApiProperty({ type: [String], example: ['CCM'], description: 'Program codes the team serves; a case of another program never lands on it.' })
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique({ message: 'programs must not repeat a program code' })
  @Matches(PROGRAM_CODE_PATTERN, { each: true, message: 'each of programs must be a program code such as CCM' })
  programs!: string[];

  @ApiProperty({ type: [String], enum: US_REGION_CODES, example: ['NY'], description: 'US state or territory codes (USPS) the team serves.' })
  @IsArray()
  @ArrayMaxSize(US_REGION_CODES.length)
  @ArrayUnique({ message: 'regions must not repeat a code' })
  @IsIn(US_REGION_CODES, { each: true, message: 'each of regions must be a US state or territory code such as NY, CA or PR' })
  regions!: UsRegionCode[];

  @ApiProperty({ description: 'An inactive team takes no new cases; teams are never deleted.' }) @IsBoolean() active!: boolean;
}

/** `POST /teams`. */
export class CreateTeamDto extends UpdateTeamDto implements ContractBody<TeamInput, CreateTeamDto> {
  @ApiProperty({ example: 'east', pattern: TEAM_ID_PATTERN.source, description: 'Stable: it names the team queue (team:<id>) and cases refer to it.' })
  @Matches(TEAM_ID_PATTERN, { message: `id ${TEAM_ID_MESSAGE}` })
  id!: string;
}
