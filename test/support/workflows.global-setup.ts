import { resolveTemporalBinary } from '../../scripts/temporal-binaries';
import { buildTestWorkflowBundle } from './test-workflow-bundle';

/** Resolves (installing if needed) the time-skipping test server once, and bundles the workflows once. */
export default async function setup(): Promise<void> {
  const resolved = resolveTemporalBinary('test-server');
  if (resolved.type === 'existing-path') {
    process.env.TEMPORAL_TEST_SERVER_PATH = resolved.path;
  }
  await buildTestWorkflowBundle();
}
