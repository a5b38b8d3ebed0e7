import { screeningDeadline } from '../screening-deadline';
import { isCalendarDate } from '../iso-time';
import type { EpisodeFacts } from './case-timeline';
import type { CaseContext, MeasureRun } from './measure.context';
import { outcomeOf, within } from './measure.tally';

/** Closures before the deadline that take an unscreened episode out of the screening cohort (not unable_to_reach: that is the measure). */
export const SCREENING_EXCLUDING_CLOSURES: ReadonlySet<string> = new Set(['disenrolled', 'deceased', 'transferred', 'member_declined', 'member_opted_out']);

/** Attempt outcomes that mean the member was reached (a member who declined was reached). */
export const REACHED_OUTCOMES: ReadonlySet<string> = new Set(['reached', 'declined']);

/** Screening deadlines by enrollment date (many members share one), for one run. */
export class ScreeningDeadlines {
  private readonly byDate = new Map<string, number | null>();

  constructor(private readonly run: MeasureRun) {}

  of(episode: EpisodeFacts): number | null {
    const date = episode.enrollmentDate;
    if (date === null) return null;
    let deadline = this.byDate.get(date);
    if (deadline === undefined) {
      deadline = isCalendarDate(date) ? screeningDeadline(date, this.run.policy.screeningDeadlineMs).getTime() : null;
      this.byDate.set(date, deadline);
    }
    return deadline;
  }
}

function attemptsDetail(episode: EpisodeFacts, deadline: number): { detail: string; reached: boolean } {
  const outcomes = episode.attempts.filter((a) => a.ms <= deadline).map((a) => a.outcome);
  const reached = outcomes.some((o) => REACHED_OUTCOMES.has(o));
  const detail = outcomes.length === 0 ? 'no attempts' : `${outcomes.length} attempt${outcomes.length === 1 ? '' : 's'}: ${outcomes.join(', ')}`;
  return { detail, reached };
}

/** screening_within_90_days and screening_never_reached (docs/reporting.md). */
export function screeningMeasures(c: CaseContext, run: MeasureRun, deadlines: ScreeningDeadlines): void {
  const within90 = run.tally('screening_within_90_days');
  const neverReached = run.tally('screening_never_reached');
  for (const episode of c.episodes) {
    const deadline = deadlines.of(episode);
    if (deadline === null || !within(deadline, run.bounds)) continue;
    const screened = episode.screeningMs !== null && episode.screeningMs <= deadline;
    const excluded =
      !screened && episode.closedMs !== null && episode.closedMs <= deadline && episode.closureReason !== null && SCREENING_EXCLUDING_CLOSURES.has(episode.closureReason);
    const attempts = attemptsDetail(episode, deadline);
    const base = { subjectId: c.caseId, scope: c.scope, dueMs: deadline, doneMs: episode.screeningMs };
    if (excluded) {
      const detail = `closed ${episode.closureReason} before the deadline`;
      within90.row({ ...base, outcome: 'excluded', detail });
      neverReached.row({ ...base, outcome: 'excluded', detail: `${detail}; ${attempts.detail}` });
      continue;
    }
    within90.count(screened);
    within90.row({
      ...base,
      outcome: outcomeOf('screening_within_90_days', screened),
      detail: screened ? 'screened by the deadline' : episode.screeningMs !== null ? 'screened after the deadline' : 'not screened',
    });
    const never = !screened && !attempts.reached;
    neverReached.count(never);
    neverReached.row({
      ...base,
      outcome: outcomeOf('screening_never_reached', never),
      detail: never ? `never reached; ${attempts.detail}` : screened ? `screened; ${attempts.detail}` : `reached; ${attempts.detail}`,
    });
  }
}
