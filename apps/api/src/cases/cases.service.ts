import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { isGrpcServiceError } from '@temporalio/client';
import { DEFAULT_CASE_POLICY } from '@careloop/domain';
import {
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  caseWorkflowId,
  SA_PHASE,
  SA_PROGRAM,
  type CaseWorkflowInput,
} from '@careloop/contracts';
import { CaseRecordRepository, type StoredCase } from '@careloop/persistence';
import { TemporalClientService } from '@careloop/temporal';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError } from '../common/api-error';
import type { StartCaseDto } from './start-case.dto';
import type { CaseRecordView, CaseView } from './case.view';

export interface StartCaseResult {
  readonly created: boolean;
  readonly caseId: string;
}

@Injectable()
export class CasesService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly temporal: TemporalClientService,
    private readonly caseRecords: CaseRecordRepository,
  ) {}

  /**
   * Starts the member's case in the program, or finds the open one. The id is
   * derived from member + program, so concurrent or repeated requests all land
   * on one workflow: the server admits a single running execution per id, and
   * the loser of a race gets "already started" and answers with the existing case.
   */
  async start(dto: StartCaseDto): Promise<StartCaseResult> {
    const caseId = caseWorkflowId(dto.memberRef, dto.programCode, this.config.caseIdSecret);
    const input: CaseWorkflowInput = {
      memberRef: dto.memberRef,
      programCode: dto.programCode,
      enrollmentDate: dto.enrollmentDate,
      policy: DEFAULT_CASE_POLICY,
    };
    try {
      await this.temporal.client.workflow.start(CASE_WORKFLOW_TYPE, {
        workflowId: caseId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        // FAIL (not USE_EXISTING) so the API can tell "created" (201) from "already open" (200);
        // the effect for the caller is the same: one running case per member and program.
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        typedSearchAttributes: [
          { key: SA_PHASE, value: 'enrolled' },
          { key: SA_PROGRAM, value: dto.programCode },
        ],
      });
      return { created: true, caseId };
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        return { created: false, caseId };
      }
      throw mapTemporalError(err);
    }
  }

  async get(caseId: string): Promise<CaseView> {
    const handle = this.temporal.client.workflow.getHandle(caseId);
    try {
      const [description, state, record] = await Promise.all([
        handle.describe(),
        handle.query(caseStateQuery),
        this.caseRecords.findById(caseId),
      ]);
      return {
        id: caseId,
        phase: state.phase,
        workflowStatus: description.status.name,
        programCode: state.programCode,
        policyVersion: state.policyVersion,
        screeningDueAt: state.screeningDueAt,
        closureReason: state.closureReason,
        record: record === null ? null : toRecordView(record),
      };
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) {
        throw new ApiError('case_not_found', `No case with id ${caseId}.`);
      }
      throw mapTemporalError(err);
    }
  }
}

function toRecordView(r: StoredCase): CaseRecordView {
  return {
    memberRef: r.memberRef,
    programCode: r.programCode,
    enrollmentDate: r.enrollmentDate,
    phase: r.phase,
    closureReason: r.closureReason,
    policyVersion: r.policyVersion,
    openedAt: r.openedAt.toISOString(),
    phaseChangedAt: r.phaseChangedAt.toISOString(),
  };
}

/** Temporal being unreachable is a 503 the caller can retry, not a 500. */
function mapTemporalError(err: unknown): unknown {
  if (isGrpcServiceError(err) && [14 /* UNAVAILABLE */, 4 /* DEADLINE_EXCEEDED */].includes(err.code)) {
    return new ApiError('temporal_unavailable', 'The workflow service did not answer; retry shortly.');
  }
  return err;
}
