import { Body, Controller, Get, HttpStatus, Param, ParseIntPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { consentByRepresentative, validateCarePlan } from '@careloop/domain';
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
  recordGoalProgressUpdate,
  reassignUpdate,
  recordInterventionUpdate,
  resumeUpdate,
  reviewPlanUpdate,
  submitAssessmentUpdate,
  submitScreeningUpdate,
  supplementalInfoUpdate,
} from '@careloop/contracts';
import { fieldErrors } from '../common/api-error';
import { WorkflowAction } from '../common/workflow-action.decorator';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { CASE } from '../temporal/workflow-kinds';
import { CasesService } from './cases.service';
import { CaseMember } from './case-member.service';
import { checkConsentBy, checkContactPoint } from './case-member.checks';
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
  RecordGoalProgressDto,
  RecordInterventionDto,
  ReassignDto,
  SupplementalInfoDto,
} from './dto/case-actions.dto';
import { ActionResultView, CaseListPage, CaseView, TimelinePage } from './case.view';
import { AssessmentResultView, PlanProposalResultView, ScreeningResultView } from './case-action.view';
import { ListCasesQuery } from './dto/list-cases.query';
import { TimelineQuery } from './dto/timeline.query';
import { IdempotencyKey, ParseCaseIdPipe, ParseGoalIdPipe } from './case-request';
import { Access, ActorId, CurrentPrincipal } from '../auth/access.decorator';
import { AccessScope } from '../auth/access-scope.service';
import type { Principal } from '../auth/principal';
import { ProviderDirectory } from '../providers/provider-directory.service';

@ApiTags('cases')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Problem details naming each invalid field and why.' })
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly temporal: TemporalGateway,
    private readonly scope: AccessScope,
    private readonly providers: ProviderDirectory,
    private readonly member: CaseMember,
  ) {}

  @Post()
  @Access('case.start')
  @ApiOperation({ summary: "Start a member's case in a program, or return the open one" })
  @ApiCreatedResponse({ type: CaseView, description: 'A new case was started.' })
  @ApiOkResponse({ type: CaseView, description: 'The member already has an open case in this program; it is returned.' })
  @ApiUnprocessableEntityResponse({ description: 'member_not_registered: memberId or memberRef names no registered member (the error names the field); nothing starts.' })
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
    return this.cases.list(query, await this.scope.caseListScope(principal));
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

  @WorkflowAction(':id/attempts/:number/outcome', { access: 'case.act', answer: ActionResultView, summary: 'Record the outcome of an outreach attempt (screening)' })
  async recordAttempt(
    @Param('id', ParseCaseIdPipe) id: string,
    @Param('number', ParseIntPipe) attemptNumber: number,
    @Body() dto: RecordAttemptDto,
    @ActorId() actorId: string,
    @IdempotencyKey() key?: string,
  ) {
    if (dto.contactPoint !== undefined) {
      checkContactPoint(await this.member.of(id), dto.contactPoint);
    }
    return this.temporal.runUpdate(CASE, id, recordAttemptUpdate, { ...dto, attemptNumber, actorId }, key);
  }

  @WorkflowAction(':id/screening', { access: 'case.act', answer: ScreeningResultView, summary: 'Submit the initial screening answers (after the member was reached)' })
  submitScreening(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: SubmitScreeningDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, submitScreeningUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/assessment', { access: 'case.act', answer: AssessmentResultView, summary: 'Submit the needs and diagnostic assessment (in recovery support: a reassessment); answers with the risk tier and its reasons' })
  submitAssessment(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: SubmitAssessmentDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, submitAssessmentUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/plan', { access: 'case.act', answer: PlanProposalResultView, summary: 'Propose a care plan version (a revision keeps the previous versions)' })
  proposePlan(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ProposePlanDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    // The plan's cross-references and dates are checked here too, so they come back as 400 with fields.
    const issues = validateCarePlan(dto.plan, new Date().toISOString().slice(0, 10));
    if (issues.length) {
      throw fieldErrors(issues.map((i) => ({ field: `plan.${i.field}`, reason: i.reason })));
    }
    return this.temporal.runUpdate(CASE, id, proposePlanUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/plan/:version/consent', { access: 'case.act', answer: ActionResultView, summary: 'Record consent for a plan version; the plan becomes active' })
  @ApiUnprocessableEntityResponse({
    description: "A representative's consent the member's record does not support (consent_representative_unknown, _without_authority, _not_in_force); nothing is recorded.",
  })
  async recordConsent(
    @Param('id', ParseCaseIdPipe) id: string,
    @Param('version', ParseIntPipe) planVersion: number,
    @Body() dto: RecordConsentDto,
    @ActorId() actorId: string,
    @IdempotencyKey() key?: string,
  ) {
    // A representative's consent is checked against their recorded authority on the day (UTC) before the workflow sees it.
    const needsMember = consentByRepresentative(dto.consent.consentedBy) || dto.consent.representativeId !== undefined;
    const member = needsMember ? await this.member.of(id) : null;
    const representative = checkConsentBy(member, dto.consent, new Date().toISOString().slice(0, 10));
    return this.temporal.runUpdate(CASE, id, recordConsentUpdate, { ...dto, planVersion, actorId, ...(representative ? { representative } : {}) }, key);
  }

  @WorkflowAction(':id/member-discussion', { access: 'case.act', answer: ActionResultView, summary: 'Recovery step 2: record the discussion of the plan with the member' })
  memberDiscussion(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: MemberDiscussionDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, memberDiscussionUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/contacts', { access: 'case.act', answer: ActionResultView, summary: "Recovery step 3: record a regular contact; the next is scheduled on the risk tier's cadence" })
  recordContact(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: RecordContactDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, recordContactUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/interventions', { access: 'case.act', answer: ActionResultView, summary: "Recovery step 4: record an intervention (referral, utilization review, …)" })
  recordIntervention(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: RecordInterventionDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, recordInterventionUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/provider-reports', { access: 'case.act', answer: ActionResultView, summary: "Recovery step 5: a provider report, forwarded to the treating physician; the committee hears of it" })
  async providerReport(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ProviderReportDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    await this.providers.requireActive('providerId', dto.providerId);
    return this.temporal.runUpdate(CASE, id, providerReportUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/progress-events', { access: 'case.act', answer: ActionResultView, summary: "Recovery step 6: monitoring; symptom increases and adherence variations notify the provider" })
  progressEvent(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ProgressEventDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, progressEventUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/supplemental-info', { access: 'case.act', answer: ActionResultView, summary: "Recovery step 8: the treating physician's supplemental information arrived" })
  supplementalInfo(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: SupplementalInfoDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, supplementalInfoUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/plan-review', { access: 'case.act', answer: ActionResultView, summary: 'Periodic plan review: the plan continues, or goes back for revision; the next review is scheduled' })
  reviewPlan(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ReviewPlanDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, reviewPlanUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/goals/:goalId/progress', { access: 'case.act', answer: ActionResultView, summary: "Record a care-plan goal as met, behind or open again; the committee's updates count goals by it" })
  recordGoalProgress(
    @Param('id', ParseCaseIdPipe) id: string,
    @Param('goalId', ParseGoalIdPipe) goalId: string,
    @Body() dto: RecordGoalProgressDto,
    @ActorId() actorId: string,
    @IdempotencyKey() key?: string,
  ) {
    return this.temporal.runUpdate(CASE, id, recordGoalProgressUpdate, { ...dto, goalId, actorId }, key);
  }

  @WorkflowAction(':id/reassign', { access: 'case.act', answer: ActionResultView, summary: 'Hand the case to another care manager (refused when they are at the caseload cap)' })
  reassign(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ReassignDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, reassignUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/pcp', { access: 'case.act', answer: ActionResultView, summary: "Record the member's new PCP: the plan and referrals carry over and the new PCP is informed" })
  async changePcp(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ChangePcpDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    await this.providers.requireActive('pcpId', dto.pcpId);
    return this.temporal.runUpdate(CASE, id, changePcpUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/pause', { access: 'case.act', answer: ActionResultView, summary: "Pause the case (e.g. inpatient stay): no new outreach; the care team's clocks (contacts, reviews, no progress) stop until resume, regulatory ones keep running" })
  pause(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: PauseDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, pauseUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/resume', { access: 'case.act', answer: ActionResultView, summary: 'Resume a paused case: each suspended task is due the time it had left' })
  resume(@Param('id', ParseCaseIdPipe) id: string, @Body() _dto: EmptyDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, resumeUpdate, { actorId }, key);
  }

  @WorkflowAction(':id/notes', { access: 'case.act', answer: ActionResultView, summary: 'Add a note or call record' })
  addNote(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: AddNoteDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, addNoteUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/close', { access: 'case.act', answer: ActionResultView, summary: 'Close the case with a reason (final)' })
  close(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: CloseCaseDto, @ActorId() actorId: string, @IdempotencyKey() key?: string) {
    return this.temporal.runUpdate(CASE, id, closeCaseUpdate, { ...dto, actorId }, key);
  }
}
