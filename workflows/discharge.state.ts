import { ApplicationFailure } from '@temporalio/workflow';
import { parseIsoInstant, TRANSITION_TASK_LABELS, TRANSITION_TASKS, transitionSchedule, type DischargeDetailChanges, type TransitionTask } from '@careloop/domain';
import {
  DISCHARGE_RULE_VIOLATION,
  type CancelDischargeInput,
  type CompleteTransitionTaskInput,
  type DischargeAmendmentView,
  type DischargeStatusView,
  type DischargeWorkflowInput,
  type DischargeWorkflowResult,
  type ExternalCaseEvent,
  type NotificationRequest,
  type TransitionTaskView,
  type UpdateDischargeDetailsInput,
} from '@careloop/contracts';

/** Everything the case timeline shows from discharge planning comes from this source. */
export const DISCHARGE_SOURCE = 'discharge-planning';

/** Work the workflow owes the outside world, in order: a notification to deliver or a report for the case. */
export type Outgoing = { readonly kind: 'notify'; readonly notification: NotificationRequest } | { readonly kind: 'report'; readonly event: ExternalCaseEvent };

type TaskState = { -readonly [K in keyof TransitionTaskView]: TransitionTaskView[K] };

/** The discharge details the sender may correct (ADT^A08); they start as the event's. */
interface Details {
  dischargedAt: string;
  disposition: string | null;
  pcpId: string | null;
}

const DETAIL_LABELS: Readonly<Record<keyof DischargeDetailChanges, string>> = { dischargedAt: 'discharge time', disposition: 'disposition', pcpId: 'PCP' };

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
  private readonly details: Details;
  private cancelledAt: string | null = null;
  private readonly amendments: (DischargeAmendmentView & { readonly key: string })[] = [];
  /** Step of a PCP notice an update asked for (a newly named PCP), until the workflow sends it. */
  private pendingPcpNoticeStep: string | null = null;
  /** Bumped on every change, so the workflow's wait wakes up. */
  changes = 0;
  /**
   * Since `patched(DISCHARGE_PATCH_IDS.doneAtCompletionTime)`: a task's `transition_task_done` report
   * carries the completion time the care team recorded (a backdated completedAt included), which the
   * transition-of-care measures read; runs started before it reported the time it was entered.
   */
  reportsCompletionTime = true;

  constructor(
    readonly dischargeId: string,
    private readonly input: DischargeWorkflowInput,
    now: string,
  ) {
    this.details = { dischargedAt: input.event.dischargedAt, disposition: input.event.disposition, pcpId: input.event.pcpId };
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

  /** Every task is done, escalated to the supervisor (who owns it from there), or cancelled with the discharge. */
  get finished(): boolean {
    return this.tasks.every((t) => t.status === 'done' || t.status === 'escalated' || t.status === 'cancelled');
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
  pcpNotice(step = 'notice'): NotificationRequest | null {
    const pcpId = this.details.pcpId;
    if (pcpId === null || this.cancelledAt !== null) return null;
    return this.notification('pcp_informed', step, 'provider', 'pcp_discharge_notice', { pcpId, dischargedAt: this.details.dischargedAt });
  }

  /** The PCP notice an update asked for (once), or null. */
  takePendingPcpNotice(): NotificationRequest | null {
    const step = this.pendingPcpNoticeStep;
    this.pendingPcpNoticeStep = null;
    return step === null || !this.pcpStillOwed ? null : this.pcpNotice(step);
  }

  /** Whether informing the PCP is still to be done (by CareLoop or the care team). */
  get pcpStillOwed(): boolean {
    const status = this.taskStatus('pcp_informed');
    return status !== 'done' && status !== 'cancelled';
  }

  /** Refuses what cannot be cancelled: nothing (a repeat answers the cancelled state), only a malformed input. */
  checkCancel(input: CancelDischargeInput): void {
    checkAmendmentKey(input);
  }

  /**
   * The sender cancelled the discharge: open and missed tasks are cancelled
   * (their reminders, deadlines and escalations with them, as `nextWakeAt`
   * only looks at open and missed tasks), done and escalated ones keep their
   * outcome. The workflow then finishes. Once cancelled, a repeat changes nothing.
   */
  cancel(input: CancelDischargeInput, now: string): DischargeStatusView {
    this.checkCancel(input);
    if (this.cancelledAt !== null) {
      return this.view();
    }
    const cancelled = this.tasks.filter((t) => t.status === 'open' || t.status === 'missed');
    for (const t of cancelled) t.status = 'cancelled';
    this.cancelledAt = now;
    this.pendingPcpNoticeStep = null;
    this.amendments.push({ key: input.key, kind: 'cancel', messageType: input.messageType, appliedAt: now, changed: [] });
    const what = cancelled.length ? `tasks cancelled: ${cancelled.map((t) => TRANSITION_TASK_LABELS[t.task]).join(', ')}` : 'no task was open';
    this.report('cancelled', 'discharge_cancelled', `discharge cancelled by the sender (${input.messageType}); ${what}`, now);
    this.changes++;
    return this.view();
  }

  checkUpdate(input: UpdateDischargeDetailsInput): void {
    checkAmendmentKey(input);
    if (this.cancelledAt !== null) {
      throw violation('the discharge was cancelled; its details can no longer change');
    }
    const keys = Object.keys(input.changes ?? {});
    if (keys.length === 0 || keys.some((k) => !(k in DETAIL_LABELS))) {
      throw violation(`changes must name at least one of ${Object.keys(DETAIL_LABELS).join(', ')}`);
    }
    if (input.changes.dischargedAt !== undefined) {
      try {
        parseIsoInstant(input.changes.dischargedAt, 'dischargedAt');
      } catch {
        throw violation('dischargedAt must be an ISO 8601 timestamp with offset');
      }
    }
  }

  /**
   * The sender corrected the discharge. A new discharge time re-plans the
   * tasks still open (due, reminder unless sent, escalation) from it; tasks
   * already missed, escalated or done keep their times. A newly named PCP is
   * informed by the workflow when that is still owed. The same key twice
   * changes nothing; values equal to the current ones are not changes.
   */
  updateDetails(input: UpdateDischargeDetailsInput, now: string): DischargeStatusView {
    this.checkUpdate(input);
    if (this.amendments.some((a) => a.key === input.key)) {
      return this.view();
    }
    const changed = (Object.keys(DETAIL_LABELS) as (keyof DischargeDetailChanges)[]).filter((k) => {
      const value = input.changes[k];
      return value !== undefined && (k === 'dischargedAt' ? Date.parse(value) !== Date.parse(this.details.dischargedAt) : value !== this.details[k]);
    });
    if (changed.length === 0) {
      return this.view();
    }
    let replanned = false;
    if (changed.includes('dischargedAt')) {
      this.details.dischargedAt = new Date(Date.parse(input.changes.dischargedAt!)).toISOString();
      const schedule = transitionSchedule(this.details.dischargedAt, now, this.input.policy);
      for (const t of this.tasks.filter((x) => x.status === 'open')) {
        const s = schedule.find((x) => x.task === t.task)!;
        t.dueAt = s.dueAt;
        t.escalateAt = s.escalateAt;
        if (t.remindedAt === null) t.remindAt = s.remindAt;
        replanned = true;
      }
    }
    if (changed.includes('disposition')) this.details.disposition = input.changes.disposition!;
    if (changed.includes('pcpId')) {
      this.details.pcpId = input.changes.pcpId!;
      if (this.pcpStillOwed) this.pendingPcpNoticeStep = `notice:${input.key}`;
    }
    this.amendments.push({ key: input.key, kind: 'update', messageType: input.messageType, appliedAt: now, changed });
    const labels = changed.map((k) => DETAIL_LABELS[k]).join(', ');
    this.report(`update:${input.key}`, 'discharge_updated', `discharge details updated by the sender (${input.messageType}): ${labels}${replanned ? '; deadlines of open tasks re-planned' : ''}`, now);
    this.changes++;
    return this.view();
  }

  checkComplete(input: CompleteTransitionTaskInput, now: string): void {
    const t = this.tasks.find((x) => x.task === input.task);
    if (!t) {
      throw violation(`unknown task ${String(input.task)}; tasks are ${TRANSITION_TASKS.join(', ')}`);
    }
    if (t.status === 'cancelled') {
      throw violation(`task ${t.task} was cancelled with the discharge (${this.cancelledAt})`);
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
      if (at < Date.parse(this.details.dischargedAt) || at > Date.parse(now)) {
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
    this.report(`${task}:done`, 'transition_task_done', `${TRANSITION_TASK_LABELS[task]} done${t.late ? ' late' : ''} by ${actorId}`, this.reportsCompletionTime ? at : now);
    this.changes++;
    return { ...t };
  }

  view(): DischargeStatusView {
    return {
      dischargeId: this.dischargeId,
      caseId: this.input.caseId,
      programCode: this.input.event.programCode,
      format: this.input.event.format,
      dischargedAt: this.details.dischargedAt,
      policyVersion: this.input.policyVersion,
      status: this.cancelledAt !== null ? 'cancelled' : this.caseStarted === null ? 'ensuring_case' : this.finished ? 'completed' : 'in_progress',
      caseStarted: this.caseStarted,
      tasks: this.tasks.map((t) => ({ ...t })),
      cancelledAt: this.cancelledAt,
      amendments: this.amendments.map(({ key: _key, ...a }) => ({ ...a, changed: [...a.changed] })),
    };
  }

  result(): DischargeWorkflowResult {
    return { status: this.cancelledAt !== null ? 'cancelled' : 'completed', tasks: this.tasks.map((t) => ({ task: t.task, status: t.status, late: t.late })) };
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

function checkAmendmentKey(input: { readonly key?: unknown; readonly messageType?: unknown }): void {
  if (typeof input?.key !== 'string' || input.key === '' || typeof input.messageType !== 'string' || !/^[A-Z0-9^]{1,16}$/.test(input.messageType)) {
    throw violation('key and messageType (e.g. ADT^A13) are required');
  }
}

function violation(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: DISCHARGE_RULE_VIOLATION, message, nonRetryable: true });
}
