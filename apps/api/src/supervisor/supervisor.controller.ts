import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiError } from '../common/api-error';
import { ApiConflictResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parseDuration, STUCK_KIND_INFO } from '@careloop/domain';
import { ActorId, IdempotencyKey, ParseCaseIdPipe } from '../cases/case-request';
import { StuckCasesService } from './stuck-cases.service';
import { SupervisorActionsService } from './supervisor-actions.service';
import { StuckCaseFiltersQuery, StuckCasesQuery } from './dto/stuck-cases.query';
import { CloseBySupervisorDto, ExtendDueDateDto, NudgeDto, RetryDto, SupervisorReassignDto } from './dto/supervisor-actions.dto';
import { StopParticipationDecisionDto } from '../cases/dto/provider-request.dto';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'Repeat the request with the same key and it applies once.' };

/** Provider request ids as the case hands them out (`pr-1`, `pr-2`, …). */
class ParseRequestIdPipe implements PipeTransform<string, string> {
  transform(id: string): string {
    if (!/^pr-[0-9]{1,6}$/.test(id)) {
      throw new ApiError('validation_failed', 'Invalid field(s): rid', [{ field: 'rid', reason: 'rid must be a provider request id such as pr-1' }]);
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
@Controller('supervisor')
export class SupervisorController {
  constructor(
    private readonly stuck: StuckCasesService,
    private readonly actions: SupervisorActionsService,
  ) {}

  @Get('stuck-cases')
  @ApiOperation({ summary: 'Open cases that are stuck, each with why, since when and what is due next; paged with a cursor' })
  list(@Query() q: StuckCasesQuery) {
    return this.stuck.list({ ...filtersOf(q), kind: q.kind }, q.limit ?? 50, q.cursor);
  }

  @Get('stuck-cases/summary')
  @ApiOperation({ summary: 'How many open cases are stuck, by kind (a case stuck in two ways counts in both)' })
  async summary(@Query() q: StuckCaseFiltersQuery) {
    return { counts: await this.stuck.summary(filtersOf(q)), kinds: STUCK_KIND_INFO };
  }

  @Get('caseloads')
  @ApiOperation({ summary: "Each care manager's open cases against the caseload cap, by risk tier" })
  async caseloads() {
    const rows = await this.actions.caseloads();
    return { items: rows.map((r) => ({ ...r, available: Math.max(r.cap - r.open, 0), overCap: r.open > r.cap })) };
  }

  @Get('cases/:id/diagnosis')
  @ApiOperation({ summary: "Why a case is stuck: pending activities with attempts and last failure, problems, open tasks, last events, supervisor actions" })
  diagnosis(@Param('id', ParseCaseIdPipe) id: string) {
    return this.actions.diagnosis(id);
  }

  @Post('cases/:id/reassign')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Reassign within the caseload cap, or above it with overrideCap and a reason' })
  @ApiConflictResponse({ description: 'Refused (e.g. over cap without override); the detail says why. Audited either way.' })
  reassign(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: SupervisorReassignDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.reassign(id, dto, actor, key);
  }

  @Post('cases/:id/extend-due-date')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Give an open task a later due time, with the reason' })
  @ApiConflictResponse({ description: 'No such open task, or the new time is not later.' })
  extend(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: ExtendDueDateDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.extendDueDate(id, dto, actor, key);
  }

  @Post('cases/:id/nudge')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Send the care team the task notification again' })
  nudge(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: NudgeDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.nudge(id, dto, actor, key);
  }

  @Post('cases/:id/retry')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Retry now: restart retrying activities at once and queue given-up notifications again' })
  retry(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: RetryDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.retry(id, dto, actor, key);
  }

  @Post('cases/:id/stop-participation-requests/:rid/decision')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: "Decide a provider's request that the patient stop participating: approve closes the case (provider_request), reject keeps it open" })
  @ApiConflictResponse({ description: 'No such pending request, or the case is closed.' })
  decideStopParticipation(
    @Param('id', ParseCaseIdPipe) id: string,
    @Param('rid', new ParseRequestIdPipe()) requestId: string,
    @Body() dto: StopParticipationDecisionDto,
    @ActorId() actor: string,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.decideStopParticipation(id, requestId, dto, actor, key);
  }

  @Post('cases/:id/close')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Close the case with a closure reason and why' })
  close(@Param('id', ParseCaseIdPipe) id: string, @Body() dto: CloseBySupervisorDto, @ActorId() actor: string, @IdempotencyKey() key?: string) {
    return this.actions.close(id, dto, actor, key);
  }
}
