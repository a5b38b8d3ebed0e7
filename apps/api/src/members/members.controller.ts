import { Body, Controller, Get, HttpStatus, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { MemberSummary, MemberVersionView, MemberView } from '@careloop/contracts';
import { Access, ActorId } from '../auth/access.decorator';
import { auditMembers } from '../auth/request-context';
import { IdempotencyKey } from '../cases/case-request';
import { fieldErrors } from '../common/api-error';
import { MemberInputDto } from './dto/member-input.dto';
import { MemberSearchQuery } from './dto/member-queries.dto';
import { IF_MATCH_PATTERN, IfMatchVersion, memberEtag, ParseMemberIdPipe } from './member-request';
import { MemberRegistry, memberNotFound } from './member-registry.service';
import { MemberContactNotifier } from './member-contact.notifier';
import { MemberRoutesService } from './member-routes.service';
import { MemberCaseView, MemberSummaryDoc, MemberVersionViewDoc, MemberViewDoc } from './member.view';

const ETAG = { ETag: { description: 'The member version, quoted ("3"): send it back as If-Match.', schema: { type: 'string' } } };

/**
 * The member registry's routes (issue 16). Every answer with member data
 * names its member(s) for the audit log (auditMembers); nothing here logs a
 * record or echoes one in an error.
 */
@ApiTags('members')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Problem details naming each invalid field and why.' })
@Controller('members')
export class MembersController {
  constructor(
    private readonly registry: MemberRegistry,
    private readonly routes: MemberRoutesService,
    private readonly contact: MemberContactNotifier,
  ) {}

  @Post()
  @Access('member.write')
  @ApiOperation({ summary: 'Register a member; a possible duplicate (same name and birth date) is registered and flagged, never merged' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key and body answers the member the first request created (200); another body with the key is 422.' })
  @ApiCreatedResponse({ type: MemberViewDoc, headers: { Location: { description: '/members/<id>', schema: { type: 'string' } }, ...ETAG } })
  @ApiOkResponse({ type: MemberViewDoc, description: 'A repeat of an earlier request with the same Idempotency-Key and body.', headers: ETAG })
  @ApiConflictResponse({ description: 'member_plan_id_taken, or idempotency_request_in_progress.' })
  @ApiResponse({ status: 422, description: 'idempotency_key_reused: the key was used for another body.' })
  async create(@Body() dto: MemberInputDto, @ActorId() actor: string, @Req() req: Request, @Res({ passthrough: true }) res: Response, @IdempotencyKey() key?: string): Promise<MemberView> {
    const { member, created } = await this.routes.create(dto, actor, key);
    auditMembers(req, [member.id]);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/members/${member.id}`).setHeader('ETag', memberEtag(member.version));
    return member;
  }

  @Get()
  @Access('member.search')
  @ApiOperation({ summary: 'Exact search: ?planMemberId=, or ?family=&birthDate=[&given=] (case, accents and spacing forgiven)' })
  @ApiOkResponse({ type: [MemberSummaryDoc] })
  async search(@Query() query: MemberSearchQuery, @Req() req: Request): Promise<MemberSummary[]> {
    const hits = await this.searchBy(query);
    auditMembers(req, hits.map((h) => h.id));
    return hits;
  }

  @Get(':id')
  @Access('member.read')
  @ApiOperation({ summary: 'A member record, with its version as ETag' })
  @ApiOkResponse({ type: MemberViewDoc, headers: ETAG })
  async get(@Param('id', ParseMemberIdPipe) id: string, @Res({ passthrough: true }) res: Response): Promise<MemberView> {
    const member = await this.registry.findById(id);
    if (!member) throw memberNotFound(id);
    res.setHeader('ETag', memberEtag(member.version));
    return member;
  }

  @Put(':id')
  @Access('member.write')
  @ApiOperation({ summary: 'Replace a member record (If-Match: the version it replaces); the old version is kept' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The ETag of the version this replaces, e.g. "3" (never *: a replace names its version).', schema: { type: 'string', pattern: IF_MATCH_PATTERN.source } })
  @ApiOkResponse({ type: MemberViewDoc, headers: ETAG })
  @ApiNotFoundResponse({ description: 'member_not_found' })
  @ApiConflictResponse({ description: 'member_plan_id_taken: the new plan id belongs to another member.' })
  @ApiResponse({ status: 412, description: 'member_version_mismatch: the record changed since that version.' })
  @ApiResponse({ status: 428, description: 'precondition_required: If-Match is missing.' })
  async replace(
    @Param('id', ParseMemberIdPipe) id: string,
    @Body() dto: MemberInputDto,
    @IfMatchVersion() version: number,
    @ActorId() actor: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MemberView> {
    auditMembers(req, [id]);
    const member = await this.registry.replace(id, version, dto, actor);
    await this.contact.afterReplace(member);
    res.setHeader('ETag', memberEtag(member.version));
    return member;
  }

  @Get(':id/versions')
  @Access('member.record')
  @ApiOperation({ summary: "Every version of a member's record, newest first" })
  @ApiOkResponse({ type: [MemberVersionViewDoc] })
  async versions(@Param('id', ParseMemberIdPipe) id: string): Promise<MemberVersionView[]> {
    const versions = await this.registry.versions(id);
    if (!versions) throw memberNotFound(id);
    return [...versions].sort((a, b) => b.version - a.version);
  }

  @Get(':id/cases')
  @Access('member.record')
  @ApiOperation({ summary: "The member's cases (read model), newest first" })
  @ApiOkResponse({ type: [MemberCaseView] })
  cases(@Param('id', ParseMemberIdPipe) id: string): Promise<MemberCaseView[]> {
    return this.routes.casesOf(id);
  }

  private searchBy(q: MemberSearchQuery): Promise<MemberSummary[]> {
    const byName = q.family !== undefined || q.birthDate !== undefined || q.given !== undefined;
    if (q.planMemberId !== undefined && byName) {
      const mixed = ['family', 'birthDate', 'given'].filter((k) => q[k as keyof MemberSearchQuery] !== undefined);
      throw fieldErrors(mixed.map((field) => ({ field, reason: `Search by planMemberId or by family + birthDate, not both; leave ${field} out.` })));
    }
    if (q.planMemberId !== undefined) return this.registry.searchByPlanId(q.planMemberId);
    if (q.family === undefined || q.birthDate === undefined) {
      const missing = byName ? (['family', 'birthDate'] as const).filter((k) => q[k] === undefined) : ['planMemberId'];
      throw fieldErrors(missing.map((field) => ({ field, reason: byName ? `${field} is required to search by name.` : 'Give planMemberId, or family and birthDate.' })));
    }
    return this.registry.searchByName(q.family, q.birthDate, q.given);
  }
}
