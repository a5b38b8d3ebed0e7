import { writeFileSync } from 'node:fs';
import type { temporal } from '@temporalio/proto';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

/**
 * With CARELOOP_HISTORY_REPORT=<file> (set by `npm run bench`), a long-case
 * test writes what its runs looked like: events per run, the simulated time
 * they cover, and the longest run's history for timing its replay.
 */
export function writeHistoryReport(runs: { runId: string; events: temporal.api.history.v1.IHistoryEvent[] }[], months: number): void {
  const file = process.env.CARELOOP_HISTORY_REPORT;
  if (!file) {
    return;
  }
  const longest = runs.reduce((a, b) => (b.events.length > a.events.length ? b : a));
  writeFileSync(
    file,
    JSON.stringify({
      months,
      eventsPerRun: runs.map((r) => r.events.length),
      longestRun: JSON.parse(historyToJSON({ events: longest.events })) as unknown,
    }),
  );
}
