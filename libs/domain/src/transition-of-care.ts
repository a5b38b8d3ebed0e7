import { deadlineAfter, type BusinessCalendar, type DayCount } from './business-calendar';
import { DAY_MS } from './duration';

/**
 * Transition of care after a hospital discharge (DESIGN §4, seed 001 "coordination
 * of discharge planning"): the tasks the care team owes the member, each with a
 * deadline counted from the discharge in the plan's calendar.
 */
export const TRANSITION_TASKS = ['member_contact', 'medication_reconciliation', 'follow_up_visit', 'pcp_informed'] as const;
export type TransitionTask = (typeof TRANSITION_TASKS)[number];

export const TRANSITION_TASK_LABELS: Readonly<Record<TransitionTask, string>> = {
  member_contact: 'contact with the member',
  medication_reconciliation: 'medication reconciliation',
  follow_up_visit: 'follow-up visit',
  pcp_informed: 'PCP informed of the discharge',
};

/** "Within `days` (business|calendar) days of the discharge." */
export interface TaskDeadlineRule {
  readonly days: number;
  readonly count: DayCount;
}

export interface TransitionOfCarePolicy {
  readonly calendar: BusinessCalendar;
  readonly tasks: Readonly<Record<TransitionTask, TaskDeadlineRule>>;
  /** The care team is reminded this long before a task's deadline (no reminder if that is already past). */
  readonly reminderLeadMs: number;
  /** A task still open this long after its deadline is escalated to the supervisor. */
  readonly escalateAfterMs: number;
}

/**
 * US federal holidays (observed dates) of 2026 and 2027. A plan keeps its own
 * list current in the policy file (`transitionOfCare.calendar.holidays`).
 */
export const US_FEDERAL_HOLIDAYS_2026_2027: readonly string[] = [
  '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
  '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24',
];

export const DEFAULT_TRANSITION_OF_CARE_POLICY: TransitionOfCarePolicy = {
  calendar: { timeZone: 'America/New_York', weekendDays: [0, 6], holidays: US_FEDERAL_HOLIDAYS_2026_2027 },
  tasks: {
    // DESIGN §4: contact within 2 business days, follow-up visit within 7 days.
    member_contact: { days: 2, count: 'business' },
    // HEDIS MRP: reconciled from the discharge through 30 days after.
    medication_reconciliation: { days: 30, count: 'calendar' },
    follow_up_visit: { days: 7, count: 'calendar' },
    // HEDIS TRC: the PCP receives the discharge information within 2 days.
    pcp_informed: { days: 2, count: 'calendar' },
  },
  reminderLeadMs: DAY_MS,
  escalateAfterMs: DAY_MS,
};

export interface TransitionTaskSchedule {
  readonly task: TransitionTask;
  readonly dueAt: string;
  /** Null when the reminder time had already passed when the plan was made. */
  readonly remindAt: string | null;
  readonly escalateAt: string;
}

/**
 * Every task's due, reminder and escalation times for a discharge at
 * `dischargedAt`, planned at `now`. Pure: the workflow calls it once, with
 * its input and workflow time.
 */
export function transitionSchedule(dischargedAt: string, now: string, policy: TransitionOfCarePolicy): TransitionTaskSchedule[] {
  const nowMs = Date.parse(now);
  return TRANSITION_TASKS.map((task) => {
    const rule = policy.tasks[task];
    const dueAt = deadlineAfter(dischargedAt, rule.days, rule.count, policy.calendar);
    const dueMs = Date.parse(dueAt);
    const remindMs = dueMs - policy.reminderLeadMs;
    return {
      task,
      dueAt,
      remindAt: remindMs > nowMs ? new Date(remindMs).toISOString() : null,
      escalateAt: new Date(dueMs + policy.escalateAfterMs).toISOString(),
    };
  });
}
