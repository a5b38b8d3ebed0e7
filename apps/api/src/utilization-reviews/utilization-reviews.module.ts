import { Module } from '@nestjs/common';
import { UtilizationReviewsController } from './utilization-reviews.controller';
import { UtilizationReviewsService } from './utilization-reviews.service';
import { ReviewQueueService } from './review-queue.service';

/** Utilization review (seed 004): one workflow per treatment request. */
@Module({ controllers: [UtilizationReviewsController], providers: [UtilizationReviewsService, ReviewQueueService] })
export class UtilizationReviewsModule {}
