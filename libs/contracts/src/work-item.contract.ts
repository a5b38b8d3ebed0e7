import { CASE_TASK_KINDS, type CaseTaskKind } from './case.vocabulary';

/**
 * Work items (issue 17): every open piece of human work, whichever workflow owns it, as one
 * row a worklist can sort and page. The owning workflow stays the source of truth: a work
 * item is the projection of its task (opened, rescheduled, suspended, reminded, missed,
 * closed), and completing one is that workflow's own update (`complete` names the route).
 * Claim, release and reassign change only who holds it, never the work.
 */
export const WORK_ITEM_SOURCES = ['case', 'discharge', 'utilization_review', 'complaint'] as const;
export type WorkItemSource = (typeof WORK_ITEM_SOURCES)[number];

export const WORK_ITEM_KINDS = [
  ...CASE_TASK_KINDS,
  /** A supervisor's item: a clock of the case was missed (one per missed task). */
  'escalation',
  /** One transition-of-care task of a discharge (member contact, medication reconciliation, follow-up visit, PCP informed). */
  'transition_of_care',
  /** A utilization review awaiting its decision (standard 7 days, expedited 72 hours), or its appeal. */
  'ur_decision',
  'complaint_acknowledgement',
  'complaint_resolution',
] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export const isCaseTaskKind = (kind: WorkItemKind): kind is CaseTaskKind => (CASE_TASK_KINDS as readonly string[]).includes(kind);

/** `open` includes claimed items (claimedBy is set); `suspended`: its clock stopped by a pause; the rest are closed. */
export const WORK_ITEM_STATUSES = ['open', 'suspended', 'done', 'timed_out', 'cancelled'] as const;
export type WorkItemStatus = (typeof WORK_ITEM_STATUSES)[number];

export const WORK_ITEM_PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type WorkItemPriority = (typeof WORK_ITEM_PRIORITIES)[number];

/**
 * Who holds the item: a named person, or a team's queue (anyone in the team may claim it).
 * `role` says whose queue: care-team work sits in the care managers' queue, escalations and
 * stop-participation decisions in the supervisors'. A team id of null is the organisation-wide queue.
 */
export type WorkItemOwner =
  | { readonly kind: 'person'; readonly staffId: string; readonly teamId: string | null }
  | { readonly kind: 'team'; readonly teamId: string | null; readonly role: 'care_manager' | 'supervisor' };

/** Work item ids: `<source>:<source id>:<task key>` (stable, so a replayed projection writes the same row). */
export const WORK_ITEM_ID_PATTERN = /^(case|discharge|utilization_review|complaint):[A-Za-z0-9_.:@-]{1,180}$/;

export interface WorkItemView {
  readonly id: string;
  readonly source: WorkItemSource;
  readonly kind: WorkItemKind;
  /** The task's key in its workflow (`contact-3`, `assessment`, `member_contact`, …). */
  readonly taskKey: string;
  readonly status: WorkItemStatus;
  readonly priority: WorkItemPriority;
  readonly dueAt: string;
  /** When the owner was reminded (policy lead time before dueAt), if yet. */
  readonly remindedAt: string | null;
  /** When the due time passed with the work not done (it stays open, overdue, and was escalated). */
  readonly missedAt: string | null;
  readonly overdue: boolean;
  readonly owner: WorkItemOwner;
  /** Set while a person holds a queue item they claimed. */
  readonly claimedAt: string | null;
  readonly caseId: string | null;
  readonly memberId: string | null;
  /** The discharge, review or complaint the item belongs to, when it is not a case task. */
  readonly sourceId: string;
  readonly programCode: string | null;
  readonly riskTier: 'high' | 'medium' | 'low' | null;
  readonly openedAt: string;
  readonly closedAt: string | null;
  /** Where the work is done: the workflow's own route (completing the item is that update). */
  readonly complete: { readonly method: 'POST'; readonly path: string } | null;
}

export interface WorklistPage {
  readonly items: readonly WorkItemView[];
  /** Opaque; absent on the last page. */
  readonly nextCursor?: string;
  readonly counts: { readonly overdue: number; readonly dueToday: number; readonly open: number };
}

/** `GET /worklist` filters. `scope`: mine (held by me), team (my team's unclaimed queue), or both (default). */
export const WORKLIST_SCOPES = ['mine', 'team', 'all'] as const;
export type WorklistScope = (typeof WORKLIST_SCOPES)[number];

export interface ReassignWorkItemInput {
  readonly toStaffId: string;
  readonly reason: string;
}

/** A case task's work item: per episode, so a re-enrolment's `assessment` is a new item. */
export const caseWorkItemId = (caseId: string, episodeId: string, taskKey: string): string => `case:${caseId}:${episodeId}:${taskKey}`;
/** The supervisor's escalation item for a missed case task. */
export const escalationWorkItemId = (caseId: string, episodeId: string, taskKey: string): string => `${caseWorkItemId(caseId, episodeId, taskKey)}:escalation`;

/**
 * Clock notices the case workflow asks for (templates rendered by the notification service):
 * `task_reminder` to the task's owner (care_team, or supervisor for C12) ahead of the due time, and
 * `task_missed` to the supervisor at the due time. Params (PHI-free): taskKey, clock (C1…C12),
 * subject (CaseClockSubject), dueAt (ISO), workItemId.
 */
export const CLOCK_NOTICE_TEMPLATES = ['task_reminder', 'task_missed'] as const;
