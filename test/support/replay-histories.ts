import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const HISTORIES_DIR = join(__dirname, '..', 'replay', 'histories');

/**
 * With CARELOOP_RECORD_HISTORIES=1 (`npm run replay:record`), a workflow test
 * saves its finished history under test/replay/histories/, where the replay
 * suite replays it on every run against the current workflow code.
 */
export async function maybeRecordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.CARELOOP_RECORD_HISTORIES !== '1') {
    return;
  }
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const history = await handle.fetchHistory();
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), historyToJSON(history) + '\n');
  // The workflow id is not part of the history; the case uses it as its id, so replay must too.
  writeFileSync(join(HISTORIES_DIR, `${name}.workflow-id`), handle.workflowId + '\n');
}
