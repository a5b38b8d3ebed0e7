import { waitUntil } from '../../shared/workflow-time';
import type { CaseKernel } from './case.kernel';

/**
 * The timers of a phase. Every wait also ends at closure and when the run
 * should continue as new, so a phase never sleeps past either.
 */
export class LifecycleClock {
  constructor(
    private readonly k: CaseKernel,
    /** True once this run should continue as new (history long enough). */
    readonly interrupted: () => boolean,
  ) {}

  /**
   * Waits until `done()`, closure, a continue-as-new point, or `until` (ISO).
   * Returns whether it ended by a condition rather than by the time limit.
   */
  waitFor(done: () => boolean, until?: string): Promise<boolean> {
    return waitUntil(() => done() || this.k.isClosed || this.interrupted(), until ?? null);
  }

  /** After a timer fired: the case is still open and this run goes on, so the workflow may act on its own. */
  get mayAct(): boolean {
    return !this.k.isClosed && !this.interrupted();
  }
}

/** What a phase does next: one pass, then the lifecycle loop decides again. */
export type PhaseRun = (k: CaseKernel, clock: LifecycleClock) => Promise<unknown>;
