import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { HISTORIES_DIR } from '../support/replay-histories';
import { testWorkflowBundlePath } from '../support/test-workflow-bundle';
import { CASE_PATCH_IDS } from '../../workflows/case/case.patches';

/**
 * One deploy of new workflow code while cases are open, replayed: the
 * history below was recorded by the case workflow *before* the
 * `periodic-reviews` patch existed (six months of recovery support, no patch
 * marker in it). The current code asks `patched('periodic-reviews')`; on
 * replay of this history the answer is false, so the case keeps its old
 * behaviour (no plan-review or reassessment timers) and replays without
 * non-determinism, while new cases get the reviews. docs/operations.md,
 * "Deploying new workflow code".
 */
const PRE_PATCH_HISTORY = 'recovery-support-six-months.json';
const PATCH_ID = 'periodic-reviews';

describe('upgrade: a history recorded before a patch replays on the patched code', () => {
  const raw = readFileSync(join(HISTORIES_DIR, PRE_PATCH_HISTORY), 'utf8');

  it('the history predates the patch (no marker) and the current code is patched', () => {
    const markers = (JSON.parse(raw) as { events: { markerRecordedEventAttributes?: unknown }[] }).events.filter((e) => e.markerRecordedEventAttributes);
    expect(markers).toEqual([]);
    expect(CASE_PATCH_IDS.periodicReviews).toBe(PATCH_ID);
    const source = readFileSync(join(__dirname, '..', '..', 'workflows', 'case', 'case.patches.ts'), 'utf8');
    expect(source).toContain('patched(CASE_PATCH_IDS.periodicReviews)');
  });

  it('replays without non-determinism', async () => {
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: testWorkflowBundlePath() } }, historyFromJSON(JSON.parse(raw)), 'recovery-support-six-months')).resolves.toBeUndefined();
  });
});
