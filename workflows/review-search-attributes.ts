import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { SA_FLAGS, SA_NEXT_DUE_AT, SA_NEXT_DUE_KIND, SA_PHASE, SA_PROGRAM, SA_STEP } from '@careloop/contracts';

/** What visibility shows of a review or complaint: codes and times only, as for cases (stuck-case view). */
export interface ReviewSearchable {
  readonly phase: 'utilization_review' | 'complaint';
  readonly step: string;
  readonly programCode: string | null;
  readonly nextDueAt: string | null;
  readonly nextDueKind: string | null;
  readonly flags: readonly string[];
}

export function reviewSearchAttributes(v: ReviewSearchable): SearchAttributeUpdatePair[] {
  return [
    { key: SA_PHASE, value: v.phase },
    { key: SA_STEP, value: v.step },
    { key: SA_PROGRAM, value: v.programCode },
    { key: SA_NEXT_DUE_AT, value: v.nextDueAt === null ? null : new Date(v.nextDueAt) },
    { key: SA_NEXT_DUE_KIND, value: v.nextDueKind },
    { key: SA_FLAGS, value: v.flags.length ? [...v.flags] : null },
  ] as SearchAttributeUpdatePair[];
}
