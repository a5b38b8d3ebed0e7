import type { Client } from '@temporalio/client';

/**
 * Waits until the workflow's current run has no workflow task and no
 * activity pending, and `alsoBusy` (if given, with the workflow type) says
 * nothing else is under way, seen twice in a row (10 ms apart), or gives up
 * after about 8 s of polling. Queries and time skips are safe after it.
 */
export async function workflowSettled(client: Client, workflowId: string, alsoBusy?: (type: string) => Promise<boolean>): Promise<void> {
  let quiet = 0;
  for (let i = 0; i < 800 && quiet < 2; i++) {
    const { raw, status, type } = await client.workflow.getHandle(workflowId).describe();
    const running = status.name === 'RUNNING';
    let busy = running && (raw.pendingWorkflowTask != null || (raw.pendingActivities?.length ?? 0) > 0);
    if (running && !busy && alsoBusy) {
      busy = await alsoBusy(type);
    }
    quiet = busy ? 0 : quiet + 1;
    await new Promise((r) => setTimeout(r, 10));
  }
}
