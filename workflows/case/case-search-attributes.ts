import type { SearchAttributeUpdatePair } from '@temporalio/common';
import {
  SA_CARE_MANAGER,
  SA_FLAGS,
  SA_LAST_PROGRESS_AT,
  SA_NEXT_DUE_AT,
  SA_NEXT_DUE_KIND,
  SA_STALLED_AT,
  SA_PHASE,
  SA_PROGRAM,
  SA_RISK_TIER,
  SA_STEP,
} from '@careloop/contracts';
import { SearchAttributeSync } from '../shared/search-attribute-sync';
import type { CaseKernel } from './kernel/case.kernel';
import { searchable } from './views.module';

/** The case's search attributes: phase, step, tier, care manager, next due task, progress and flags. */
export class CaseSearchAttributes extends SearchAttributeSync<CaseKernel> {
  constructor(programCode: string) {
    super((k) => {
      const v = searchable(k);
      return [
        { key: SA_PROGRAM, value: programCode },
        { key: SA_PHASE, value: v.phase },
        { key: SA_STEP, value: v.step },
        { key: SA_RISK_TIER, value: v.riskTier },
        { key: SA_CARE_MANAGER, value: v.careManagerId },
        { key: SA_NEXT_DUE_AT, value: v.nextDueAt === null ? null : new Date(v.nextDueAt) },
        { key: SA_LAST_PROGRESS_AT, value: new Date(v.lastProgressAt) },
        { key: SA_FLAGS, value: v.flags.length ? v.flags : null },
        { key: SA_NEXT_DUE_KIND, value: v.nextDueKind },
        { key: SA_STALLED_AT, value: v.stalledAt === null ? null : new Date(v.stalledAt) },
      ] as SearchAttributeUpdatePair[];
    });
  }
}
