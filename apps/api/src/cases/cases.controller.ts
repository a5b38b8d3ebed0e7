import { Body, Controller, Get, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CASE_WORKFLOW_ID_PATTERN } from '@careloop/contracts';
import { ApiError } from '../common/api-error';
import { CasesService } from './cases.service';
import { StartCaseDto } from './start-case.dto';
import { CaseView } from './case.view';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: "Start a member's case in a program, or return the open one" })
  @ApiCreatedResponse({ type: CaseView, description: 'A new case was started.' })
  @ApiOkResponse({ type: CaseView, description: 'The member already has an open case in this program; it is returned.' })
  @ApiBadRequestResponse({ description: 'Problem details naming each invalid field and why.' })
  async start(@Body() dto: StartCaseDto, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    const { created, caseId } = await this.cases.start(dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/cases/${caseId}`);
    return this.cases.get(caseId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A case: its live phase (from the workflow) and its stored record' })
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse({ description: 'No case with this id.' })
  async get(@Param('id') id: string): Promise<CaseView> {
    if (!CASE_WORKFLOW_ID_PATTERN.test(id)) {
      throw new ApiError('validation_failed', 'Invalid field(s): id', [
        { field: 'id', reason: 'id must be a case id such as case-ccm-0123456789abcdef01234567' },
      ]);
    }
    return this.cases.get(id);
  }
}
