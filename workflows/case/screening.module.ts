import { addMs, attemptChannel, attemptDelayMs, outreachChannel, screeningRisk, type AttemptOutcome, type CaseContactPreference } from '@careloop/domain';
import {
  SYSTEM_ACTOR,
  recordAttemptUpdate,
  submitScreeningUpdate,
  type AttemptRecord,
  type CaseActionResult,
  type RecordAttemptInput,
  type SubmitScreeningInput,
} from '@careloop/contracts';
import { CaseRuleViolation } from '../shared/case-rule-violation';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';
import type { LifecycleClock } from './kernel/lifecycle-clock';
import { nowIso } from '../shared/workflow-time';
import { missDueClocks } from './task-clocks.module';

/**
 * Screening with outreach retries (seed 002 §5.1.1): attempts on the
 * policy's channels and spacing, each with a response window, until the
 * member is reached, declines, the attempts are used or the deadline (from
 * the enrollment date) passes; then the screening answers.
 */
export function registerScreening(k: CaseKernel, on: CaseActionRegistrar): void {
  on(recordAttemptUpdate, (i, now) => recordAttempt(k, i, now), (i) => checkRecordAttempt(k, i));
  on(submitScreeningUpdate, (i, now) => submitScreening(k, i, now), (i) => checkSubmitScreening(k, i));
}

/** One pass of the screening phase: wait for the open attempt's outcome, or the next attempt's time, or start it. */
export async function screeningPhase(k: CaseKernel, clock: LifecycleClock): Promise<void> {
  if (k.rec.parked || isReached(k)) {
    await clock.waitFor(() => k.phase !== 'screening');
    return;
  }
  const open = openAttempt(k);
  if (open) {
    const recorded = await clock.waitFor(() => open.outcome !== null, open.dueAt);
    if (!recorded && open.outcome === null && clock.mayAct) {
      timeOutAttempt(k, open.number, nowIso());
    }
    return;
  }
  const now = nowIso();
  if (outreachExhausted(k, now)) {
    unableToReach(k, now);
    return;
  }
  if (k.isPaused) {
    // No new outreach while paused; the regulatory deadline keeps running.
    await clock.waitFor(() => !k.isPaused, k.screeningDueAt);
    return;
  }
  const next = nextAttemptAt(k);
  const startAt = next < k.screeningDueAt ? next : k.screeningDueAt;
  if (now < startAt) {
    await clock.waitFor(() => k.isPaused, startAt);
    return;
  }
  startAttempt(k, now);
}

export function isReached(k: CaseKernel): boolean {
  return k.rec.screeningReachedAt !== null;
}

/** The started attempt still waiting for its outcome, if any. */
export function openAttempt(k: CaseKernel): AttemptRecord | undefined {
  return k.rec.attempts.find((a) => a.outcome === null);
}

/** When the next attempt may start: right away for the first, else after the policy's spacing. */
export function nextAttemptAt(k: CaseKernel): string {
  const last = k.rec.attempts.at(-1);
  if (!last) {
    return k.rec.openedAt;
  }
  return addMs(last.recordedAt ?? last.dueAt, attemptDelayMs(k.rec.attempts.length + 1, k.policy));
}

export function outreachExhausted(k: CaseKernel, now: string): boolean {
  return k.rec.attempts.length >= k.policy.screening.maxAttempts || now >= k.screeningDueAt;
}

export function startAttempt(k: CaseKernel, now: string): AttemptRecord {
  const number = k.rec.attempts.length + 1;
  // Patched: cases started before preferred methods keep the policy's channel order as they ran.
  const channel = k.behaviour.preferredContactMethod ? outreachChannel(number, k.policy, k.rec.contact ?? null, k.rec.attempts) : attemptChannel(number, k.policy);
  const windowEnd = addMs(now, k.policy.screening.attemptResponseWindowMs);
  const dueAt = windowEnd < k.screeningDueAt ? windowEnd : k.screeningDueAt;
  const attempt: AttemptRecord = { number, channel, startedAt: now, dueAt, outcome: null, recordedAt: null };
  k.rec.attempts.push(attempt);
  k.emit(now, SYSTEM_ACTOR, `outreach attempt ${number} started (${channel})`, { kind: 'attempt_started', number, channel, dueAt });
  k.openTask(`attempt-${number}`, 'outreach_attempt', dueAt, now);
  k.notify(now, { key: k.caseKey(`attempt-${number}`), audience: 'care_team', template: 'outreach_attempt_due', params: { attemptNumber: number, channel, dueAt } });
  return attempt;
}

export function checkRecordAttempt(k: CaseKernel, input: RecordAttemptInput): void {
  k.requireOpen();
  k.requirePhase('screening', 'record an outreach attempt');
  const attempt = k.rec.attempts.find((a) => a.number === input.attemptNumber);
  if (!attempt) {
    throw new CaseRuleViolation(`outreach attempt ${input.attemptNumber} has not been started`);
  }
  if (attempt.outcome !== null) {
    throw new CaseRuleViolation(`outreach attempt ${input.attemptNumber} already has the outcome ${attempt.outcome}`);
  }
}

export function recordAttempt(k: CaseKernel, input: RecordAttemptInput, now: string): CaseActionResult {
  checkRecordAttempt(k, input);
  return k.result(setAttemptOutcome(k, input.attemptNumber, input.outcome, now, input.actorId, input.note ?? null, input.contactPoint));
}

/**
 * The member's contact preference changed (registry): kept for the next attempt (an open one keeps
 * its channel). Recorded on the timeline by method only; a repeat of the same preference is ignored.
 */
export function changeContactPreference(k: CaseKernel, preference: CaseContactPreference, now: string): void {
  const current = k.rec.contact ?? null;
  if (current && current.method === preference.method && sameList(current.points, preference.points)) return;
  k.rec.contact = { method: preference.method, points: [...preference.points] };
  if (k.isClosed) return;
  k.emit(now, SYSTEM_ACTOR, `contact preference changed (${preference.method})`, { kind: 'contact_preference_changed', method: preference.method, points: [...preference.points] });
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The care team recorded nothing within the attempt's window. */
export function timeOutAttempt(k: CaseKernel, number: number, now: string): void {
  missDueClocks(k, now);
  setAttemptOutcome(k, number, 'timed_out', now, SYSTEM_ACTOR, null);
}

function setAttemptOutcome(
  k: CaseKernel,
  number: number,
  outcome: AttemptOutcome,
  now: string,
  actorId: string,
  note: string | null,
  contactPoint?: string,
): number {
  const attempt = k.rec.attempts.find((a) => a.number === number)!;
  attempt.outcome = outcome;
  attempt.recordedAt = now;
  // The contact point is additive data: present only when the care team named one.
  if (contactPoint !== undefined) attempt.contactPoint = contactPoint;
  const tried = contactPoint !== undefined ? ` via ${contactPoint}` : '';
  const seq = k.emit(now, actorId, `outreach attempt ${number}: ${outcome}${tried}`, {
    kind: 'attempt_recorded',
    number,
    outcome,
    note,
    ...(contactPoint !== undefined ? { contactPoint } : {}),
  });
  k.closeTask(`attempt-${number}`, outcome === 'timed_out' ? 'timed_out' : 'done', now);
  if (actorId !== SYSTEM_ACTOR) {
    k.progress(now);
  }
  if (outcome === 'reached') {
    k.rec.screeningReachedAt = now;
    k.openTask('screening', 'screening', k.screeningDueAt, now);
  } else if (outcome === 'declined') {
    k.close('member_declined', now, actorId, 'member declined at outreach');
  }
  return seq;
}

/** All attempts used or the deadline passed without reaching the member (seed 002 §5.1.1). */
export function unableToReach(k: CaseKernel, now: string): void {
  missDueClocks(k, now);
  if (k.policy.screening.onUnableToReach === 'close') {
    k.close('unable_to_reach', now, SYSTEM_ACTOR, `${k.rec.attempts.length} documented outreach attempt(s)`);
    return;
  }
  k.rec.parked = true;
  k.notify(
    now,
    { key: k.caseKey('unable-to-reach'), audience: 'supervisor', template: 'unable_to_reach_parked', params: { attempts: k.rec.attempts.length } },
    'unable to reach: parked for supervisor review',
  );
}

export function checkSubmitScreening(k: CaseKernel, input: SubmitScreeningInput): void {
  k.requireOpen();
  k.requirePhase('screening', 'submit screening answers');
  if (!isReached(k)) {
    throw new CaseRuleViolation('screening answers need an outreach attempt with the outcome reached first');
  }
  k.guardDomain(() => screeningRisk(input.answers));
}

/** The answers give the initial risk; the case moves on to the assessment, due on the policy's clock. */
export function submitScreening(k: CaseKernel, input: SubmitScreeningInput, now: string) {
  checkSubmitScreening(k, input);
  const initialRisk = screeningRisk(input.answers);
  k.rec.initialRisk = initialRisk;
  k.rec.preferredLanguage = input.answers.preferredLanguage;
  const seq = k.emit(now, input.actorId, `screening submitted: initial risk ${initialRisk.tier}`, {
    kind: 'screening_submitted',
    answers: input.answers,
    initialRisk,
  });
  k.closeTask('screening', 'done', now);
  k.moveTo('assessment', now, input.actorId);
  k.openTask('assessment', 'assessment', addMs(now, k.policy.assessmentDueMs), now);
  return { ...k.result(seq), initialRisk };
}
