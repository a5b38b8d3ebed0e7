import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import {
  caseWorkflowId,
  reviewWorkflowId,
  SA_PHASE,
  SA_STEP,
  UTILIZATION_REVIEW_WORKFLOW_TYPE,
  utilizationReviewQuery,
  type UtilizationReviewInput,
  type UtilizationReviewView,
} from '@careloop/contracts';
import { ReviewRepository } from '@careloop/persistence';
import { TemporalClientService } from '@careloop/temporal';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError } from '../common/api-error';
import { actOn, liveOrStored, requestKey, startOnce } from '../common/review-workflows';
import { PolicyRegistry } from '../policies/policy-registry';
import type { SubmitUtilizationReviewDto } from './dto/utilization-review.dto';

@Injectable()
export class UtilizationReviewsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly temporal: TemporalClientService,
    private readonly policies: PolicyRegistry,
    private readonly reviews: ReviewRepository,
  ) {}

  /** Starts the review (or finds the one this request key already started), linked to the member's open case if any. */
  async submit(dto: SubmitUtilizationReviewDto, idempotencyKey: string | undefined): Promise<{ created: boolean; reviewId: string }> {
    const reviewId = reviewWorkflowId('ur', dto.providerId, requestKey(idempotencyKey, dto.clientRequestId), this.config.caseIdSecret);
    const input: UtilizationReviewInput = {
      providerId: dto.providerId,
      memberRef: dto.memberRef,
      programCode: dto.programCode ?? null,
      caseId: dto.programCode ? await this.openCase(dto.memberRef, dto.programCode) : null,
      urgency: dto.urgency,
      request: {
        serviceCode: dto.serviceCode,
        description: dto.description,
        quantity: dto.quantity,
        diagnosisCodes: dto.diagnosisCodes ?? [],
        justification: dto.justification,
        documents: (dto.documents ?? []).map((d) => ({ id: d.id, kind: d.kind, title: d.title, reference: d.reference })),
      },
      policy: this.policies.reviews,
    };
    const created = await startOnce(this.temporal, UTILIZATION_REVIEW_WORKFLOW_TYPE, reviewId, [input], {
      taskQueue: this.config.temporal.taskQueue,
      searchAttributes: [
        { key: SA_PHASE, value: 'utilization_review' },
        { key: SA_STEP, value: 'received' },
      ],
    });
    return { created, reviewId };
  }

  /** Live from the workflow; from Postgres once the workflow is gone (retention). */
  get(reviewId: string): Promise<UtilizationReviewView> {
    return liveOrStored(
      () => this.temporal.client.workflow.getHandle(reviewId).query(utilizationReviewQuery),
      () => this.reviews.findUtilizationReview(reviewId),
      new ApiError('review_not_found', `No utilization review with id ${reviewId}.`),
    );
  }

  act<I, R>(reviewId: string, update: UpdateDefinition<R, [I]>, input: I, key: string | undefined): Promise<R> {
    return actOn(this.temporal.client.workflow.getHandle(reviewId), update, input, key, 'review_not_found', 'utilization review');
  }

  /** The member's case in the program, if it is open (a closed or unknown case is not linked). */
  private async openCase(memberRef: string, programCode: string): Promise<string | null> {
    const caseId = caseWorkflowId(memberRef, programCode, this.config.caseIdSecret);
    const description = await this.temporal.client.workflow
      .getHandle(caseId)
      .describe()
      .catch(() => null);
    return description?.status.name === 'RUNNING' ? caseId : null;
  }
}
