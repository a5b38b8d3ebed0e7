import type { EpisodeFacts, RecoveryStint } from './case-timeline';
import type { CaseContext, MeasureRun } from './measure.context';
import { outcomeOf } from './measure.tally';

interface StintVerdict {
  /** The first committee-update due in the period's window that passed without an update (epoch ms), or null. */
  readonly missedDueMs: number | null;
  readonly lastUpdateMs: number | null;
  readonly updates: number;
}

/**
 * One stay in recovery support, checked up to c = min(period end, the stay's end). The anchors are
 * the stay's start and each committee_update_sent in (start, c]; after an anchor a the committee is
 * overdue from a + interval until the next anchor (or c). The stay fails when the committee was
 * overdue at some instant of (period start, c]: a gap (a, b] with b - a > interval and b > period start.
 * That is the gap rule over the window (max(stay start, period start - interval), c].
 */
function checkStint(stint: RecoveryStint, updatesMs: readonly number[], run: MeasureRun): StintVerdict | null {
  const interval = run.policy.committeeUpdateMaxIntervalMs;
  const checkEnd = Math.min(run.bounds.endMs, stint.endMs ?? Number.POSITIVE_INFINITY);
  if (checkEnd <= run.bounds.startMs || checkEnd - stint.startMs < interval) return null;
  let anchor = stint.startMs;
  let missedDueMs: number | null = null;
  let lastUpdateMs: number | null = null;
  let updates = 0;
  const gap = (next: number) => {
    if (missedDueMs === null && next - anchor > interval && next > run.bounds.startMs) missedDueMs = anchor + interval;
  };
  for (const u of updatesMs) {
    if (u <= stint.startMs || u > checkEnd) continue;
    gap(u);
    anchor = u;
    lastUpdateMs = u;
    updates++;
  }
  gap(checkEnd);
  return { missedDueMs, lastUpdateMs, updates };
}

/** The episode's stays that count in the period, together: it fails when any of them does. */
function episodeVerdict(episode: EpisodeFacts, run: MeasureRun): StintVerdict | null {
  let result: StintVerdict | null = null;
  for (const stint of episode.stints) {
    const v = checkStint(stint, episode.committeeUpdatesMs, run);
    if (v === null) continue;
    const prev = result as StintVerdict | null;
    result = {
      missedDueMs: prev?.missedDueMs ?? v.missedDueMs,
      lastUpdateMs: v.lastUpdateMs ?? prev?.lastUpdateMs ?? null,
      updates: (prev?.updates ?? 0) + v.updates,
    };
  }
  return result;
}

/** committee_update_every_28_days (docs/reporting.md). */
export function committeeMeasure(c: CaseContext, run: MeasureRun): void {
  const tally = run.tally('committee_update_every_28_days');
  for (const episode of c.episodes) {
    const v = episodeVerdict(episode, run);
    if (v === null) continue;
    const ok = v.missedDueMs === null;
    tally.count(ok);
    tally.row({
      subjectId: c.caseId,
      scope: c.scope,
      outcome: outcomeOf('committee_update_every_28_days', ok),
      dueMs: v.missedDueMs,
      doneMs: v.lastUpdateMs,
      detail: `${v.updates} update${v.updates === 1 ? '' : 's'} in recovery support; ${ok ? 'no gap over the interval' : 'an update was overdue'}`,
    });
  }
}
