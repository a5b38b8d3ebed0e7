import { defineQuery } from '@temporalio/workflow';
import type { CasePhase, CasePolicy, ClosureReason } from '@careloop/domain';

/** Workflow type name, shared by the API (starts it) and the worker (registers it). */
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/** Input of the case workflow; carries PHI (member reference), so it travels only inside encrypted payloads. */
export interface CaseWorkflowInput {
  readonly memberRef: string;
  readonly programCode: string;
  /** Calendar date YYYY-MM-DD; the screening deadline runs from here. */
  readonly enrollmentDate: string;
  readonly policy: CasePolicy;
}

export interface CaseWorkflowResult {
  readonly phase: 'closed';
  readonly closureReason: ClosureReason;
}

/** What the workflow reports about itself; read by `GET /cases/:id`. */
export interface CaseStateView {
  readonly caseId: string;
  readonly programCode: string;
  readonly phase: CasePhase;
  readonly policyVersion: string;
  readonly screeningDueAt: string;
  readonly closureReason: ClosureReason | null;
}

export const caseStateQuery = defineQuery<CaseStateView>('caseState');
