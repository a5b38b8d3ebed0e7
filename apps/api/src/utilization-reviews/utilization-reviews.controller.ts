import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { appealReviewUpdate, decideReviewUpdate, supplyInformationUpdate, type UrActionResult, type UtilizationReviewView } from '@careloop/contracts';
import type { UrDecision } from '@careloop/domain';
import { IdempotencyKey } from '../cases/case-request';
import { Access, ActorId, CurrentPrincipal } from '../auth/access.decorator';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { ParseReviewIdPipe } from '../common/review-request';
import { UtilizationReviewsService } from './utilization-reviews.service';
import { UrActionResultView, UtilizationReviewViewDto } from './utilization-review.view';
import { ApiBodyVariants, ApiBodyWithOneOf } from '../openapi/body-variants';
import { AppealReviewDto, DecideReviewDto, SubmitUtilizationReviewDto, SupplyInformationDto } from './dto/utilization-review.dto';

const IDEMPOTENCY_HEADER = { name: 'Idempotency-Key', required: false, description: 'Send the same key again to get the same review (or the first answer) instead of acting twice.' };
const ParseUrId = new ParseReviewIdPipe('ur');

/** Utilization review (seed 004): treatment requests with their justification, decided against the policy's deadlines. */
@ApiTags('utilization-reviews')
@ApiBearerAuth()
@Controller('utilization-reviews')
export class UtilizationReviewsController {
  constructor(private readonly reviews: UtilizationReviewsService) {}

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

  @Post(':id/information')
  @Access('review.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'The provider sends what a pended request is missing; complete, it goes to clinical review' })
  @ApiOkResponse({ type: UrActionResultView })
  @ApiBodyWithOneOf(SupplyInformationDto, ['documents', 'diagnosisCodes'])
  @ApiConflictResponse({ description: 'The review is not pended.' })
  supply(@Param('id', ParseUrId) id: string, @Body() dto: SupplyInformationDto, @ActorId() actorId: string, @IdempotencyKey() key?: string): Promise<UrActionResult> {
    if (!dto.diagnosisCodes?.length && !dto.documents?.length) {
      throw new ApiError('validation_failed', 'Invalid field(s): documents', [{ field: 'documents', reason: 'send at least one document or diagnosis code' }]);
    }
    return this.reviews.act(id, supplyInformationUpdate, { actorId, diagnosisCodes: dto.diagnosisCodes, documents: dto.documents }, key);
  }

  @Post(':id/decision')
  @Access('review.decide')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'A reviewer decides: approved, denied (with reason) or partially approved (what is approved, and why not the rest)' })
  @ApiOkResponse({ type: UrActionResultView })
  @ApiBodyVariants(DecideReviewDto, 'kind', { approved: [], denied: ['reason'], partially_approved: ['reason', 'approvedQuantity', 'approvedDescription'] })
  @ApiConflictResponse({ description: 'The review is not in review, or the decision does not fit the request.' })
  decide(@Param('id', ParseUrId) id: string, @Body() dto: DecideReviewDto, @ActorId() actorId: string, @IdempotencyKey() key?: string): Promise<UrActionResult> {
    return this.reviews.act(id, decideReviewUpdate, { actorId, decision: toDecision(dto) }, key);
  }

  @Post(':id/appeal')
  @Access('review.act')
  @HttpCode(HttpStatus.OK)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOperation({ summary: 'Appeal an adverse decision within the appeal window: review reopens with the appeal deadline' })
  @ApiOkResponse({ type: UrActionResultView })
  @ApiConflictResponse({ description: 'Nothing to appeal, or the window has ended.' })
  appeal(@Param('id', ParseUrId) id: string, @Body() dto: AppealReviewDto, @ActorId() actorId: string, @IdempotencyKey() key?: string): Promise<UrActionResult> {
    return this.reviews.act(id, appealReviewUpdate, { actorId, reason: dto.reason, documents: dto.documents }, key);
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
