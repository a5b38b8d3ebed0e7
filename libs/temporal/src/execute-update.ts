import type { WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

const RETRIES = 5;

/**
 * An update that races the workflow's continue-as-new (or another workflow
 * task failure) is refused by the server with FAILED_PRECONDITION; nothing
 * was applied, and the same request with the same update id is safe to
 * repeat against the new run. Any other error is the caller's to handle.
 */
function isRetryableUpdateRace(err: unknown): boolean {
  const cause = (err as { cause?: { code?: number; details?: string } }).cause;
  return cause?.code === 9 && /workflow task failure|continued as new|workflow execution already completed/i.test(cause.details ?? String(err));
}

export async function executeUpdateWithRetry<R, I>(
  handle: WorkflowHandle,
  update: UpdateDefinition<R, [I]>,
  input: I,
  updateId: string,
): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await handle.executeUpdate(update, { args: [input], updateId });
    } catch (err) {
      if (attempt >= RETRIES || !isRetryableUpdateRace(err)) {
        throw err;
      }
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
