import {
  extendDueDateUpdate,
  nudgeTaskUpdate,
  redeliverUpdate,
  type CaseActionResult,
  type ExtendDueDateInput,
  type NudgeTaskInput,
  type RedeliverInput,
} from '@careloop/contracts';
import { CaseRuleViolation } from '../shared/case-rule-violation';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';

/** What a supervisor does to a stuck case (DESIGN §5): extend a due date, nudge the care team, deliver failed notices again. */
export function registerSupervision(k: CaseKernel, on: CaseActionRegistrar): void {
  on(extendDueDateUpdate, (i, now) => extendDueDate(k, i, now), (i) => checkExtendDueDate(k, i));
  on(nudgeTaskUpdate, (i, now) => nudgeTask(k, i, now), (i) => checkNudge(k, i));
  on(redeliverUpdate, (i, now) => redeliver(k, i, now), (i) => checkRedeliver(k, i));
}

export function checkExtendDueDate(k: CaseKernel, input: ExtendDueDateInput): void {
  k.requireOpen();
  const task = k.requireTask(input.taskKey);
  if (!(Date.parse(input.dueAt) > Date.parse(task.dueAt))) {
    throw new CaseRuleViolation(`the new due time must be later than the current one (${task.dueAt})`);
  }
}

export function extendDueDate(k: CaseKernel, input: ExtendDueDateInput, now: string): CaseActionResult {
  checkExtendDueDate(k, input);
  return k.result(k.rescheduleTask(input.taskKey, new Date(input.dueAt).toISOString(), now, input.actorId, input.reason));
}

export function checkNudge(k: CaseKernel, input: NudgeTaskInput): void {
  k.requireOpen();
  k.requireTask(input.taskKey);
}

/** The care team is reminded of the task again (a new notification; the due time stays). */
export function nudgeTask(k: CaseKernel, input: NudgeTaskInput, now: string): CaseActionResult {
  checkNudge(k, input);
  const task = k.requireTask(input.taskKey);
  const seq = k.emit(now, input.actorId, `task ${task.key} nudged`, { kind: 'task_nudged', key: task.key, reason: input.reason });
  k.notify(now, {
    key: k.episodeKey('nudge', task.key, seq),
    audience: 'care_team',
    template: 'task_nudged',
    params: { taskKey: task.key, taskKind: task.kind, dueAt: task.dueAt, careManagerId: k.rec.careManagerId },
  });
  return k.result(seq);
}

export function checkRedeliver(k: CaseKernel, input: RedeliverInput): void {
  k.requireOpen();
  if (input.notifications.length === 0) {
    throw new CaseRuleViolation('there are no failed notifications to deliver again');
  }
  if (input.notifications.some((n) => n.caseId !== k.caseId)) {
    throw new CaseRuleViolation('every notification must belong to this case');
  }
}

/** Failed deliveries go to the back of the outbox again (delivery skips any that meanwhile succeeded). */
export function redeliver(k: CaseKernel, input: RedeliverInput, now: string): CaseActionResult {
  checkRedeliver(k, input);
  const keys = input.notifications.map((n) => n.key);
  const seq = k.emit(now, input.actorId, `${keys.length} notification(s) queued for delivery again`, { kind: 'notifications_redelivered', keys, reason: input.reason });
  k.rec.deliveries.push(...input.notifications);
  return k.result(seq);
}
