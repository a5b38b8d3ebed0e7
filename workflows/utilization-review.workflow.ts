import { setHandler, workflowInfo } from '@temporalio/workflow';
import type { UrStatus, UtilizationReviewInput, UtilizationReviewView } from '@careloop/contracts';
import { appealReviewUpdate, decideReviewUpdate, reviewBacklogQuery, supplyInformationUpdate, utilizationReviewQuery } from '@careloop/contracts';
import { UtilizationReviewState } from './utilization-review.state';
import { ReviewEffects, reviewStore } from './review-effects';
import { reviewSearchAttributes } from './review-search-attributes';
import { SearchAttributeSync } from './shared/search-attribute-sync';
import { nowIso, waitUntil } from './shared/workflow-time';

/**
 * A provider's treatment request under utilization review (seed 004):
 * completeness check (pended, clock stopped, until the missing information
 * arrives or the provider's window ends), clinical review decided by the
 * policy's deadline (supervisor warned before it and told when it passed),
 * decision notices, and one appeal with its own deadline. Short-lived: no
 * continue-as-new needed.
 */
export async function utilizationReviewWorkflow(input: UtilizationReviewInput): Promise<UtilizationReviewView> {
  const ur = UtilizationReviewState.open(workflowInfo().workflowId, input, nowIso());
  registerHandlers(ur);
  const effects = new ReviewEffects(ur.effects, () => reviewStore.saveUtilizationReview({ id: ur.id, record: ur.record(nowIso()) }));
  const attributes = new SearchAttributeSync((s: UtilizationReviewState) => reviewSearchAttributes(s.searchable()));
  attributes.follow(ur);

  while (!ur.isClosed) {
    attributes.sync(ur);
    await STEPS[ur.currentStatus](ur);
  }
  attributes.sync(ur);
  await effects.drain();
  return ur.view(nowIso());
}

type Step = (ur: UtilizationReviewState) => Promise<void>;

const STEPS: Record<UrStatus, Step> = {
  pended: awaitMissingInformation,
  in_review: awaitDecision,
  appeal_review: awaitDecision,
  decided: awaitAppeal,
  closed: async () => undefined,
};

/** Completeness: the clock is stopped until the provider answers or their window ends. */
async function awaitMissingInformation(ur: UtilizationReviewState): Promise<void> {
  const answered = await waitUntil(() => ur.currentStatus !== 'pended', ur.pendDueAt);
  if (!answered) {
    ur.pendExpired(nowIso());
  }
}

/** Clinical review: wait for the reviewer; warn the supervisor before the deadline, escalate when it passes. */
async function awaitDecision(ur: UtilizationReviewState): Promise<void> {
  const status = ur.currentStatus;
  const decided = await waitUntil(() => ur.currentStatus !== status, ur.nextEscalationAt);
  if (!decided) {
    ur.escalate(nowIso());
  }
}

/** An adverse decision can be appealed within the window; after it the review is final. */
async function awaitAppeal(ur: UtilizationReviewState): Promise<void> {
  const appealed = await waitUntil(() => ur.currentStatus !== 'decided', ur.appealWindowEndsAt);
  if (!appealed) {
    ur.appealWindowClosed();
  }
}

function registerHandlers(ur: UtilizationReviewState): void {
  setHandler(utilizationReviewQuery, () => ur.view(nowIso()));
  setHandler(reviewBacklogQuery, () => ur.effects.items.length);
  setHandler(supplyInformationUpdate, (i) => ur.supplyInformation(i, nowIso()), { validator: (i) => ur.checkSupplyInformation(i) });
  setHandler(decideReviewUpdate, (i) => ur.decide(i, nowIso()), { validator: (i) => ur.checkDecide(i) });
  setHandler(appealReviewUpdate, (i) => ur.appeal(i, nowIso()), { validator: (i) => ur.checkAppeal(i, nowIso()) });
}
