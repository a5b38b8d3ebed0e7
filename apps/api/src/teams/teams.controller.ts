import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { STAFF_ID_PATTERN, TEAM_ID_PATTERN } from '@careloop/domain';
import type { StaffView, TeamList, TeamView } from '@careloop/contracts';
import { Access, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateStaffDto, UpdateStaffDto } from './dto/staff.dto';
import { CreateTeamDto, TEAM_ID_MESSAGE, UpdateTeamDto } from './dto/team.dto';
import { StaffViewDto, TeamListView, TeamViewDto } from './team.view';
import { TeamsService } from './teams.service';

const ParseTeamId = new ParseIdPipe(TEAM_ID_PATTERN, `id ${TEAM_ID_MESSAGE}`);
const ParseStaffId = new ParseIdPipe(STAFF_ID_PATTERN, 'id must be a staff id: 1-64 letters, digits, "_", ".", ":", "@" or "-"');
const REPEAT = 'The same id with the same content was already recorded: it is returned and nothing changes (a retried POST is harmless).';
const TEAM_NOT_VISIBLE = "No such team, or not the caller's own team (supervisors and care managers read only theirs).";
const STAFF_NOT_VISIBLE = "No such staff member, or not on the caller's own team.";

/**
 * Care teams and their staff, managed through the API (issue 16): admins write; supervisors and care
 * managers read their own team. The roster file (CARELOOP_STAFF_FILE) stays a seed that upserts the same rows.
 */
@ApiTags('teams')
@ApiBearerAuth()
@Controller()
export class TeamsController {
  constructor(private readonly service: TeamsService) {}

  @Post('teams')
  @Access('team.manage')
  @ApiOperation({ summary: 'Create a care team (admin): id, name, programs and regions served, active' })
  @ApiCreatedResponse({ type: TeamViewDto, description: 'The team was created.' })
  @ApiOkResponse({ type: TeamViewDto, description: REPEAT })
  @ApiConflictResponse({ description: 'A team with this id exists with different content (team_conflict); use PUT.' })
  async createTeam(@Body() dto: CreateTeamDto, @Res({ passthrough: true }) res: Response): Promise<TeamView> {
    const { created, team } = await this.service.createTeam(dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/teams/${team.id}`);
    return team;
  }

  @Put('teams/:id')
  @Access('team.manage')
  @ApiOperation({ summary: 'Replace a care team (admin); deactivating it stops new cases landing on it' })
  @ApiOkResponse({ type: TeamViewDto })
  @ApiNotFoundResponse({ description: 'No team with this id.' })
  updateTeam(@Param('id', ParseTeamId) id: string, @Body() dto: UpdateTeamDto): Promise<TeamView> {
    return this.service.updateTeam({ ...dto, id });
  }

  @Get('teams')
  @Access('team.read')
  @ApiOperation({ summary: "Care teams: every team for an admin, the caller's own for supervisors and care managers" })
  @ApiOkResponse({ type: TeamListView })
  listTeams(@CurrentPrincipal() principal: Principal): Promise<TeamList> {
    return this.service.listTeams(principal);
  }

  @Get('teams/:id')
  @Access('team.read')
  @ApiOperation({ summary: 'A care team with its active members: role, languages, caseload cap and current open caseload' })
  @ApiOkResponse({ type: TeamViewDto })
  @ApiNotFoundResponse({ description: TEAM_NOT_VISIBLE })
  getTeam(@Param('id', ParseTeamId) id: string, @CurrentPrincipal() principal: Principal): Promise<TeamView> {
    return this.service.getTeam(principal, id);
  }

  @Post('staff')
  @Access('team.manage')
  @ApiOperation({ summary: 'Record a care manager or supervisor on an existing, active team (admin)' })
  @ApiCreatedResponse({ type: StaffViewDto, description: 'The person was recorded.' })
  @ApiOkResponse({ type: StaffViewDto, description: REPEAT })
  @ApiConflictResponse({ description: 'A staff member with this id exists with different content (staff_conflict); use PUT.' })
  async createStaff(@Body() dto: CreateStaffDto, @Res({ passthrough: true }) res: Response): Promise<StaffView> {
    const { created, staff } = await this.service.createStaff(dto);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/staff/${staff.id}`);
    return staff;
  }

  @Put('staff/:id')
  @Access('team.manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Replace a staff record (admin): move teams, change languages or cap, deactivate (the row is kept)' })
  @ApiOkResponse({ type: StaffViewDto })
  @ApiNotFoundResponse({ description: 'No staff member with this id.' })
  updateStaff(@Param('id', ParseStaffId) id: string, @Body() dto: UpdateStaffDto): Promise<StaffView> {
    return this.service.updateStaff({ ...dto, id });
  }

  @Get('staff/:id')
  @Access('team.read')
  @ApiOperation({ summary: 'A staff member: team, role, languages, cap, active, current open caseload' })
  @ApiOkResponse({ type: StaffViewDto })
  @ApiNotFoundResponse({ description: STAFF_NOT_VISIBLE })
  getStaff(@Param('id', ParseStaffId) id: string, @CurrentPrincipal() principal: Principal): Promise<StaffView> {
    return this.service.getStaff(principal, id);
  }
}
