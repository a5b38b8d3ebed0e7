import type { CasePhase, ClosureReason } from '@careloop/domain';
import type { CaseRecordStore } from './case-record.port';

export interface CaseActivityDeps {
  readonly caseRecords: CaseRecordStore;
}

export interface RecordCaseOpenedInput {
  readonly caseId: string;
  readonly runId: string;
  readonly memberRef: string;
  readonly programCode: string;
  readonly enrollmentDate: string;
  readonly policyVersion: string;
  readonly phase: CasePhase;
  /** ISO timestamp from workflow time, so a retry writes the same value. */
  readonly openedAt: string;
}

export interface RecordPhaseChangeInput {
  readonly caseId: string;
  readonly runId: string;
  readonly phase: CasePhase;
  readonly closureReason: ClosureReason | null;
  readonly at: string;
}

/**
 * Activity factory: the worker builds it with real dependencies, tests with
 * fakes. Every input carries the values to write (timestamps included), so a
 * retried activity writes exactly what the first attempt did.
 */
export function createCaseActivities({ caseRecords }: CaseActivityDeps) {
  return {
    async recordCaseOpened(input: RecordCaseOpenedInput): Promise<void> {
      await caseRecords.upsertOpened({ ...input, openedAt: new Date(input.openedAt) });
    },
    async recordPhaseChange(input: RecordPhaseChangeInput): Promise<void> {
      await caseRecords.applyPhaseChange({ ...input, at: new Date(input.at) });
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
