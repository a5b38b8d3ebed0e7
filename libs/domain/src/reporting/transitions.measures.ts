import { addDays, deadlineAfter, localToInstant } from '../business-calendar';
import { formatInstant } from './instant';
import { transitionSchedule, type TransitionTask } from '../transition-of-care';
import type { MeasureId } from './measure.definitions';
import type { DischargeFacts } from './measure.types';
import { parseInstant } from './instant';
import type { MeasureRun } from './measure.context';
import { outcomeOf, within } from './measure.tally';

/** Each transition-of-care measure: the task it reads and how its due is found. */
export const TRANSITION_MEASURES: readonly { readonly measureId: MeasureId; readonly task: TransitionTask; readonly within30CalendarDays?: true }[] = [
  { measureId: 'toc_contact_2_business_days', task: 'member_contact' },
  { measureId: 'toc_follow_up_7_days', task: 'follow_up_visit' },
  { measureId: 'toc_follow_up_30_days', task: 'follow_up_visit', within30CalendarDays: true },
  { measureId: 'toc_medication_reconciliation_30_days', task: 'medication_reconciliation' },
  { measureId: 'toc_pcp_informed', task: 'pcp_informed' },
];

type Dues = Readonly<Record<MeasureId, number>>;

/**
 * The due instants of one discharge. They depend only on the local calendar day of the discharge
 * (day 0 whatever the hour), so they are computed once per local day and reused. The local day is
 * found from cached local midnights (two Intl look-ups per calendar day instead of one per discharge):
 * it is the UTC date of the instant, or the day before or after, whichever local midnight last passed.
 */
export class TransitionDues {
  private readonly byLocalDay = new Map<string, Dues>();
  private readonly midnights = new Map<string, number>();

  constructor(private readonly run: MeasureRun) {}

  private localMidnight(date: string): number {
    let ms = this.midnights.get(date);
    if (ms === undefined) {
      ms = Date.parse(localToInstant(date, { h: 0, min: 0, s: 0 }, this.run.policy.transitionOfCare.calendar.timeZone));
      this.midnights.set(date, ms);
    }
    return ms;
  }

  /** The local calendar date of `ms` in the plan's time zone. */
  localDay(ms: number): string {
    const utc = formatInstant(ms).slice(0, 10);
    const next = addDays(utc, 1);
    if (this.localMidnight(next) <= ms) return next;
    return this.localMidnight(utc) <= ms ? utc : addDays(utc, -1);
  }

  of(dischargedMs: number): Dues {
    const policy = this.run.policy.transitionOfCare;
    const day = this.localDay(dischargedMs);
    let dues = this.byLocalDay.get(day);
    if (!dues) {
      const dischargedAt = formatInstant(dischargedMs);
      const schedule = new Map(transitionSchedule(dischargedAt, dischargedAt, policy).map((s) => [s.task, parseInstant(s.dueAt)]));
      const thirty = parseInstant(deadlineAfter(dischargedAt, 30, 'calendar', policy.calendar));
      dues = Object.fromEntries(TRANSITION_MEASURES.map((m) => [m.measureId, m.within30CalendarDays ? thirty : schedule.get(m.task)!])) as Dues;
      this.byLocalDay.set(day, dues);
    }
    return dues;
  }
}

/** The toc_* measures for one discharge (docs/reporting.md). */
export function transitionMeasures(d: DischargeFacts, run: MeasureRun, dues: TransitionDues): void {
  const dischargedMs = parseInstant(d.dischargedAt);
  if (Number.isNaN(dischargedMs) || dischargedMs > run.bounds.endMs) return;
  const cancelledMs = d.cancelledAt === null ? Number.NaN : parseInstant(d.cancelledAt);
  const due = dues.of(dischargedMs);
  const scope = { caseId: d.caseId, memberId: d.memberId, programCode: d.programCode, teamId: d.teamId };
  for (const m of TRANSITION_MEASURES) {
    const dueMs = due[m.measureId];
    if (!within(dueMs, run.bounds)) continue;
    const tally = run.tally(m.measureId);
    const doneAt = d.tasks[m.task]?.doneAt ?? null;
    const doneMs = doneAt === null ? Number.NaN : parseInstant(doneAt);
    const doneRead = !Number.isNaN(doneMs) && doneMs <= run.bounds.endMs ? doneMs : null;
    const base = { subjectId: d.dischargeId, scope, dueMs, doneMs: doneRead };
    if (!Number.isNaN(cancelledMs) && cancelledMs <= dueMs) {
      tally.row({ ...base, outcome: 'excluded', detail: `discharge cancelled before the ${m.task} due` });
      continue;
    }
    const met = doneRead !== null && doneRead <= dueMs;
    tally.count(met);
    tally.row({
      ...base,
      outcome: outcomeOf(m.measureId, met),
      detail: met ? `${m.task} done by its due` : doneRead !== null ? `${m.task} done after its due` : `${m.task} not done`,
    });
  }
}
