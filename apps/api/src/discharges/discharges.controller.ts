import { Body, Controller, Get, Param, Query, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { TRANSITION_TASKS, type TransitionTask } from '@careloop/domain';
import { DISCHARGE_STATUSES, DISCHARGE_WORKFLOW_ID_PATTERN, TASK_STATUSES, type CompleteTransitionTaskInput } from '@careloop/contracts';
import type { ContractBody } from '../common/contract-body';
import { fieldError } from '../common/api-error';
import { WorkflowAction } from '../common/workflow-action.decorator';
import { IdempotencyKey } from '../cases/case-request';
import { Access, ActorId, CurrentPrincipal } from '../auth/access.decorator';
import { AccessScope } from '../auth/access-scope.service';
import type { Principal } from '../auth/principal';
import { DischargesService } from './discharges.service';
import { DischargeListService } from './discharge-list.service';
import { DischargePageView } from './discharge-list.view';
import { ListDischargesQuery } from './dto/list-discharges.query';

class ParseDischargeIdPipe implements PipeTransform<string, string> {
  static readonly parameterSchema = { type: 'string', pattern: DISCHARGE_WORKFLOW_ID_PATTERN.source } as const;

  transform(id: string): string {
    if (!DISCHARGE_WORKFLOW_ID_PATTERN.test(id)) {
      throw fieldError('id', 'id must be a discharge id such as discharge-0123456789abcdef01234567');
    }
    return id;
  }
}

class ParseTaskPipe implements PipeTransform<string, TransitionTask> {
  static readonly parameterSchema = { type: 'string', enum: [...TRANSITION_TASKS] } as const;

  transform(task: string): TransitionTask {
    if (!(TRANSITION_TASKS as readonly string[]).includes(task)) {
      throw fieldError('task', `task must be one of ${TRANSITION_TASKS.join(', ')}`);
    }
    return task as TransitionTask;
  }
}

export class CompleteTaskDto implements ContractBody<Omit<CompleteTransitionTaskInput, 'actorId' | 'task'>, CompleteTaskDto> {
  @ApiPropertyOptional({ description: 'When the task was actually done (ISO 8601 with offset); defaults to now.', example: '2026-11-23T10:15:00-05:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'completedAt must be an ISO 8601 timestamp with offset' })
  completedAt?: string;
}

class TransitionTaskView {
  @ApiProperty({ enum: TRANSITION_TASKS }) task!: string;
  @ApiProperty({ enum: TASK_STATUSES }) status!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ nullable: true, type: String }) remindAt!: string | null;
  @ApiProperty() escalateAt!: string;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) completedBy!: string | null;
  @ApiProperty() late!: boolean;
}

class DischargeAmendmentView {
  @ApiProperty({ enum: ['update', 'cancel'] }) kind!: string;
  @ApiProperty({ example: 'ADT^A08' }) messageType!: string;
  @ApiProperty() appliedAt!: string;
  @ApiProperty({ enum: ['dischargedAt', 'disposition', 'pcpId'], isArray: true }) changed!: string[];
}

class DischargeView {
  @ApiProperty() dischargeId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() programCode!: string;
  @ApiProperty({ enum: ['json', 'fhir-encounter', 'fhir-bundle', 'hl7v2-adt-a03'] }) format!: string;
  @ApiProperty() dischargedAt!: string;
  @ApiProperty({ enum: DISCHARGE_STATUSES }) status!: string;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Whether the case was started for this discharge.' }) caseStarted!: boolean | null;
  @ApiProperty({ type: [TransitionTaskView] }) tasks!: TransitionTaskView[];
  @ApiProperty({ nullable: true, type: String, description: "When the sender's cancellation (ADT^A13) was applied." }) cancelledAt!: string | null;
  @ApiProperty({ type: [DischargeAmendmentView], description: "The sender's updates (ADT^A08) and cancellation (ADT^A13): field names and times only." })
  amendments!: DischargeAmendmentView[];
  @ApiProperty({ example: 'RUNNING' }) workflowStatus!: string;
}

@ApiTags('discharges')
@ApiBearerAuth()
@Controller('discharges')
export class DischargesController {
  constructor(
    private readonly discharges: DischargesService,
    private readonly list: DischargeListService,
    private readonly scope: AccessScope,
  ) {}

  @Get()
  @Access('discharge.work')
  @ApiOperation({
    summary: "Discharges of the cases the caller may see, newest first, each with its transition-of-care tasks' deadlines and status; filter by status, overdue, case, team; paged with a cursor",
  })
  @ApiOkResponse({ type: DischargePageView })
  async index(@Query() q: ListDischargesQuery, @CurrentPrincipal() principal: Principal): Promise<DischargePageView> {
    const page = await this.list.list(q, await this.scope.caseListScope(principal));
    return { items: page.items.map((i) => ({ ...i, tasks: [...i.tasks] })), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Access('discharge.work')
  @ApiOperation({ summary: "A discharge's transition-of-care tasks: due, reminded, missed, escalated or done" })
  @ApiOkResponse({ type: DischargeView })
  @ApiNotFoundResponse({ description: 'No discharge with this id.' })
  async get(@Param('id', ParseDischargeIdPipe) id: string): Promise<DischargeView> {
    const view = await this.discharges.get(id);
    // A worker still on the previous version (rolling deploy) answers the query without them.
    return { ...view, tasks: view.tasks.map((t) => ({ ...t })), cancelledAt: view.cancelledAt ?? null, amendments: (view.amendments ?? []).map((a) => ({ ...a, changed: [...a.changed] })) };
  }

  @WorkflowAction(':id/tasks/:task', {
    access: 'discharge.work',
    answer: TransitionTaskView,
    summary: 'Record a transition-of-care task as done (member_contact, medication_reconciliation, follow_up_visit, pcp_informed)',
    conflict: 'Already done, or the discharge has ended; the detail says why.',
    notFound: 'No discharge with this id.',
    idempotency: 'Send the same key again to get the first answer.',
  })
  completeTask(
    @Param('id', ParseDischargeIdPipe) id: string,
    @Param('task', ParseTaskPipe) task: TransitionTask,
    @Body() dto: CompleteTaskDto,
    @ActorId() actorId: string,
    @IdempotencyKey() key?: string,
  ) {
    return this.discharges.completeTask(id, { ...dto, task, actorId }, key);
  }
}
