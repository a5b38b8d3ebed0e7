import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { HISTORIES_DIR } from '../support/replay-histories';
import { testWorkflowBundlePath } from '../support/test-workflow-bundle';

/**
 * Replays every saved history against the current workflow code. A change
 * that alters the commands an existing case would issue (non-determinism)
 * fails here, before it can break running cases in production. Refresh the
 * histories deliberately with `npm run replay:record` when a change is
 * versioned (patched) correctly.
 */
const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));

describe('replay of saved case histories', () => {
  it('has saved histories to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s replays without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')));
    const idFile = join(HISTORIES_DIR, file.replace(/\.json$/, '.workflow-id'));
    // Histories saved before the id was kept replay under their name (their code paths never compare it).
    const workflowId = existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : file.replace(/\.json$/, '');
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: testWorkflowBundlePath() } }, history, workflowId)).resolves.toBeUndefined();
  });
});
