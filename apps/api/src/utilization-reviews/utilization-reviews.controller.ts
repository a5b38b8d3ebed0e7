import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { appealReviewUpdate, decideReviewUpdate, supplyInformationUpdate, type UrActionResult, type UtilizationReviewView } from '@careloop/contracts';
import type { UrDecision } from '@careloop/domain';
import { IdempotencyKey } from '../cases/case-request';
import { Access, ActorId, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ApiError, fieldError } from '../common/api-error';
import { ParseReviewIdPipe } from '../common/review-request';
import { WorkflowAction } from '../common/workflow-action.decorator';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { UTILIZATION_REVIEW } from '../temporal/workflow-kinds';
import { UtilizationReviewsService } from './utilization-reviews.service';
import { UrActionResultView, UtilizationReviewPageView, UtilizationReviewViewDto } from './utilization-review.view';
import { ReviewQueueService } from './review-queue.service';
import { ListUtilizationReviewsQuery } from './dto/list-utilization-reviews.query';
import { ApiBodyVariants, ApiBodyWithOneOf } from '../openapi/body-variants';
import { AppealReviewDto, DecideReviewDto, SubmitUtilizationReviewDto, SupplyInformationDto } from './dto/utilization-review.dto';
import { ProviderDirectory } from '../providers/provider-directory.service';

const SAME_REVIEW = 'Send the same key again to get the same review (or the first answer) instead of acting twice.';
const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: SAME_REVIEW };
const ParseUrId = new ParseReviewIdPipe('ur');

/** Utilization review (seed 004): treatment requests with their justification, decided against the policy's deadlines. */
@ApiTags('utilization-reviews')
@ApiBearerAuth()
@Controller('utilization-reviews')
export class UtilizationReviewsController {
  constructor(
    private readonly reviews: UtilizationReviewsService,
    private readonly temporal: TemporalGateway,
    private readonly providers: ProviderDirectory,
    private readonly queue: ReviewQueueService,
  ) {}

  @Get()
  @Access('review.list')
  @ApiOperation({
    summary: "The reviewer's queue: open reviews (pended, in review, appeal review) by decision due time, each with its decision clock; a provider sees only their own requests; paged with a cursor",
  })
  @ApiOkResponse({ type: UtilizationReviewPageView })
  list(@Query() q: ListUtilizationReviewsQuery, @CurrentPrincipal() principal: Principal) {
    return this.queue.utilizationReviews(q, principal.role === 'provider' ? principal.sub : undefined);
  }

  @Post()
  @Access('review.submit')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Submit a treatment request for review (idempotent by Idempotency-Key or clientRequestId)' })
  @ApiCreatedResponse({ type: UtilizationReviewViewDto, description: 'The review was started; its state is returned.' })
  @ApiOkResponse({ type: UtilizationReviewViewDto, description: 'This request key already started a review; it is returned.' })
  async submit(
    @Body() dto: SubmitUtilizationReviewDto,
    @Res({ passthrough: true }) res: Response,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() key?: string,
  ): Promise<UtilizationReviewView> {
    // Staff may enter a request for a provider; a provider submits only in their own name.
    if (principal.role === 'provider' && dto.providerId !== principal.sub) {
      throw new ApiError('forbidden', 'A provider submits treatment requests in their own name: providerId must be your own id.');
    }
    await this.providers.requireActive('providerId', dto.providerId);
    const { created, reviewId } = await this.reviews.submit(dto, key);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK).location(`/utilization-reviews/${reviewId}`);
    return this.reviews.get(reviewId);
  }

  @Get(':id')
  @Access('review.read')
  @ApiOperation({ summary: 'Status, due times (the clock is stopped while pended), escalations and decisions' })
  @ApiOkResponse({ type: UtilizationReviewViewDto })
  @ApiNotFoundResponse({ description: 'No review with this id.' })
  get(@Param('id', ParseUrId) id: string): Promise<UtilizationReviewView> {
    return this.reviews.get(id);
  }

  @WorkflowAction(':id/information', {
    access: 'review.act',
    answer: UrActionResultView,
    summary: 'The provider sends what a pended request is missing; complete, it goes to clinical review',
    conflict: 'The review is not pended.',
    idempotency: SAME_REVIEW,
  })
  @ApiBodyWithOneOf(SupplyInformationDto, ['documents', 'diagnosisCodes'])
  supply(@Param('id', ParseUrId) id: string, @Body() dto: SupplyInformationDto, @ActorId() actorId: string, @IdempotencyKey() key?: string): Promise<UrActionResult> {
    if (!dto.diagnosisCodes?.length && !dto.documents?.length) {
      throw fieldError('documents', 'send at least one document or diagnosis code');
    }
    return this.temporal.runUpdate(UTILIZATION_REVIEW, id, supplyInformationUpdate, { ...dto, actorId }, key);
  }

  @WorkflowAction(':id/decision', {
    access: 'review.decide',
    answer: UrActionResultView,
    summary: 'A reviewer decides: approved, denied (with reason) or partially approved (what is approved, and why not the rest)',
    conflict: 'The review is not in review, or the decision does not fit the request.',
    idempotency: SAME_REVIEW,
  })
  @ApiBodyVariants(DecideReviewDto, 'kind', { approved: [], denied: ['reason'], partially_approved: ['reason', 'approvedQuantity', 'approvedDescription'] })
  decide(@Param('id', ParseUrId) id: string, @Body() dto: DecideReviewDto, @ActorId() actorId: string, @IdempotencyKey() key?: string): Promise<UrActionResult> {
    return this.temporal.runUpdate(UTILIZATION_REVIEW, id, decideReviewUpdate, { actorId, decision: toDecision(dto) }, key);
  }

  @WorkflowAction(':id/appeal', {
    access: 'review.act',
    answer: UrActionResultView,
    summary: 'Appeal an adverse decision within the appeal window: review reopens with the appeal deadline',
    conflict: 'Nothing to appeal, or the window has ended.',
    idempotency: SAME_REVIEW,
  })
  appeal(@Param('id', ParseUrId) id: string, @Body() dto: AppealReviewDto, @ActorId() actorId: string, @IdempotencyKey() key?: string): Promise<UrActionResult> {
    return this.temporal.runUpdate(UTILIZATION_REVIEW, id, appealReviewUpdate, { ...dto, actorId }, key);
  }
}

function toDecision(dto: DecideReviewDto): UrDecision {
  if (dto.kind === 'approved') {
    return { kind: 'approved' };
  }
  if (dto.kind === 'denied') {
    return { kind: 'denied', reason: dto.reason! };
  }
  return { kind: 'partially_approved', reason: dto.reason!, approvedQuantity: dto.approvedQuantity!, approvedDescription: dto.approvedDescription! };
}
