import { Body, Controller, Get, Param, Query, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { fieldError } from '../common/api-error';
import { WorkflowAction } from '../common/workflow-action.decorator';
import { ActionResultView } from '../cases/case.view';
import { CaseloadsView, DiagnosisView, RetryResultView, StopParticipationPageView, StuckCasePageView, StuckSummaryView } from './supervisor.view';
import { StopParticipationListService } from './stop-participation-list.service';
import { StopParticipationQuery } from './dto/stop-participation.query';
import { parseDuration, STUCK_KIND_INFO } from '@careloop/domain';
import { IdempotencyKey, ParseCaseIdPipe } from '../cases/case-request';
import { Access, ActorId, CurrentPrincipal } from '../auth/access.decorator';
import { AccessScope } from '../auth/access-scope.service';
import type { Principal } from '../auth/principal';
import { StuckCasesService } from './stuck-cases.service';
import { SupervisorActionsService } from './supervisor-actions.service';
import { StuckCaseFiltersQuery, StuckCasesQuery } from './dto/stuck-cases.query';
import { CloseBySupervisorDto, ExtendDueDateDto, NudgeDto, RetryDto, SupervisorReassignDto } from './dto/supervisor-actions.dto';
import { StopParticipationDecisionDto } from '../cases/dto/provider-request.dto';

const APPLIES_ONCE = 'Repeat the request with the same key and it applies once.';

/** Provider request ids as the case hands them out (`pr-1`, `pr-2`, …). */
class ParseRequestIdPipe implements PipeTransform<string, string> {
  static readonly pattern = /^pr-[0-9]{1,6}$/;
  readonly parameterSchema = { type: 'string', pattern: ParseRequestIdPipe.pattern.source, example: 'pr-1' } as const;

  transform(id: string): string {
    if (!ParseRequestIdPipe.pattern.test(id)) {
      throw fieldError('rid', 'rid must be a provider request id such as pr-1');
    }
    return id;
  }
}

function filtersOf(q: StuckCaseFiltersQuery) {
  return {
    programCode: q.programCode,
    careManagerId: q.careManagerId,
    riskTier: q.riskTier,
    overdueByMs: q.overdueBy ? parseDuration(q.overdueBy) : 0,
  };
}

/** Supervisors: which cases are stuck and why (DESIGN §5), and what to do about it. Every action is audited. */
@ApiTags('supervisor')
@ApiBearerAuth()
@Controller('supervisor')
export class SupervisorController {
  constructor(
    private readonly stuck: StuckCasesService,
    private readonly actions: SupervisorActionsService,
    private readonly scope: AccessScope,
    private readonly stopRequests: StopParticipationListService,
  ) {}

  @Get('stop-participation-requests')
  @Access('supervisor.read')
  @ApiOperation({ summary: "Providers' open requests that the patient stop participating, soonest decision due first, on the cases the caller may see; filter by team; paged with a cursor" })
  @ApiOkResponse({ type: StopParticipationPageView })
  async stopParticipationRequests(@Query() q: StopParticipationQuery, @CurrentPrincipal() principal: Principal) {
    return this.stopRequests.list(q, await this.scope.caseListScope(principal));
  }

  @Get('stuck-cases')
  @Access('supervisor.read')
  @ApiOperation({ summary: 'Open cases that are stuck, each with why, since when and what is due next; paged with a cursor' })
  @ApiOkResponse({ type: StuckCasePageView })
  async list(@Query() q: StuckCasesQuery, @CurrentPrincipal() principal: Principal) {
    const visibleTo = await this.scope.visibleCareManagers(principal);
    return this.stuck.list({ ...filtersOf(q), kind: q.kind, ...(visibleTo ? { visibleTo } : {}) }, q.limit ?? 50, q.cursor);
  }

  @Get('stuck-cases/summary')
  @Access('supervisor.read')
  @ApiOperation({ summary: 'How many open cases are stuck, by kind (a case stuck in two ways counts in both)' })
  @ApiOkResponse({ type: StuckSummaryView })
  async summary(@Query() q: StuckCaseFiltersQuery, @CurrentPrincipal() principal: Principal) {
    const visibleTo = await this.scope.visibleCareManagers(principal);
    return { counts: await this.stuck.summary({ ...filtersOf(q), ...(visibleTo ? { visibleTo } : {}) }), kinds: STUCK_KIND_INFO };
  }

  @Get('caseloads')
  @Access('supervisor.read')
  @ApiOperation({ summary: "Each care manager's open cases against the caseload cap, by risk tier" })
  @ApiOkResponse({ type: CaseloadsView })
  async caseloads(@CurrentPrincipal() principal: Principal) {
    const visibleTo = await this.scope.visibleCareManagers(principal);
    const rows = (await this.actions.caseloads()).filter((r) => visibleTo === undefined || visibleTo.includes(r.careManagerId));
    return { items: rows.map((r) => ({ ...r, available: Math.max(r.cap - r.open, 0), overCap: r.open > r.cap })) };
  }

  @Get('cases/:id/diagnosis')
  @Access('supervisor.case')
  @ApiOperation({ summary: "Why a case is stuck: pending activities with attempts and last failure, problems, open tasks, last events, supervisor actions" })
  @ApiOkResponse({ type: DiagnosisView })
  diagnosis(@Param('id', ParseCaseIdPipe) id: string) {
    return this.actions.diagnosis(id);
  }

  @WorkflowAction('cases/:id/reassign', {
    access: 'supervisor.case',
    answer: ActionResultView,
    summary: 'Reassign within the caseload cap, or above it with overrideCap and a reason',
    conflict: 'Refused (e.g. over cap without override); the detail says why. Audited either way.',
    idempotency: APPLIES_ONCE,
  })
  reassign(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: SupervisorReassignDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.reassign(id, dto, actor, key);
  }

  @WorkflowAction('cases/:id/extend-due-date', {
    access: 'supervisor.case',
    answer: ActionResultView,
    summary: 'Give an open task a later due time, with the reason',
    conflict: 'No such open task, or the new time is not later.',
    idempotency: APPLIES_ONCE,
  })
  extend(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ExtendDueDateDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.extendDueDate(id, dto, actor, key);
  }

  @WorkflowAction('cases/:id/nudge', {
    access: 'supervisor.case',
    answer: ActionResultView,
    summary: 'Send the care team the task notification again',
    conflict: 'No such open task, or the case is closed.',
    idempotency: APPLIES_ONCE,
  })
  nudge(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: NudgeDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.nudge(id, dto, actor, key);
  }

  @WorkflowAction('cases/:id/retry', {
    access: 'supervisor.case',
    answer: RetryResultView,
    summary: 'Retry now: restart retrying activities at once and queue given-up notifications again',
    conflict: 'Nothing is failing on this case, or it is closed.',
    idempotency: APPLIES_ONCE,
  })
  retry(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: RetryDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.retry(id, dto, actor, key);
  }

  @WorkflowAction('cases/:id/stop-participation-requests/:rid/decision', {
    access: 'supervisor.case',
    answer: ActionResultView,
    summary: "Decide a provider's request that the patient stop participating: approve closes the case (provider_request), reject keeps it open",
    conflict: 'No such pending request, or the case is closed.',
    idempotency: APPLIES_ONCE,
  })
  decideStopParticipation(
    @Param('id', ParseCaseIdPipe) id: string,
    @Param('rid', new ParseRequestIdPipe()) requestId: string,
    @Body() dto: StopParticipationDecisionDto,
    @ActorId() actor: string,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.decideStopParticipation(id, requestId, dto, actor, key);
  }

  @WorkflowAction('cases/:id/close', {
    access: 'supervisor.case',
    answer: ActionResultView,
    summary: 'Close the case with a closure reason and why',
    conflict: 'The case is already closed, or cannot close with this reason.',
    idempotency: APPLIES_ONCE,
  })
  close(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: CloseBySupervisorDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.close(id, dto, actor, key);
  }
}
