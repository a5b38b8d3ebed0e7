import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { workflowBundleOptions } from '@careloop/temporal';

export const TEST_BUNDLE_ENV = 'CARELOOP_TEST_WORKFLOW_BUNDLE';

/**
 * Bundles workflows/ once per test run (webpack takes seconds) and hands the
 * file to every suite through the environment. Built from the sources, with
 * the same alias hook the worker uses, so the tests exercise the real bundle.
 */
export async function buildTestWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    ...workflowBundleOptions(),
    logger: new DefaultLogger('WARN'),
  });
  const dir = join(tmpdir(), `careloop-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'workflow-bundle.js');
  writeFileSync(path, code);
  process.env[TEST_BUNDLE_ENV] = path;
  return path;
}

export function testWorkflowBundlePath(): string {
  const path = process.env[TEST_BUNDLE_ENV];
  if (!path) {
    throw new Error(`${TEST_BUNDLE_ENV} is not set: the jest globalSetup did not run`);
  }
  return path;
}
