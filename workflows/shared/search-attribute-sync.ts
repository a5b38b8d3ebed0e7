import { condition, upsertSearchAttributes } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';

/**
 * Keeps a workflow's search attributes equal to what `desired(state)`
 * says, upserting only what changed. Only codes, ids and times: search
 * attributes are not encrypted and every operator can read them.
 */
export class SearchAttributeSync<S> {
  private last = new Map<string, string>();

  constructor(private readonly desired: (state: S) => SearchAttributeUpdatePair[]) {}

  /**
   * Runs beside the lifecycle: whenever an action changed what visibility
   * shows, upsert it. A waiting condition creates no timer and no history.
   */
  follow(state: S): void {
    void (async () => {
      for (;;) {
        await condition(() => this.changes(state).length > 0);
        this.sync(state);
      }
    })();
  }

  sync(state: S): void {
    const changed = this.changes(state);
    for (const pair of changed) {
      this.last.set(pair.key.name, JSON.stringify(pair.value));
    }
    if (changed.length) {
      upsertSearchAttributes(changed);
    }
  }

  private changes(state: S): SearchAttributeUpdatePair[] {
    return this.desired(state).filter((pair) => this.last.get(pair.key.name) !== JSON.stringify(pair.value));
  }
}
