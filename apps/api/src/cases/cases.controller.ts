import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiBearerAuth,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { validateCarePlan } from '@careloop/domain';
import {
  addNoteUpdate,
  changePcpUpdate,
  closeCaseUpdate,
  memberDiscussionUpdate,
  pauseUpdate,
  progressEventUpdate,
  providerReportUpdate,
  proposePlanUpdate,
  recordAttemptUpdate,
  recordConsentUpdate,
  recordContactUpdate,
  reassignUpdate,
  recordInterventionUpdate,
  resumeUpdate,
  reviewPlanUpdate,
  submitAssessmentUpdate,
  submitScreeningUpdate,
  supplementalInfoUpdate,
} from '@careloop/contracts';
import { ApiError } from '../common/api-error';
import { CasesService } from './cases.service';
import { StartCaseDto } from './dto/start-case.dto';
import { SubmitAssessmentDto, SubmitScreeningDto } from './dto/answers.dto';
import { ProposePlanDto, RecordConsentDto } from './dto/care-plan.dto';
import {
  AddNoteDto,
  ChangePcpDto,
  CloseCaseDto,
  EmptyDto,
  MemberDiscussionDto,
  ReviewPlanDto,
  PauseDto,
  ProgressEventDto,
  ProviderReportDto,
  RecordAttemptDto,
  RecordContactDto,
  RecordInterventionDto,
  ReassignDto,
  SupplementalInfoDto,
} from './dto/case-actions.dto';
import { ActionResultView, CaseListPage, CaseView, TimelinePage } from './case.view';
import { AssessmentResultView, PlanProposalResultView, ScreeningResultView } from './case-action.view';
import { ListCasesQuery } from './dto/list-cases.query';
import { TimelineQuery } from './dto/timeline.query';
import { IdempotencyKey, ParseCaseIdPipe } from './case-request';
import { Access, ActorId, CurrentPrincipal } from '../auth/access.decorator';
import { AccessScope } from '../auth/access-scope.service';
import type { Principal } from '../auth/principal';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Send the same key again to get the first answer instead of acting twice.',
};

@ApiTags('cases')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Problem details naming each invalid field and why.' })
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly scope: AccessScope,
  ) {}

  @Post()
  @Access('case.start')
  @ApiOperation({ summary: "Start a member's case in a program, or return the open one" })
  @ApiCreatedResponse({ type: CaseView, description: 'A new case was started.' })
  @ApiOkResponse({ type: CaseView, description: 'The member already has an open case in this program; it is returned.' })
  async start(@Body() dto: StartCaseDto, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<CaseView> {
    const { created, caseId } = await this.cases.start(dto, principal);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/cases/${caseId}`);
    return this.cases.get(caseId);
  }

  @Get()
  @Access('case.list')
  @ApiOperation({ summary: 'Cases the caller may see, newest first, filtered by phase, step, status, risk tier, care manager, program or overdue' })
  @ApiOkResponse({ type: CaseListPage })
  async list(@Query() query: ListCasesQuery, @CurrentPrincipal() principal: Principal): Promise<CaseListPage> {
    return this.cases.list(query, await this.scope.visibleCareManagers(principal));
  }

  @Get(':id')
  @Access('case.read')
  @ApiOperation({ summary: 'A case: its live state (from the workflow) and its stored record' })
  @ApiOkResponse({ type: CaseView })
  @ApiNotFoundResponse({ description: 'No case with this id.' })
  get(@Param('id', ParseCaseIdPipe) id: string): Promise<CaseView> {
    return this.cases.get(id);
  }

  @Get(':id/timeline')
  @Access('case.read')
  @ApiOperation({ summary: "The case's timeline, oldest first, paged with ?after=<cursor>" })
  @ApiOkResponse({ type: TimelinePage })
  timeline(@Param('id', ParseCaseIdPipe) id: string, @Query() page: TimelineQuery): Promise<TimelinePage> {
    return this.cases.timeline(id, page.after ?? 0, page.limit ?? 50);
  }

  @Post(':id/attempts/:number/outcome')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Record the outcome of an outreach attempt (screening)' })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  recordAttempt(
    @Param('id', ParseCaseIdPipe) id: string,
    @Param('number', ParseIntPipe) attemptNumber: number,
    @Body() dto: RecordAttemptDto,
    @ActorId() actorId: string,
    @IdempotencyKey() key?: string,
  ) {
    return this.cases.act(id, recordAttemptUpdate, { ...dto, attemptNumber, actorId }, key);
  }

  @Post(':id/screening')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Submit the initial screening answers (after the member was reached)' })
  @ApiOkResponse({ type: ScreeningResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  submitScreening(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: SubmitScreeningDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, submitScreeningUpdate, { answers: dto.answers, actorId }, key);
  }

  @Post(':id/assessment')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({
    summary: 'Submit the needs and diagnostic assessment (in recovery support: a reassessment); answers with the risk tier and its reasons',
  })
  @ApiOkResponse({ type: AssessmentResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  submitAssessment(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: SubmitAssessmentDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, submitAssessmentUpdate, { answers: dto.answers, actorId }, key);
  }

  @Post(':id/plan')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Propose a care plan version (a revision keeps the previous versions)' })
  @ApiOkResponse({ type: PlanProposalResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  proposePlan(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ProposePlanDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    // The plan's cross-references and dates are checked here too, so they come back as 400 with fields.
    const issues = validateCarePlan(dto.plan, new Date().toISOString().slice(0, 10));
    if (issues.length) {
      throw new ApiError('validation_failed', `Invalid field(s): ${issues.map((i) => `plan.${i.field}`).join(', ')}`, issues.map((i) => ({ field: `plan.${i.field}`, reason: i.reason })));
    }
    return this.cases.act(id, proposePlanUpdate, { plan: dto.plan, actorId }, key);
  }

  @Post(':id/plan/:version/consent')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Record consent for a plan version; the plan becomes active' })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  recordConsent(
    @Param('id', ParseCaseIdPipe) id: string,
    @Param('version', ParseIntPipe) planVersion: number,
    @Body() dto: RecordConsentDto,
    @ActorId() actorId: string,
    @IdempotencyKey() key?: string,
  ) {
    return this.cases.act(id, recordConsentUpdate, { planVersion, consent: dto.consent, actorId }, key);
  }

  @Post(':id/member-discussion')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Recovery step 2: record the discussion of the plan with the member' })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  memberDiscussion(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: MemberDiscussionDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, memberDiscussionUpdate, { outcome: dto.outcome, summary: dto.summary, actorId }, key);
  }

  @Post(':id/contacts')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "Recovery step 3: record a regular contact; the next is scheduled on the risk tier's cadence" })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  recordContact(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: RecordContactDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, recordContactUpdate, { channel: dto.channel, outcome: dto.outcome, summary: dto.summary, actorId }, key);
  }

  @Post(':id/interventions')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "Recovery step 4: record an intervention (referral, utilization review, …)" })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  recordIntervention(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: RecordInterventionDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, recordInterventionUpdate, { kind: dto.kind, description: dto.description, actorId }, key);
  }

  @Post(':id/provider-reports')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "Recovery step 5: a provider report, forwarded to the treating physician; the committee hears of it" })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  providerReport(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ProviderReportDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, providerReportUpdate, { providerId: dto.providerId, summary: dto.summary, discussedWithMember: dto.discussedWithMember, actorId }, key);
  }

  @Post(':id/progress-events')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "Recovery step 6: monitoring; symptom increases and adherence variations notify the provider" })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  progressEvent(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ProgressEventDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, progressEventUpdate, { kind: dto.kind, detail: dto.detail, actorId }, key);
  }

  @Post(':id/supplemental-info')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "Recovery step 8: the treating physician's supplemental information arrived" })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  supplementalInfo(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: SupplementalInfoDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, supplementalInfoUpdate, { summary: dto.summary, actorId }, key);
  }

  @Post(':id/plan-review')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Periodic plan review: the plan continues, or goes back for revision; the next review is scheduled' })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  reviewPlan(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ReviewPlanDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, reviewPlanUpdate, { outcome: dto.outcome, summary: dto.summary, actorId }, key);
  }

  @Post(':id/reassign')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Hand the case to another care manager (refused when they are at the caseload cap)' })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  reassign(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ReassignDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, reassignUpdate, { careManagerId: dto.careManagerId, reason: dto.reason, actorId }, key);
  }

  @Post(':id/pcp')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "Record the member's new PCP: the plan and referrals carry over and the new PCP is informed" })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  changePcp(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ChangePcpDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, changePcpUpdate, { pcpId: dto.pcpId, actorId }, key);
  }

  @Post(':id/pause')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "Pause the case (e.g. inpatient stay): no new outreach; the care team's clocks (contacts, reviews, no progress) stop until resume, regulatory ones keep running" })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  pause(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: PauseDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, pauseUpdate, { reason: dto.reason, actorId }, key);
  }

  @Post(':id/resume')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Resume a paused case: each suspended task is due the time it had left' })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  resume(@Param('id', ParseCaseIdPipe) id: string, @Body() _dto: EmptyDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, resumeUpdate, { actorId }, key);
  }

  @Post(':id/notes')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Add a note or call record' })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  addNote(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: AddNoteDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, addNoteUpdate, { kind: dto.kind, text: dto.text, actorId }, key);
  }

  @Post(':id/close')
  @Access('case.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Close the case with a reason (final)' })
  @ApiOkResponse({ type: ActionResultView })
  @ApiConflictResponse({ description: 'The case cannot take this action now; the detail says why.' })
  close(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: CloseCaseDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.cases.act(id, closeCaseUpdate, { reason: dto.reason, detail: dto.detail, actorId }, key);
  }
}
