import { setHandler, workflowInfo } from '@temporalio/workflow';
import { acknowledgeComplaintUpdate, complaintQuery, resolveComplaintUpdate, reviewBacklogQuery, type ComplaintInput, type ComplaintView } from '@careloop/contracts';
import { ComplaintState } from './complaint.state';
import { ReviewEffects, reviewStore } from './review-effects';
import { reviewSearchAttributes } from './review-search-attributes';
import { SearchAttributeSync } from './shared/search-attribute-sync';
import { nowIso, waitUntil } from './shared/workflow-time';

/**
 * A verbal or written complaint from a provider or member (seed 000):
 * receipt acknowledged to the complainant with the process instructions,
 * a staff acknowledgement within the policy window, resolution by the due
 * date; each window escalated to the supervisor when missed.
 */
export async function complaintWorkflow(input: ComplaintInput): Promise<ComplaintView> {
  const complaint = ComplaintState.open(workflowInfo().workflowId, input, nowIso());
  setHandler(complaintQuery, () => complaint.view());
  setHandler(reviewBacklogQuery, () => complaint.effects.items.length);
  setHandler(acknowledgeComplaintUpdate, (i) => complaint.acknowledge(i, nowIso()), { validator: (i) => complaint.checkAcknowledge(i) });
  setHandler(resolveComplaintUpdate, (i) => complaint.resolve(i, nowIso()), { validator: (i) => complaint.checkResolve(i) });
  const effects = new ReviewEffects(complaint.effects, () => reviewStore.saveComplaint({ id: complaint.id, record: complaint.record() }));
  const attributes = new SearchAttributeSync((c: ComplaintState) => reviewSearchAttributes(c.searchable()));
  attributes.follow(complaint);

  while (!complaint.isResolved) {
    attributes.sync(complaint);
    const status = complaint.currentStatus;
    const moved = await waitUntil(() => complaint.currentStatus !== status, complaint.nextEscalationAt);
    if (!moved) {
      complaint.escalate(nowIso());
    }
  }
  attributes.sync(complaint);
  await effects.drain();
  return complaint.view();
}
