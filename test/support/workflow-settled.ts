import type { Client } from '@temporalio/client';

/**
 * Waits until the workflow's current run has no workflow task and no
 * activity pending, seen twice in a row (10 ms apart), or gives up after
 * about 8 s of polling. Queries and time skips are safe after it.
 */
export async function workflowSettled(client: Client, workflowId: string): Promise<void> {
  let quiet = 0;
  for (let i = 0; i < 800 && quiet < 2; i++) {
    const { raw, status } = await client.workflow.getHandle(workflowId).describe();
    const busy = status.name === 'RUNNING' && (raw.pendingWorkflowTask != null || (raw.pendingActivities?.length ?? 0) > 0);
    quiet = busy ? 0 : quiet + 1;
    await new Promise((r) => setTimeout(r, 10));
  }
}
