import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_WORKFLOW_TYPE, complaintQuery, reviewWorkflowId, SA_PHASE, SA_STEP, type ComplaintInput, type ComplaintView } from '@careloop/contracts';
import { ReviewRepository } from '@careloop/persistence';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { fieldError } from '../common/api-error';
import { requestKey } from '../common/review-request';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { COMPLAINT } from '../temporal/workflow-kinds';
import { PolicyRegistry } from '../policies/policy-registry';
import type { LodgeComplaintDto } from './dto/complaint.dto';

@Injectable()
export class ComplaintsService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly temporal: TemporalGateway,
    private readonly policies: PolicyRegistry,
    private readonly store: ReviewRepository,
  ) {}

  async lodge(dto: LodgeComplaintDto, idempotencyKey: string | undefined): Promise<{ created: boolean; complaintId: string }> {
    // A complaint about a case must name one that exists (open or closed): checked before anything starts.
    if (dto.caseId !== undefined && (await this.temporal.status(dto.caseId)) === null) {
      throw fieldError('caseId', 'caseId must be the id of an existing case');
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
    // One complaint per request key, forever (REJECT_DUPLICATE): a repeat finds it (200).
    const created = await this.temporal.startOnce(COMPLAINT_WORKFLOW_TYPE, {
      workflowId: complaintId,
      args: [input],
      reuse: 'REJECT_DUPLICATE',
      searchAttributes: [
        { key: SA_PHASE, value: 'complaint' },
        { key: SA_STEP, value: 'received' },
      ],
    });
    return { created, complaintId };
  }

  get(complaintId: string): Promise<ComplaintView> {
    return this.temporal.liveOrStored(
      COMPLAINT,
      complaintId,
      (handle) => handle.query(complaintQuery),
      () => this.store.findComplaint(complaintId),
    );
  }
}
