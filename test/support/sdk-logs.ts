import { DefaultLogger, Runtime } from '@temporalio/worker';

/** Keeps the SDK's per-worker INFO lines out of test output; warnings and errors still show. */
export function quietSdkLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed in this test file's module registry.
  }
}
