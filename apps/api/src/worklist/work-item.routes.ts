import type { WorkItemKind, WorkItemView } from '@careloop/contracts';
import type { StoredWorkItem } from '@careloop/persistence';

type Complete = WorkItemView['complete'];
const post = (path: string): Complete => ({ method: 'POST', path });

/** The number or id after the last `-` of a task key (`attempt-3` → 3, `stop-participation-req-1` → `req-1`). */
const keySuffix = (key: string, prefix: string): string | null => (key.startsWith(prefix) ? key.slice(prefix.length) : null);

/**
 * Where each kind of work is done: the owning workflow's own route (docs/worklists.md). Completing
 * an item is that update; the workflow then closes the task and the projection closes the item.
 * An escalation has none: it settles when the task it escalates closes (a supervisor acts on it with
 * the supervisor routes: nudge, reassign, extend the due date).
 */
export const COMPLETE_ROUTES: Readonly<Record<WorkItemKind, (i: StoredWorkItem) => Complete>> = {
  outreach_attempt: (i) => {
    const n = keySuffix(i.taskKey, 'attempt-');
    return n === null ? null : post(`/cases/${i.caseId}/attempts/${n}/outcome`);
  },
  screening: (i) => post(`/cases/${i.caseId}/screening`),
  assessment: (i) => post(`/cases/${i.caseId}/assessment`),
  reassessment: (i) => post(`/cases/${i.caseId}/assessment`),
  care_plan: (i) => post(`/cases/${i.caseId}/plan`),
  plan_consent: (i) => (i.planVersion === null ? null : post(`/cases/${i.caseId}/plan/${i.planVersion}/consent`)),
  member_discussion: (i) => post(`/cases/${i.caseId}/member-discussion`),
  contact: (i) => post(`/cases/${i.caseId}/contacts`),
  supplemental_info: (i) => post(`/cases/${i.caseId}/supplemental-info`),
  plan_review: (i) => post(`/cases/${i.caseId}/plan-review`),
  stop_participation_review: (i) => {
    const rid = keySuffix(i.taskKey, 'stop-participation-');
    return rid === null ? null : post(`/supervisor/cases/${i.caseId}/stop-participation-requests/${rid}/decision`);
  },
  escalation: () => null,
  transition_of_care: (i) => post(`/discharges/${i.sourceId}/tasks/${i.taskKey}`),
  ur_decision: (i) => post(`/utilization-reviews/${i.sourceId}/decision`),
  complaint_acknowledgement: (i) => post(`/complaints/${i.sourceId}/acknowledge`),
  complaint_resolution: (i) => post(`/complaints/${i.sourceId}/resolve`),
};
