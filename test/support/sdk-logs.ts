import { DefaultLogger, Runtime, type LogEntry } from '@temporalio/worker';

const consoleSink = (entry: LogEntry) => {
  if (entry.level === 'WARN' || entry.level === 'ERROR') {
    console.warn(`[temporal ${entry.level}] ${entry.message}`, entry.meta ?? '');
  }
};
let sink: (entry: LogEntry) => void = consoleSink;

/**
 * Keeps the SDK's per-worker INFO lines out of test output (warnings and
 * errors still show), unless a test captures them with captureSdkLogs.
 */
export function quietSdkLogs(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('DEBUG', (entry) => sink(entry)) });
  } catch {
    // Already installed in this test file's module registry.
  }
}

/** Sends every SDK log entry (DEBUG and up: worker, workflow and activity loggers) to `fn` until the returned function is called. */
export function captureSdkLogs(fn: (entry: LogEntry) => void): () => void {
  sink = fn;
  return () => {
    sink = consoleSink;
  };
}
