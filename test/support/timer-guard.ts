import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';

/**
 * Between skips the time-skipping server's clock runs at real pace. A timer due just after a skip
 * lands (within a task's latency on a loaded machine) can fire while the workflow task that the
 * test's next update starts is with the worker; if that task cancels the timer (a clock or a phase
 * re-arming), the test server refuses the completion ("invalid history builder state for action",
 * temporalio/sdk-java#3088), never hands the task out again, and time skipping stays locked for the
 * rest of the file. So after a skip the harnesses go on past any timer of the run due within
 * `IMMINENT_MS`, letting it fire while nothing else is under way.
 */
export const IMMINENT_MS = 10_000;

/** The due times (ms, server time) of the current run's timers that have neither fired nor been cancelled. */
export async function pendingTimerDueTimes(handle: WorkflowHandle): Promise<number[]> {
  const history = await handle.fetchHistory();
  const started = new Map<string, number>();
  for (const e of history.events ?? []) {
    const startedAttrs = e.timerStartedEventAttributes;
    if (startedAttrs?.timerId != null) {
      started.set(startedAttrs.timerId, tsToMs(e.eventTime) + tsToMs(startedAttrs.startToFireTimeout));
    }
    const ended = e.timerFiredEventAttributes?.timerId ?? e.timerCanceledEventAttributes?.timerId;
    if (ended != null) {
      started.delete(ended);
    }
  }
  return [...started.values()];
}

/**
 * Skips on past every timer of `handle`'s run due within `IMMINENT_MS` of the server's clock, waiting
 * for the workflow to settle after each (at most a few rounds: a timer re-armed for a moment later is
 * passed too).
 */
export async function skipPastImminentTimers(env: TestWorkflowEnvironment, handle: WorkflowHandle, settled: () => Promise<void>): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const { status } = await handle.describe();
    if (status.name !== 'RUNNING') {
      return;
    }
    const now = await env.currentTimeMs();
    const imminent = (await pendingTimerDueTimes(handle)).filter((due) => due <= now + IMMINENT_MS);
    if (imminent.length === 0) {
      return;
    }
    await env.sleep(Math.max(...imminent) - now + 100);
    await settled();
  }
}
