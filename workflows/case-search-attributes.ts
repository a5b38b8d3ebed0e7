import { condition, upsertSearchAttributes } from '@temporalio/workflow';
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
import type { CaseState } from './case.state';

/**
 * Keeps the case's search attributes equal to its state, upserting only
 * what changed. Only codes, ids and times: search attributes are not
 * encrypted and every operator can read them.
 */
export class CaseSearchAttributes {
  private last = new Map<string, string>();

  constructor(private readonly programCode: string) {}

  /**
   * Runs beside the lifecycle: whenever an action changed what visibility
   * shows, upsert it. A waiting condition creates no timer and no history.
   */
  follow(state: CaseState): void {
    void (async () => {
      for (;;) {
        await condition(() => this.changes(state).length > 0);
        this.sync(state);
      }
    })();
  }

  sync(state: CaseState): void {
    const changed = this.changes(state);
    for (const pair of changed) {
      this.last.set(pair.key.name, JSON.stringify(pair.value));
    }
    if (changed.length) {
      upsertSearchAttributes(changed);
    }
  }

  private changes(state: CaseState): SearchAttributeUpdatePair[] {
    const v = state.searchable();
    const desired: SearchAttributeUpdatePair[] = [
      { key: SA_PROGRAM, value: this.programCode },
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
    return desired.filter((pair) => this.last.get(pair.key.name) !== JSON.stringify(pair.value));
  }
}
