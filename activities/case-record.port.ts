import type { CasePhase, ClosureReason } from '@careloop/domain';

/** The case's row in the read model, as written by the workflow's activities. */
export interface CaseOpenedRecord {
  readonly caseId: string;
  readonly runId: string;
  readonly memberRef: string;
  readonly programCode: string;
  readonly enrollmentDate: string;
  readonly policyVersion: string;
  readonly phase: CasePhase;
  readonly openedAt: Date;
}

export interface CasePhaseChange {
  readonly caseId: string;
  readonly runId: string;
  readonly phase: CasePhase;
  readonly closureReason: ClosureReason | null;
  readonly at: Date;
}

/**
 * Persistence port for case rows. Implementations must be idempotent: the
 * same call repeated (an activity retried after a timeout whose first attempt
 * did commit) leaves exactly one row in the same state.
 */
export interface CaseRecordStore {
  upsertOpened(record: CaseOpenedRecord): Promise<void>;
  applyPhaseChange(change: CasePhaseChange): Promise<void>;
}
