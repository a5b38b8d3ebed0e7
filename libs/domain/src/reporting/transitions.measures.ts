import { deadlineAfter, localDate } from '../business-calendar';
import { transitionSchedule, type TransitionTask } from '../transition-of-care';
import type { MeasureId } from './measure.definitions';
import type { DischargeFacts } from './measure.types';
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
 * (day 0 whatever the hour), so they are computed once per local day and reused.
 */
export class TransitionDues {
  private readonly byLocalDay = new Map<string, Dues>();

  constructor(private readonly run: MeasureRun) {}

  of(dischargedAt: string): Dues {
    const policy = this.run.policy.transitionOfCare;
    const day = localDate(dischargedAt, policy.calendar.timeZone);
    let dues = this.byLocalDay.get(day);
    if (!dues) {
      const schedule = new Map(transitionSchedule(dischargedAt, dischargedAt, policy).map((s) => [s.task, Date.parse(s.dueAt)]));
      const thirty = Date.parse(deadlineAfter(dischargedAt, 30, 'calendar', policy.calendar));
      dues = Object.fromEntries(TRANSITION_MEASURES.map((m) => [m.measureId, m.within30CalendarDays ? thirty : schedule.get(m.task)!])) as Dues;
      this.byLocalDay.set(day, dues);
    }
    return dues;
  }
}

/** The toc_* measures for one discharge (docs/reporting.md). */
export function transitionMeasures(d: DischargeFacts, run: MeasureRun, dues: TransitionDues): void {
  const dischargedMs = Date.parse(d.dischargedAt);
  if (Number.isNaN(dischargedMs) || dischargedMs > run.bounds.endMs) return;
  const cancelledMs = d.cancelledAt === null ? Number.NaN : Date.parse(d.cancelledAt);
  const due = dues.of(d.dischargedAt);
  const scope = { caseId: d.caseId, memberId: d.memberId, programCode: d.programCode, teamId: d.teamId };
  for (const m of TRANSITION_MEASURES) {
    const dueMs = due[m.measureId];
    if (!within(dueMs, run.bounds)) continue;
    const tally = run.tally(m.measureId);
    const doneAt = d.tasks[m.task]?.doneAt ?? null;
    const doneMs = doneAt === null ? Number.NaN : Date.parse(doneAt);
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
