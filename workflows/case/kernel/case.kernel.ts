import { canTransition, screeningDeadline, stepAfter, type CasePhase, type ClosureReason, type ProgramPolicy, type RecoveryStepMoveName } from '@careloop/domain';
import {
  SYSTEM_ACTOR,
  suspendedByPause,
  type ActivityRetrying,
  type CaseActionResult,
  type CaseEvent,
  type CaseEventData,
  type CaseSnapshot,
  type CaseStartReason,
  type CaseTask,
  type CaseTaskKind,
  type CaseWorkflowInput,
  type CaseWorkflowResult,
  type NotificationRequest,
} from '@careloop/contracts';
import { CaseRuleViolation } from '../../shared/case-rule-violation';
import type { CaseBehaviour } from '../case.patches';
import { blankSnapshot, withFieldsAddedSince } from './case.record';

const TIMELINE_LENGTH = 20;
/** Bookkeeping events: stored, but not shown on the recent timeline. */
const UNTIMELINED: ReadonlySet<CaseEventData['kind']> = new Set(['task_opened', 'task_closed', 'task_suspended', 'task_resumed', 'notification_requested']);

/** A notification as a rule asks for it; the kernel adds the case and the channel. */
export interface NoticeRequest {
  readonly audience: NotificationRequest['audience'];
  readonly template: string;
  /** The delivery's idempotency key (stored with the outbox row): made with `caseKey`/`episodeKey`, never changed once released. */
  readonly key: string;
  readonly params: NotificationRequest['params'];
}

/**
 * The case's record inside the workflow and the few primitives every
 * lifecycle module changes it with: events (the outbox the persistence pump
 * drains, and the recent timeline), notifications, tasks, phase and step
 * moves, closure, and the guards update validators use. Lifecycle rules live
 * in the modules beside it (screening, assessment, care plan, …), each a set
 * of functions over a kernel. Deterministic: time is always passed in.
 */
export class CaseKernel {
  readonly policy: ProgramPolicy;
  readonly screeningDueAt: string;
  /** An activity reported as retrying by the worker; not carried over a continue-as-new (the next failure reports it again). */
  retrying: ActivityRetrying | null = null;

  private constructor(
    readonly input: CaseWorkflowInput,
    /** The case record. Modules change it only through their rules; it travels whole across continue-as-new. */
    readonly rec: CaseSnapshot,
    readonly behaviour: CaseBehaviour,
  ) {
    this.policy = input.policy;
    this.screeningDueAt = screeningDeadline(input.enrollmentDate, input.policy.screening.deadlineMs).toISOString();
  }

  /** A brand-new case: records the opening and enters screening. `startReason` only for a reason other than enrollment. */
  static open(caseId: string, input: CaseWorkflowInput, runId: string, now: string, behaviour: CaseBehaviour, startReason?: CaseStartReason): CaseKernel {
    const k = new CaseKernel(input, blankSnapshot(caseId, runId, now), behaviour);
    // State only (no command): the preference outreach follows until a contactPreferenceChanged signal.
    if (input.contact) k.rec.contact = { method: input.contact.method, points: [...input.contact.points] };
    k.emit(now, SYSTEM_ACTOR, startReason ? `case opened (${startReason})` : 'case opened', {
      kind: 'case_opened',
      runId,
      memberRef: input.memberRef,
      programCode: input.programCode,
      enrollmentDate: input.enrollmentDate,
      policyVersion: input.policy.version,
      ...(startReason ? { startReason } : {}),
      // Only set for cases started with a team, so saved histories' opening events are unchanged.
      ...(input.teamId ? { teamId: input.teamId } : {}),
      // Likewise only for cases started from a registry member (issue 16).
      ...(input.memberId ? { memberId: input.memberId } : {}),
    });
    k.moveTo('screening', now, SYSTEM_ACTOR);
    return k;
  }

  /** A case continued from a previous run. */
  static resume(input: CaseWorkflowInput, carried: CaseSnapshot, behaviour: CaseBehaviour): CaseKernel {
    const rec = withFieldsAddedSince(carried);
    // A snapshot from before contact preferences: the start's preference (if any) still holds.
    if (rec.contact === undefined && input.contact) rec.contact = { method: input.contact.method, points: [...input.contact.points] };
    return new CaseKernel(input, rec, behaviour);
  }

  get caseId(): string {
    return this.rec.caseId;
  }
  get episodeId(): string {
    return this.rec.episodeId;
  }
  get programCode(): string {
    return this.input.programCode;
  }
  get phase(): CasePhase {
    return this.rec.phase;
  }
  get isClosed(): boolean {
    return this.rec.phase === 'closed';
  }
  get isPaused(): boolean {
    return this.rec.status === 'paused';
  }

  // ---- events and notifications ------------------------------------------------------------

  emit(at: string, actorId: string, summary: string, data: CaseEventData): number {
    const seq = this.rec.nextSeq++;
    this.rec.pending.push({ seq, at, actorId, summary, data });
    if (!UNTIMELINED.has(data.kind)) {
      this.rec.timeline.push({ seq, at, kind: data.kind, actorId, summary });
      if (this.rec.timeline.length > TIMELINE_LENGTH) {
        this.rec.timeline.shift();
      }
    }
    return seq;
  }

  /** Asks the outbox to deliver a notice once the event asking for it is stored. */
  notify(now: string, notice: NoticeRequest, summary = `notification ${notice.template} to ${notice.audience}`): void {
    const notification: NotificationRequest = {
      key: notice.key,
      caseId: this.caseId,
      audience: notice.audience,
      channel: 'task_queue',
      template: notice.template,
      params: notice.params,
    };
    this.emit(now, SYSTEM_ACTOR, summary, { kind: 'notification_requested', notification });
  }

  /** `<case>:<parts>`: a key unique to the case (outreach notices, keyed before episodes existed). */
  caseKey(...parts: (string | number)[]): string {
    return [this.caseId, ...parts].join(':');
  }

  /** `<case>:<episode>:<parts>`: a key unique to this episode of the case. */
  episodeKey(...parts: (string | number)[]): string {
    return [this.caseId, this.episodeId, ...parts].join(':');
  }

  /** A care-team or supervisor action counts as progress (the no-progress clock restarts). */
  progress(now: string): void {
    this.rec.lastProgressAt = now;
  }

  result(eventSeq: number): CaseActionResult {
    return { phase: this.rec.phase, status: this.rec.status, step: this.rec.step, eventSeq };
  }

  // ---- tasks ---------------------------------------------------------------------------------

  task(key: string): CaseTask | undefined {
    return this.rec.tasks.find((t) => t.key === key);
  }

  taskOfKind(kind: CaseTaskKind): CaseTask | undefined {
    return this.rec.tasks.find((t) => t.kind === kind);
  }

  requireTask(key: string): CaseTask {
    const task = this.task(key);
    if (!task) {
      throw new CaseRuleViolation(`there is no open task ${key}; open tasks: ${this.rec.tasks.map((t) => t.key).join(', ') || 'none'}`);
    }
    return task;
  }

  openTask(key: string, kind: CaseTaskKind, dueAt: string, now: string): void {
    const task: CaseTask = { key, kind, dueAt, openedAt: now };
    this.rec.tasks.push(task);
    this.emit(now, SYSTEM_ACTOR, `task ${key} due ${dueAt}`, { kind: 'task_opened', key, taskKind: kind, dueAt });
    // E.g. a contact recorded during an inpatient stay: the next one starts suspended.
    this.suspendIfPaused(task, now);
  }

  /** A new due time for an open task (a changed cadence, or a supervisor's extension); a reminder will be sent again. */
  rescheduleTask(key: string, dueAt: string, now: string, actorId = SYSTEM_ACTOR, reason: string | null = null): number {
    const task = this.task(key)!;
    const from = task.dueAt;
    task.dueAt = dueAt;
    delete task.remindedAt;
    delete task.missedAt;
    return this.emit(now, actorId, `task ${key} now due ${dueAt}`, { kind: 'task_rescheduled', key, from, dueAt, reason });
  }

  closeTask(key: string, resolution: 'done' | 'timed_out' | 'cancelled', now: string): void {
    const i = this.rec.tasks.findIndex((t) => t.key === key);
    if (i === -1) {
      return;
    }
    this.rec.tasks.splice(i, 1);
    this.emit(now, SYSTEM_ACTOR, `task ${key} ${resolution}`, { kind: 'task_closed', key, resolution });
  }

  /**
   * While paused (since the pause-suspends-clocks patch), a care-team task's
   * clock stops: it keeps its remaining time and is not due until resumed.
   */
  suspendIfPaused(task: CaseTask, now: string): void {
    if (!this.isPaused || !this.behaviour.pauseSuspendsClocks || task.suspendedAt !== undefined || !suspendedByPause(task.kind)) {
      return;
    }
    task.suspendedAt = now;
    const remainingMs = Date.parse(task.dueAt) - Date.parse(now);
    this.emit(now, SYSTEM_ACTOR, `task ${task.key} suspended while the case is paused`, { kind: 'task_suspended', key: task.key, remainingMs });
  }

  // ---- phase and step moves -----------------------------------------------------------------

  moveTo(next: CasePhase, now: string, actorId: string): void {
    const from = this.rec.phase;
    if (!canTransition(from, next)) {
      throw new Error(`illegal phase transition ${from} -> ${next}`);
    }
    this.rec.phase = next;
    this.rec.lastProgressAt = now;
    this.emit(now, actorId, `phase ${from} -> ${next}`, {
      kind: 'phase_changed',
      from,
      to: next,
      closureReason: next === 'closed' ? this.rec.closureReason : null,
    });
  }

  /** Enters the step `move` leads to (RECOVERY_STEP_MOVES); an illegal move is a bug and fails the workflow task. */
  enterStep(move: RecoveryStepMoveName, now: string, actorId: string): void {
    const from = this.rec.step;
    const next = stepAfter(from, move);
    this.rec.step = next;
    this.emit(now, actorId, `recovery step ${from ?? 'none'} -> ${next}`, { kind: 'step_changed', from, to: next });
  }

  /** Closing is final: open tasks are cancelled and the phase becomes `closed`. */
  close(reason: ClosureReason, now: string, actorId: string, detail: string | null): number {
    this.rec.closureReason = reason;
    for (const task of [...this.rec.tasks]) {
      this.closeTask(task.key, 'cancelled', now);
    }
    const seq = this.emit(now, actorId, `case closed: ${reason}`, { kind: 'case_closed', reason, detail });
    this.moveTo('closed', now, actorId);
    this.rec.step = null;
    this.rec.parked = false;
    return seq;
  }

  workflowResult(): CaseWorkflowResult {
    if (this.rec.phase !== 'closed' || this.rec.closureReason === null) {
      throw new Error('case workflow ended without closing the case');
    }
    return { phase: 'closed', closureReason: this.rec.closureReason };
  }

  // ---- guards for update validators ---------------------------------------------------------

  requireOpen(): void {
    if (this.isClosed) {
      throw new CaseRuleViolation(`the case is closed (${this.rec.closureReason})`);
    }
  }

  requirePhase(phase: CasePhase, action: string): void {
    if (this.rec.phase !== phase) {
      throw new CaseRuleViolation(`cannot ${action} in phase ${this.rec.phase}; the case must be in ${phase}`);
    }
  }

  /**
   * Domain functions throw RangeError for impossible answers; turn that into a
   * rejection. The domain's ", got <value>" is cut: a clinical answer is PHI
   * and must not travel in an error message.
   */
  guardDomain(fn: () => unknown): void {
    try {
      fn();
    } catch (err) {
      throw new CaseRuleViolation(err instanceof Error ? err.message.replace(/, got [\s\S]*$/, '') : 'invalid answers');
    }
  }

  // ---- the outbox (drained by the persistence pump) -----------------------------------------

  get pendingEvents(): readonly CaseEvent[] {
    return this.rec.pending;
  }
  /** Notifications of persisted events, not yet delivered (or given up on). */
  get pendingDeliveries(): readonly NotificationRequest[] {
    return this.rec.deliveries;
  }
  get outboxBacklog(): number {
    return this.rec.pending.length + this.rec.deliveries.length;
  }

  /** The pump confirms the first `count` pending events are stored; their notifications are due next. */
  markPersisted(count: number): void {
    this.retrying = null;
    for (const event of this.rec.pending.splice(0, count)) {
      if (event.data.kind === 'notification_requested') {
        this.rec.deliveries.push(event.data.notification);
      }
    }
  }

  /** The first queued notification was delivered (or failed for good, its outbox row says so). */
  markDelivered(): void {
    this.retrying = null;
    this.rec.deliveries.shift();
  }

  snapshot(): CaseSnapshot {
    return cloneJson(this.rec);
  }
}

export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
