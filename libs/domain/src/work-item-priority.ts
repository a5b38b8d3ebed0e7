import type { RiskTier } from './risk-tier';

/** Work item priorities, most pressing first (the same vocabulary as the contracts' WORK_ITEM_PRIORITIES). */
export type WorkItemPriorityLevel = 'urgent' | 'high' | 'normal' | 'low';

export interface WorkItemPriorityFacts {
  /** The item's kind (a case task kind, `escalation`, `transition_of_care`, `ur_decision`, `complaint_*`). */
  readonly kind: string;
  /** The due time passed with the work not done (task_missed). */
  readonly missed: boolean;
  /** The member's risk tier, when the item belongs to a case with an assessment. */
  readonly riskTier: RiskTier | null;
}

/** Kinds that are urgent by nature: a supervisor's escalation, and a provider's request to stop participation (a member's care at stake). */
export const URGENT_WORK_ITEM_KINDS: readonly string[] = ['escalation', 'stop_participation_review'];

/** What the risk tier alone makes of an item that is not urgent. */
export function riskPriority(riskTier: RiskTier | null): WorkItemPriorityLevel {
  if (riskTier === 'high') return 'high';
  if (riskTier === 'low') return 'low';
  return 'normal';
}

/**
 * The priority rule of the worklists (docs/worklists.md), first match wins:
 * 1. urgent: missed (its due time passed undone), an escalation, or a stop-participation review;
 * 2. high: a high-risk member's work;
 * 3. low: a low-risk member's work;
 * 4. normal: everything else (medium risk, or no assessment yet).
 * The projection stores it on every write that changes one of these facts, so a list can sort on it.
 */
export function workItemPriority(facts: WorkItemPriorityFacts): WorkItemPriorityLevel {
  if (facts.missed || URGENT_WORK_ITEM_KINDS.includes(facts.kind)) return 'urgent';
  return riskPriority(facts.riskTier);
}
