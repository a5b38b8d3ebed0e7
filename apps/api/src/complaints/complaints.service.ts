import { Inject, Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { COMPLAINT_WORKFLOW_TYPE, complaintQuery, reviewWorkflowId, SA_PHASE, SA_STEP, type ComplaintInput, type ComplaintView } from '@careloop/contracts';
import { ReviewRepository } from '@careloop/persistence';
import { TemporalClientService } from '@careloop/temporal';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError } from '../common/api-error';
import { actOn, liveOrStored, requestKey, startOnce } from '../common/review-workflows';
import { PolicyRegistry } from '../policies/policy-registry';
import type { LodgeComplaintDto } from './dto/complaint.dto';

@Injectable()
export class ComplaintsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly temporal: TemporalClientService,
    private readonly policies: PolicyRegistry,
    private readonly store: ReviewRepository,
  ) {}

  async lodge(dto: LodgeComplaintDto, idempotencyKey: string | undefined): Promise<{ created: boolean; complaintId: string }> {
    if (dto.caseId !== undefined) {
      // A complaint about a case must name one that exists (open or closed): checked before anything starts.
      const known = await this.temporal.client.workflow
        .getHandle(dto.caseId)
        .describe()
        .then(
          () => true,
          () => false,
        );
      if (!known) {
        throw new ApiError('validation_failed', 'Invalid field(s): caseId', [{ field: 'caseId', reason: 'caseId must be the id of an existing case' }]);
      }
    }
    const complaintId = reviewWorkflowId('complaint', `${dto.from}:${dto.fromId}`, requestKey(idempotencyKey, dto.clientRequestId), this.config.caseIdSecret);
    const input: ComplaintInput = {
      complainant: { kind: dto.from, id: dto.fromId },
      channel: dto.channel,
      subject: dto.about,
      caseId: dto.caseId ?? null,
      programCode: dto.programCode ?? null,
      summary: dto.summary,
      policy: this.policies.reviews,
    };
    const created = await startOnce(this.temporal, COMPLAINT_WORKFLOW_TYPE, complaintId, [input], {
      taskQueue: this.config.temporal.taskQueue,
      searchAttributes: [
        { key: SA_PHASE, value: 'complaint' },
        { key: SA_STEP, value: 'received' },
      ],
    });
    return { created, complaintId };
  }

  get(complaintId: string): Promise<ComplaintView> {
    return liveOrStored(
      () => this.temporal.client.workflow.getHandle(complaintId).query(complaintQuery),
      () => this.store.findComplaint(complaintId),
      new ApiError('complaint_not_found', `No complaint with id ${complaintId}.`),
    );
  }

  act<I, R>(complaintId: string, update: UpdateDefinition<R, [I]>, input: I, key: string | undefined): Promise<R> {
    return actOn(this.temporal.client.workflow.getHandle(complaintId), update, input, key, 'complaint_not_found', 'complaint');
  }
}
