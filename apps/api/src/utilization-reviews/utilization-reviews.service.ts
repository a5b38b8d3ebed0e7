import { Inject, Injectable } from '@nestjs/common';
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
import { API_CONFIG, type ApiConfig } from '../api.config';
import { requestKey } from '../common/review-request';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { UTILIZATION_REVIEW } from '../temporal/workflow-kinds';
import { PolicyRegistry } from '../policies/policy-registry';
import type { SubmitUtilizationReviewDto } from './dto/utilization-review.dto';

@Injectable()
export class UtilizationReviewsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly temporal: TemporalGateway,
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
    // One review per request key, forever (REJECT_DUPLICATE): a repeat finds it (200) instead of starting another.
    const created = await this.temporal.startOnce(UTILIZATION_REVIEW_WORKFLOW_TYPE, {
      workflowId: reviewId,
      args: [input],
      reuse: 'REJECT_DUPLICATE',
      searchAttributes: [
        { key: SA_PHASE, value: 'utilization_review' },
        { key: SA_STEP, value: 'received' },
      ],
    });
    return { created, reviewId };
  }

  /** Live from the workflow; from Postgres once the workflow is gone (retention). */
  get(reviewId: string): Promise<UtilizationReviewView> {
    return this.temporal.liveOrStored(
      UTILIZATION_REVIEW,
      reviewId,
      (handle) => handle.query(utilizationReviewQuery),
      () => this.reviews.findUtilizationReview(reviewId),
    );
  }

  /** The member's case in the program, if it is open (a closed or unknown case is not linked). */
  private async openCase(memberRef: string, programCode: string): Promise<string | null> {
    const caseId = caseWorkflowId(memberRef, programCode, this.config.caseIdSecret);
    return (await this.temporal.status(caseId)) === 'RUNNING' ? caseId : null;
  }
}
