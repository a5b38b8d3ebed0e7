import { Body, Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlanSummaryViewDto, ProviderCaseViewDto, ProviderRequestResultView } from './case-action.view';
import { careManagerChangeRequestUpdate, stopParticipationRequestUpdate } from '@careloop/contracts';
import { IdempotencyKey, ParseCaseIdPipe } from './case-request';
import { Access, ActorId } from '../auth/access.decorator';
import { WorkflowAction } from '../common/workflow-action.decorator';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { CASE } from '../temporal/workflow-kinds';
import { CaseProviderService } from './case-provider.service';
import { ProviderRequestDto } from './dto/provider-request.dto';
import { ProviderDirectory } from '../providers/provider-directory.service';

const PENDING = 'The case is closed, or this provider already has such a request pending.';

/**
 * What a treating provider may see and ask on their patient's case (seed
 * 000): who manages it and how to ask for a change, the plan summary, and a
 * request that the patient stop participating. Provider-facing: no member
 * details, no assessment answers, no notes.
 */
@ApiTags('cases (provider)')
@ApiBearerAuth()
@Controller('cases')
export class CaseProviderController {
  constructor(
    private readonly provider: CaseProviderService,
    private readonly temporal: TemporalGateway,
    private readonly providers: ProviderDirectory,
  ) {}

  @Get(':id/provider-view')
  @Access('case.provider')
  @ApiOperation({ summary: 'Who manages the patient, how to reach them and how to request a change; your requests and their status' })
  @ApiOkResponse({ type: ProviderCaseViewDto })
  @ApiNotFoundResponse({ description: 'No case with this id.' })
  view(@Param('id', ParseCaseIdPipe) id: string) {
    return this.provider.view(id);
  }

  @Get(':id/plan-summary')
  @Access('case.provider')
  @ApiOperation({ summary: "The patient's active care plan: goals, interventions and referral specialties" })
  @ApiOkResponse({ type: PlanSummaryViewDto })
  @ApiNotFoundResponse({ description: 'No case with this id, or no active plan yet.' })
  planSummary(@Param('id', ParseCaseIdPipe) id: string) {
    return this.provider.planSummary(id);
  }

  @WorkflowAction(':id/care-manager-change-requests', {
    access: 'case.provider',
    answer: ProviderRequestResultView,
    summary: 'Ask for another care manager: forwarded to the supervisor',
    conflict: PENDING,
  })
  async careManagerChange(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ProviderRequestDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    await this.providers.requireActive('providerId', dto.providerId);
    return this.temporal.runUpdate(CASE, id, careManagerChangeRequestUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/stop-participation-requests', {
    access: 'case.provider',
    answer: ProviderRequestResultView,
    summary: 'Ask that the patient stop participating: a supervisor reviews it (due per policy) and decides',
    conflict: PENDING,
  })
  async stopParticipation(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ProviderRequestDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    await this.providers.requireActive('providerId', dto.providerId);
    return this.temporal.runUpdate(CASE, id, stopParticipationRequestUpdate, { ...dto, actorId }, key);
  }
}
