import { ApplicationFailure } from '@temporalio/workflow';
import { parseIsoInstant, TRANSITION_TASK_LABELS, TRANSITION_TASKS, transitionSchedule, type TransitionTask } from '@careloop/domain';
import {
  DISCHARGE_RULE_VIOLATION,
  type CompleteTransitionTaskInput,
  type DischargeStatusView,
  type DischargeWorkflowInput,
  type DischargeWorkflowResult,
  type ExternalCaseEvent,
  type NotificationRequest,
  type TransitionTaskView,
} from '@careloop/contracts';

/** Everything the case timeline shows from discharge planning comes from this source. */
export const DISCHARGE_SOURCE = 'discharge-planning';

/** Work the workflow owes the outside world, in order: a notification to deliver or a report for the case. */
export type Outgoing = { readonly kind: 'notify'; readonly notification: NotificationRequest } | { readonly kind: 'report'; readonly event: ExternalCaseEvent };

type TaskState = { -readonly [K in keyof TransitionTaskView]: TransitionTaskView[K] };

/**
 * The state of one discharge's transition of care: the four tasks with their
 * times, and the queue of notifications and case reports still to send.
 * Pure and synchronous (the workflow does the I/O). Every outgoing item has a
 * stable key (discharge id + task + step), so a resend is counted once by the
 * notification outbox and by the case.
 */
export class DischargeState {
  private readonly tasks: TaskState[];
  private readonly queue: Outgoing[] = [];
  private caseStarted: boolean | null = null;
  /** Bumped on every change, so the workflow's wait wakes up. */
  changes = 0;

  constructor(
    readonly dischargeId: string,
    private readonly input: DischargeWorkflowInput,
    now: string,
  ) {
    this.tasks = transitionSchedule(input.event.dischargedAt, now, input.policy).map((s) => ({
      ...s,
      status: 'open',
      remindedAt: null,
      missedAt: null,
      escalatedAt: null,
      completedAt: null,
      completedBy: null,
      late: false,
    }));
    this.report('discharge', 'discharge_reported', `discharge reported (${input.event.format}); transition of care ${dischargeId} started`, input.event.dischargedAt);
  }

  get caseId(): string {
    return this.input.caseId;
  }

  get outgoing(): readonly Outgoing[] {
    return this.queue;
  }

  /** Removes the first outgoing item once it was sent (or given up on). */
  sent(): void {
    this.queue.shift();
    this.changes++;
  }

  /** The discharge report that `ensureCase` delivers together with the case start. */
  takeDischargeReport(): ExternalCaseEvent {
    const first = this.queue[0];
    if (first?.kind !== 'report' || first.event.kind !== 'discharge_reported') {
      throw new Error('the discharge report must be the first outgoing item');
    }
    this.queue.shift();
    return first.event;
  }

  caseEnsured(started: boolean): void {
    this.caseStarted = started;
    this.changes++;
  }

  taskStatus(task: TransitionTask): TransitionTaskView['status'] {
    return this.tasks.find((t) => t.task === task)!.status;
  }

  /** Every task is done, or escalated to the supervisor (who owns it from there). */
  get finished(): boolean {
    return this.tasks.every((t) => t.status === 'done' || t.status === 'escalated');
  }

  /** The next reminder, deadline or escalation still ahead, or null when nothing is scheduled. */
  get nextWakeAt(): string | null {
    const times = this.tasks.flatMap((t) => {
      if (t.status === 'open') return [t.remindAt !== null && t.remindedAt === null ? t.remindAt : t.dueAt];
      if (t.status === 'missed') return [t.escalateAt];
      return [];
    });
    return times.length ? times.reduce((a, b) => (a < b ? a : b)) : null;
  }

  /** Sends what is due at `now`: reminders, then missed deadlines, then escalations. */
  runDue(now: string): void {
    for (const t of this.tasks) {
      if (t.status === 'open' && t.remindAt !== null && t.remindedAt === null && now >= t.remindAt && now < t.dueAt) {
        t.remindedAt = now;
        this.notify(t.task, 'reminder', 'care_team', 'transition_task_reminder', { dueAt: t.dueAt });
      }
      if (t.status === 'open' && now >= t.dueAt) {
        t.status = 'missed';
        t.missedAt = now;
        this.notify(t.task, 'missed', 'care_team', 'transition_task_missed', { dueAt: t.dueAt });
        this.report(`${t.task}:missed`, 'transition_task_missed', `${TRANSITION_TASK_LABELS[t.task]} missed (due ${t.dueAt})`, now);
      }
      if (t.status === 'missed' && now >= t.escalateAt) {
        t.status = 'escalated';
        t.escalatedAt = now;
        this.notify(t.task, 'escalated', 'supervisor', 'transition_task_escalated', { dueAt: t.dueAt });
        this.report(`${t.task}:escalated`, 'transition_task_escalated', `${TRANSITION_TASK_LABELS[t.task]} escalated to the supervisor`, now);
      }
    }
    this.changes++;
  }

  /** The PCP notice the workflow sends itself when the sender named the member's PCP. */
  pcpNotice(): NotificationRequest | null {
    const pcpId = this.input.event.pcpId;
    if (pcpId === null) return null;
    return this.notification('pcp_informed', 'notice', 'provider', 'pcp_discharge_notice', { pcpId, dischargedAt: this.input.event.dischargedAt });
  }

  checkComplete(input: CompleteTransitionTaskInput, now: string): void {
    const t = this.tasks.find((x) => x.task === input.task);
    if (!t) {
      throw violation(`unknown task ${String(input.task)}; tasks are ${TRANSITION_TASKS.join(', ')}`);
    }
    if (t.status === 'done') {
      throw violation(`task ${t.task} is already done (${t.completedAt})`);
    }
    if (input.completedAt !== undefined) {
      let at: number;
      try {
        at = parseIsoInstant(input.completedAt, 'completedAt');
      } catch (err) {
        throw violation(err instanceof Error ? err.message.replace(/, got [\s\S]*$/, '') : 'completedAt is not a timestamp');
      }
      if (at < Date.parse(this.input.event.dischargedAt) || at > Date.parse(now)) {
        throw violation('completedAt must lie between the discharge and now');
      }
    }
  }

  complete(input: CompleteTransitionTaskInput, now: string): TransitionTaskView {
    this.checkComplete(input, now);
    const at = input.completedAt ? new Date(Date.parse(input.completedAt)).toISOString() : now;
    return this.markDone(input.task, input.actorId, at, now);
  }

  markDone(task: TransitionTask, actorId: string, at: string, now: string): TransitionTaskView {
    const t = this.tasks.find((x) => x.task === task)!;
    t.status = 'done';
    t.completedAt = at;
    t.completedBy = actorId;
    t.late = at > t.dueAt;
    this.report(`${task}:done`, 'transition_task_done', `${TRANSITION_TASK_LABELS[task]} done${t.late ? ' late' : ''} by ${actorId}`, now);
    this.changes++;
    return { ...t };
  }

  view(): DischargeStatusView {
    return {
      dischargeId: this.dischargeId,
      caseId: this.input.caseId,
      programCode: this.input.event.programCode,
      format: this.input.event.format,
      dischargedAt: this.input.event.dischargedAt,
      policyVersion: this.input.policyVersion,
      status: this.caseStarted === null ? 'ensuring_case' : this.finished ? 'completed' : 'in_progress',
      caseStarted: this.caseStarted,
      tasks: this.tasks.map((t) => ({ ...t })),
    };
  }

  result(): DischargeWorkflowResult {
    return { tasks: this.tasks.map((t) => ({ task: t.task, status: t.status, late: t.late })) };
  }

  private notify(task: TransitionTask, step: string, audience: NotificationRequest['audience'], template: string, params: Record<string, string>): void {
    this.queue.push({ kind: 'notify', notification: this.notification(task, step, audience, template, params) });
  }

  private notification(task: TransitionTask, step: string, audience: NotificationRequest['audience'], template: string, params: Record<string, string>): NotificationRequest {
    return {
      key: `${this.dischargeId}:${task}:${step}`,
      caseId: this.input.caseId,
      audience,
      channel: 'task_queue',
      template,
      params: { dischargeId: this.dischargeId, task, ...params },
    };
  }

  /** `summary` shows on the case timeline: ids, task names and times only, never PHI. */
  private report(step: string, kind: string, summary: string, occurredAt: string): void {
    this.queue.push({
      kind: 'report',
      event: { key: `${this.dischargeId}:${step}`, source: DISCHARGE_SOURCE, kind, summary, occurredAt, reference: this.dischargeId },
    });
  }
}

function violation(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: DISCHARGE_RULE_VIOLATION, message, nonRetryable: true });
}
