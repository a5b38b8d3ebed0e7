import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { TEAM_ID_PATTERN } from '@careloop/domain';
import type { WorkItemView, WorklistPage } from '@careloop/contracts';
import { Access, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { requestContext } from '../auth/request-context';
import { EmptyDto } from '../cases/dto/case-actions.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { WorkItemViewDto, WorklistPageView } from './work-item.view';
import { ParseStaffId, ParseWorkItemId, ReassignWorkItemDto, WorklistQuery } from './worklist.dto';
import { WorklistService } from './worklist.service';

const ParseTeamId = new ParseIdPipe(TEAM_ID_PATTERN, 'teamId must be a team id such as east', undefined, 'teamId');
const NOT_VISIBLE = "No such work item, or one of another team's.";
const CLOSED_OR_HELD = 'Someone else holds it (work_item_held) or it is closed (work_item_closed); the detail says who may act.';

/**
 * Worklists (issue 17, docs/worklists.md): every open piece of human work as one list. These routes
 * only read and change who holds an item; the work itself is done on the owning workflow's route
 * (the item's `complete`), and the projection closes the item when the workflow closes the task.
 */
@ApiTags('worklist')
@ApiBearerAuth()
@Controller('worklist')
export class WorklistController {
  constructor(private readonly worklist: WorklistService) {}

  @Get()
  @Access('worklist.read')
  @ApiOperation({ summary: "The caller's worklist: what they hold and their team's unclaimed queue for their role; overdue first, then by due time" })
  @ApiOkResponse({ type: WorklistPageView })
  mine(@Query() query: WorklistQuery, @CurrentPrincipal() principal: Principal): Promise<WorklistPage> {
    return this.worklist.mine(principal, query);
  }

  @Get('staff/:staffId')
  @Access('worklist.supervise')
  @ApiOperation({ summary: "One person's held items (a supervisor: someone on their own team; an admin: anyone)" })
  @ApiOkResponse({ type: WorklistPageView })
  @ApiNotFoundResponse({ description: "No such staff member, or not on the supervisor's team." })
  ofStaff(@Param('staffId', ParseStaffId) staffId: string, @Query() query: WorklistQuery, @CurrentPrincipal() principal: Principal): Promise<WorklistPage> {
    return this.worklist.ofStaff(principal, staffId, query);
  }

  @Get('teams/:teamId')
  @Access('worklist.supervise')
  @ApiOperation({ summary: "A team's open work: its queues and what its people hold (a supervisor: their own team; an admin: any)" })
  @ApiOkResponse({ type: WorklistPageView })
  @ApiNotFoundResponse({ description: "No such team, or not the supervisor's own." })
  ofTeam(@Param('teamId', ParseTeamId) teamId: string, @Query() query: WorklistQuery, @CurrentPrincipal() principal: Principal): Promise<WorklistPage> {
    return this.worklist.ofTeam(principal, teamId, query);
  }

  @Post(':id/claim')
  @Access('worklist.work')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Take an unclaimed item of the caller's team queue for their role; claiming what one already holds answers 200" })
  @ApiOkResponse({ type: WorkItemViewDto })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: CLOSED_OR_HELD })
  // The empty body DTO refuses any field sent (400 naming it), as every other POST does.
  async claim(@Param('id', ParseWorkItemId) id: string, @Body() _body: EmptyDto, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<WorkItemView> {
    return audited(req, await this.worklist.claim(principal, id));
  }

  @Post(':id/release')
  @Access('worklist.work')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Put a held item back in its queue (its holder, or a supervisor of its team); an item already in its queue answers 200' })
  @ApiOkResponse({ type: WorkItemViewDto })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: CLOSED_OR_HELD })
  async release(@Param('id', ParseWorkItemId) id: string, @Body() _body: EmptyDto, @CurrentPrincipal() principal: Principal, @Req() req: Request): Promise<WorkItemView> {
    return audited(req, await this.worklist.release(principal, id));
  }

  @Post(':id/reassign')
  @Access('worklist.supervise')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Hand an item to an active person of its team and role, with a reason (kept in the audit log); to its current holder answers 200" })
  @ApiOkResponse({ type: WorkItemViewDto })
  @ApiNotFoundResponse({ description: NOT_VISIBLE })
  @ApiConflictResponse({ description: 'Closed (work_item_closed), or it changed hands meanwhile (work_item_held): read it again.' })
  @ApiUnprocessableEntityResponse({ description: 'toStaffId may not hold it: inactive, another team, or another role (work_item_assignee_invalid).' })
  async reassign(
    @Param('id', ParseWorkItemId) id: string,
    @Body() dto: ReassignWorkItemDto,
    @CurrentPrincipal() principal: Principal,
    @Req() req: Request,
  ): Promise<WorkItemView> {
    return audited(req, await this.worklist.reassign(principal, id, dto.toStaffId));
  }
}

/** The audit row of a holder change names the item's case (ids only). */
function audited(req: Request, item: WorkItemView): WorkItemView {
  const ctx = requestContext(req);
  if (ctx && item.caseId !== null) ctx.caseId = item.caseId;
  return item;
}
