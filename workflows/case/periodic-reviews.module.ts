import { addMs, PLAN_REVIEW_MOVES } from '@careloop/domain';
import { reviewPlanUpdate, type CaseActionResult, type ReviewPlanInput } from '@careloop/contracts';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';

type ReviewKind = 'plan_review' | 'reassessment';

/**
 * Periodic reviews (DESIGN §3.5): recovery support always has one open
 * plan-review task and one open reassessment task, due on the policy
 * cadence; the care team is reminded once when one falls due.
 */
export function registerPeriodicReviews(k: CaseKernel, on: CaseActionRegistrar): void {
  on(reviewPlanUpdate, (i, now) => reviewPlan(k, i, now), () => checkReviewPlan(k));
}

/** Opens the review tasks on entering recovery support, and on resuming a snapshot taken before reviews existed. */
export function ensurePeriodicReviews(k: CaseKernel, now: string): void {
  if (k.phase !== 'recovery_support') {
    return;
  }
  if (!k.taskOfKind('plan_review')) {
    scheduleNextReview(k, 'plan_review', k.rec.latestPlan?.consentedAt ?? now, now);
  }
  if (!k.taskOfKind('reassessment')) {
    scheduleNextReview(k, 'reassessment', k.rec.lastAssessedAt ?? now, now);
  }
}

/** Closes the open review of `kind` (it happened) and opens the next one, one interval after `from`. */
export function scheduleNextReview(k: CaseKernel, kind: ReviewKind, from: string, now: string = from): void {
  if (!k.behaviour.periodicReviews) {
    return;
  }
  const open = k.taskOfKind(kind);
  if (open) {
    k.closeTask(open.key, 'done', now);
  }
  const interval = kind === 'plan_review' ? k.policy.planReviewIntervalMs : k.policy.reassessmentIntervalMs;
  const counter = kind === 'plan_review' ? 'plan' : 'reassessment';
  k.rec.reviews[counter]++;
  k.openTask(`${kind.replace('_', '-')}-${k.rec.reviews[counter]}`, kind, addMs(from, interval), now);
}

export function checkReviewPlan(k: CaseKernel): void {
  k.requireOpen();
  k.requirePhase('recovery_support', 'record a plan review');
}

/** The care team reviewed the active plan: it continues, or goes back for revision (step 7). */
export function reviewPlan(k: CaseKernel, input: ReviewPlanInput, now: string): CaseActionResult {
  checkReviewPlan(k);
  k.progress(now);
  const seq = k.emit(now, input.actorId, `plan review: ${input.outcome}`, {
    kind: 'plan_reviewed',
    outcome: input.outcome,
    planVersion: k.rec.activePlanVersion,
    summary: input.summary ?? null,
  });
  scheduleNextReview(k, 'plan_review', now);
  const move = PLAN_REVIEW_MOVES[input.outcome];
  if (move !== null) {
    k.enterStep(move, now, input.actorId);
    if (!k.task('care-plan')) {
      k.openTask('care-plan', 'care_plan', addMs(now, k.policy.carePlanDueMs), now);
    }
  }
  return k.result(seq);
}

const isReview = (kind: string): kind is ReviewKind => kind === 'plan_review' || kind === 'reassessment';

/** The earliest due time of an open review the care team has not yet been reminded of (a suspended one is not due). */
export function reviewReminderAt(k: CaseKernel): string | null {
  return k.rec.tasks
    .filter((t) => isReview(t.kind) && t.remindedAt === undefined && t.suspendedAt === undefined)
    .reduce<string | null>((min, t) => (min === null || t.dueAt < min ? t.dueAt : min), null);
}

export function remindDueReviews(k: CaseKernel, now: string): void {
  for (const task of k.rec.tasks) {
    if (isReview(task.kind) && task.remindedAt === undefined && task.suspendedAt === undefined && task.dueAt <= now) {
      task.remindedAt = now;
      k.notify(now, {
        key: k.episodeKey(task.key, 'due'),
        audience: 'care_team',
        template: `${task.kind}_due`,
        params: { taskKey: task.key, dueAt: task.dueAt, careManagerId: k.rec.careManagerId },
      });
    }
  }
}
