import { addMs, directClosureRefusal } from '@careloop/domain';
import {
  SYSTEM_ACTOR,
  addNoteUpdate,
  closeCaseUpdate,
  pauseUpdate,
  resumeUpdate,
  type AddNoteInput,
  type CaseActionResult,
  type CloseCaseInput,
  type ExternalCaseEvent,
  type PauseInput,
  type ResumeInput,
} from '@careloop/contracts';
import { CaseRuleViolation } from '../shared/case-rule-violation';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';

const EXTERNAL_KEYS_KEPT = 200;
const MAX_EXTERNAL_SUMMARY = 200;
const MAX_NOTE_LENGTH = 10_000;

/** What any open phase takes: pause and resume (e.g. an inpatient stay), notes and call records, events from outside. */
export function registerCaseStatus(k: CaseKernel, on: CaseActionRegistrar): void {
  on(pauseUpdate, (i, now) => pause(k, i, now), () => checkPause(k));
  on(resumeUpdate, (i, now) => resume(k, i, now), () => checkResume(k));
  on(addNoteUpdate, (i, now) => addNote(k, i, now), (i) => checkAddNote(k, i));
}

/** A direct close, by the care team or a supervisor. */
export function registerClosure(k: CaseKernel, on: CaseActionRegistrar): void {
  on(closeCaseUpdate, (i, now) => closeByRequest(k, i, now), (i) => checkClose(k, i));
}

/**
 * An event from outside (a signal): recorded on the timeline once per key.
 * Never refused; on a closed case it is dropped, as the case takes nothing more.
 */
export function recordExternalEvent(k: CaseKernel, event: ExternalCaseEvent, now: string): void {
  const keys = k.rec.externalKeys;
  if (k.isClosed || keys.includes(event.key)) {
    return;
  }
  keys.push(event.key);
  if (keys.length > EXTERNAL_KEYS_KEPT) {
    keys.shift();
  }
  k.emit(now, event.source, `${event.source}: ${event.summary.slice(0, MAX_EXTERNAL_SUMMARY)}`, {
    kind: 'external_event_recorded',
    key: event.key,
    source: event.source,
    eventKind: event.kind,
    occurredAt: event.occurredAt,
    reference: event.reference ?? null,
  });
}

export function checkPause(k: CaseKernel): void {
  k.requireOpen();
  if (k.isPaused) {
    throw new CaseRuleViolation('the case is already paused');
  }
}

/** Paused: no new outreach; the care team's clocks are suspended (TASK_CLOCKS_ON_PAUSE), regulatory ones keep running. */
export function pause(k: CaseKernel, input: PauseInput, now: string): CaseActionResult {
  checkPause(k);
  k.rec.status = 'paused';
  k.progress(now);
  const seq = k.emit(now, input.actorId, 'case paused', { kind: 'paused', reason: input.reason });
  for (const task of k.rec.tasks) {
    k.suspendIfPaused(task, now);
  }
  return k.result(seq);
}

export function checkResume(k: CaseKernel): void {
  k.requireOpen();
  if (!k.isPaused) {
    throw new CaseRuleViolation('the case is not paused');
  }
}

/** Active again: every suspended task is re-armed with the time it had left when suspended. */
export function resume(k: CaseKernel, input: ResumeInput, now: string): CaseActionResult {
  checkResume(k);
  k.rec.status = 'active';
  k.progress(now);
  const seq = k.emit(now, input.actorId, 'case resumed', { kind: 'resumed' });
  for (const task of k.rec.tasks) {
    if (task.suspendedAt !== undefined) {
      task.dueAt = addMs(now, Date.parse(task.dueAt) - Date.parse(task.suspendedAt));
      delete task.suspendedAt;
      k.emit(now, SYSTEM_ACTOR, `task ${task.key} resumed, due ${task.dueAt}`, { kind: 'task_resumed', key: task.key, dueAt: task.dueAt });
    }
  }
  return k.result(seq);
}

export function checkAddNote(k: CaseKernel, input: AddNoteInput): void {
  k.requireOpen();
  if (input.text.trim().length === 0 || input.text.length > MAX_NOTE_LENGTH) {
    throw new CaseRuleViolation(`a note must have 1 to ${MAX_NOTE_LENGTH} characters`);
  }
}

export function addNote(k: CaseKernel, input: AddNoteInput, now: string): CaseActionResult {
  checkAddNote(k, input);
  k.progress(now);
  const label = input.kind === 'call_record' ? 'call record' : 'note';
  return k.result(k.emit(now, input.actorId, `${label} added`, { kind: 'note_added', noteKind: input.kind, text: input.text }));
}

/** A direct close (care team or supervisor); a flow-only reason (`provider_request`) is refused with the flow it must come from. */
export function checkClose(k: CaseKernel, input: CloseCaseInput): void {
  k.requireOpen();
  const refusal = directClosureRefusal(input.reason);
  if (refusal !== null) {
    throw new CaseRuleViolation(refusal);
  }
}

export function closeByRequest(k: CaseKernel, input: CloseCaseInput, now: string): CaseActionResult {
  // Only the validator refuses flow-only reasons: it never runs on replay, so a direct close accepted
  // before that rule existed still replays as it ran (the handler re-checks only that the case is open).
  k.requireOpen();
  return k.result(k.close(input.reason, now, input.actorId, input.detail ?? null));
}
