import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProgramInformationView } from './program-information.view';
import { PROGRAM_CODE_PATTERN, type ProgramInformation } from '@careloop/domain';
import { Access } from '../auth/access.decorator';
import { fieldError } from '../common/api-error';
import { PolicyRegistry } from '../policies/policy-registry';

/** Program information for providers (seed 000: scope of services, processes, guidelines, staff, complaints, privacy). */
@ApiTags('programs')
@ApiBearerAuth()
@Controller('programs')
export class ProgramsController {
  constructor(private readonly policies: PolicyRegistry) {}

  @Get(':code/information')
  @Access('program.read')
  @ApiOperation({ summary: "What a provider is told about a program: scope of services, processes, guidelines, staff, how to request changes, complaints, privacy" })
  @ApiParam({ name: 'code', schema: { type: 'string', pattern: PROGRAM_CODE_PATTERN.source }, example: 'CCM' })
  @ApiOkResponse({ type: ProgramInformationView })
  information(@Param('code') code: string): ProgramInformation & { readonly programCode: string } {
    if (!PROGRAM_CODE_PATTERN.test(code)) {
      throw fieldError('code', 'code must be a program code such as CCM');
    }
    return { programCode: code, ...this.policies.information(code) };
  }
}
