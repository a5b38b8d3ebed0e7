import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { acknowledgeComplaintUpdate, resolveComplaintUpdate, type ComplaintActionResult, type ComplaintView } from '@careloop/contracts';
import { IdempotencyKey } from '../cases/case-request';
import { Access, ActorId } from '../auth/access.decorator';
import { EmptyDto } from '../cases/dto/case-actions.dto';
import { ParseReviewIdPipe } from '../common/review-request';
import { WorkflowAction } from '../common/workflow-action.decorator';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { COMPLAINT } from '../temporal/workflow-kinds';
import { ComplaintsService } from './complaints.service';
import { ComplaintActionResultView, ComplaintPageView, ComplaintViewDto } from './complaint.view';
import { ComplaintListService } from './complaint-list.service';
import { ListComplaintsQuery } from './dto/list-complaints.query';
import { ApiBodyVariants } from '../openapi/body-variants';
import { LodgeComplaintDto, ResolveComplaintDto } from './dto/complaint.dto';

const SAME_COMPLAINT = 'Send the same key again to get the same complaint (or the first answer) instead of acting twice.';
const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: SAME_COMPLAINT };
const NOT_FOUND = 'No complaint with this id.';
const ParseComplaintId = new ParseReviewIdPipe('complaint');

/** Complaints (seed 000): verbal or written, from providers or members, acknowledged and resolved against due dates. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly temporal: TemporalGateway,
    private readonly listing: ComplaintListService,
  ) {}

  @Get()
  @Access('complaint.handle')
  @ApiOperation({ summary: 'Complaints to work (received, acknowledged), next due first, each with its acknowledgement and resolution due times; filter by status, overdue; paged with a cursor' })
  @ApiOkResponse({ type: ComplaintPageView })
  list(@Query() q: ListComplaintsQuery) {
    return this.listing.list(q);
  }

  @Post()
  @Access('complaint.lodge')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Lodge a complaint: the complainant is sent the receipt with the complaint process at once' })
  @ApiBodyVariants(LodgeComplaintDto, 'about', { case: ['caseId'], program: [] })
  @ApiCreatedResponse({ type: ComplaintViewDto, description: 'The complaint was recorded.' })
  @ApiOkResponse({ type: ComplaintViewDto, description: 'This request key already recorded a complaint; it is returned.' })
  async lodge(@Body() dto: LodgeComplaintDto, @Res({ passthrough: true }) res: Response, @IdempotencyKey() key?: string): Promise<ComplaintView> {
    const { created, complaintId } = await this.complaints.lodge(dto, key);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/complaints/${complaintId}`);
    return this.complaints.get(complaintId);
  }

  @Get(':id')
  @Access('complaint.handle')
  @ApiOperation({ summary: 'Status, due dates, who acknowledged, outcome and escalations (no complaint text)' })
  @ApiOkResponse({ type: ComplaintViewDto })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('id', ParseComplaintId) id: string): Promise<ComplaintView> {
    return this.complaints.get(id);
  }

  @WorkflowAction(':id/acknowledge', {
    access: 'complaint.handle',
    answer: ComplaintActionResultView,
    summary: 'A staff member acknowledges (takes ownership of) the complaint',
    conflict: 'Already acknowledged or resolved.',
    notFound: NOT_FOUND,
    idempotency: SAME_COMPLAINT,
  })
  acknowledge(@Param('id', ParseComplaintId) id: string, @Body() _dto: EmptyDto, @ActorId() actorId: string, @IdempotencyKey() key?: string): Promise<ComplaintActionResult> {
    return this.temporal.runUpdate(COMPLAINT, id, acknowledgeComplaintUpdate, { actorId }, key);
  }

  @WorkflowAction(':id/resolve', {
    access: 'complaint.handle',
    answer: ComplaintActionResultView,
    summary: 'Resolve the complaint with its outcome; the complainant is told',
    conflict: 'Already resolved.',
    notFound: NOT_FOUND,
    idempotency: SAME_COMPLAINT,
  })
  resolve(@Param('id', ParseComplaintId) id: string, @Body() dto: ResolveComplaintDto, @ActorId() actorId: string, @IdempotencyKey() key?: string): Promise<ComplaintActionResult> {
    return this.temporal.runUpdate(COMPLAINT, id, resolveComplaintUpdate, { ...dto, actorId }, key);
  }
}
