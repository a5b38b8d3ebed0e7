import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { DischargeDetailChanges, DischargeEvent, TransitionOfCarePolicy, TransitionTask } from '@careloop/domain';
import type { CaseWorkflowInput } from './case.contract';

/** Workflow type name of discharge planning (one workflow per discharge event). */
export const DISCHARGE_WORKFLOW_TYPE = 'dischargePlanningWorkflow';

/**
 * Who sent an event and the sender's id of it: the idempotency key of intake.
 * `clientId` is the authenticated integration client (the API key's client,
 * or the token subject), so one client can neither answer for nor collide
 * with another client's events, whatever `source` its messages claim.
 */
export interface IntegrationEventKey {
  readonly clientId: string;
  /** The sending system the message names (MSH-4:MSH-3, MessageHeader.source.endpoint, …), else the client's id. */
  readonly source: string;
  readonly sourceEventId: string;
}

function keyedHash(prefix: string, key: IntegrationEventKey, secret: string): string {
  const digest = hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`${prefix}\u0000${key.clientId}\u0000${key.source}\u0000${key.sourceEventId}`));
  return `${prefix}-${bytesToHex(digest).slice(0, 24)}`;
}

/**
 * A discharge workflow's id: a keyed hash of the client, the sender and its
 * event id, so the same event always maps to the same workflow (idempotent
 * intake) and the id reveals nothing (event ids such as HL7 control ids can
 * embed MRNs). Events received before the client was part of the key keep the
 * id stored with them in `discharge_events` (hash of source + event id only):
 * intake finds it there, never recomputes it.
 */
export function dischargeWorkflowId(key: IntegrationEventKey, secret: string): string {
  return keyedHash('discharge', key, secret);
}

/** The id of a sender's update or cancellation of a discharge (ADT^A08, ADT^A13): its workflow update id and timeline key. */
export function dischargeAmendmentId(key: IntegrationEventKey, secret: string): string {
  return keyedHash('amendment', key, secret);
}

export const DISCHARGE_WORKFLOW_ID_PATTERN = /^discharge-[0-9a-f]{24}$/;

/** Input of the discharge workflow; carries PHI (the event), so it travels only in encrypted payloads. */
export interface DischargeWorkflowInput {
  readonly event: DischargeEvent;
  /** The member's case in the event's program (derived like `POST /cases`). */
  readonly caseId: string;
  /** How to start that case if it is not open (start reason `discharge`). */
  readonly caseStart: CaseWorkflowInput;
  readonly policy: TransitionOfCarePolicy;
  readonly policyVersion: string;
}

/** `cancelled`: the sender cancelled the discharge (ADT^A13) while the task was still open or missed. */
export const TASK_STATUSES = ['open', 'missed', 'escalated', 'done', 'cancelled'] as const;
export type TransitionTaskStatus = (typeof TASK_STATUSES)[number];

export interface TransitionTaskView {
  readonly task: TransitionTask;
  readonly status: TransitionTaskStatus;
  readonly dueAt: string;
  readonly remindAt: string | null;
  readonly escalateAt: string;
  readonly remindedAt: string | null;
  readonly missedAt: string | null;
  readonly escalatedAt: string | null;
  readonly completedAt: string | null;
  readonly completedBy: string | null;
  /** Completed after its deadline. */
  readonly late: boolean;
}

/**
 * What `GET /discharges/:id` shows: ids, codes and times only (no member
 * reference, facility or PCP). Free-text notes belong on the case (POST /cases/:id/notes).
 */
export interface DischargeStatusView {
  readonly dischargeId: string;
  readonly caseId: string;
  readonly programCode: string;
  readonly format: DischargeEvent['format'];
  readonly dischargedAt: string;
  readonly policyVersion: string;
  /**
   * `ensuring_case` until the case holds the discharge, then `in_progress`, `completed` when no task is left
   * open, `cancelled` when the sender cancelled the discharge (its open tasks were cancelled).
   */
  readonly status: DischargeStatus;
  /** Whether the case was started for this discharge (false: the member already had an open case). */
  readonly caseStarted: boolean | null;
  readonly tasks: readonly TransitionTaskView[];
  /** When the sender's cancellation was applied (workflow time), or null. */
  readonly cancelledAt: string | null;
  /** The sender's updates and cancellation, in order: field names and times only (no values: they may be PHI). */
  readonly amendments: readonly DischargeAmendmentView[];
}

export const DISCHARGE_STATUSES = ['ensuring_case', 'in_progress', 'completed', 'cancelled'] as const;
export type DischargeStatus = (typeof DISCHARGE_STATUSES)[number];

export interface DischargeAmendmentView {
  readonly kind: 'update' | 'cancel';
  /** As received, e.g. `ADT^A08`. */
  readonly messageType: string;
  /** Workflow time it was applied. */
  readonly appliedAt: string;
  /** `update`: the details that changed (`dischargedAt`, `disposition`, `pcpId`). */
  readonly changed: readonly (keyof DischargeDetailChanges)[];
}

export const dischargeStatusQuery = defineQuery<DischargeStatusView>('dischargeStatus');

export interface CompleteTransitionTaskInput {
  readonly actorId: string;
  readonly task: TransitionTask;
  /** When it was actually done (ISO with offset); defaults to now. Not before the discharge, not in the future. */
  readonly completedAt?: string;
}

/** A care-team action; refused (validator) for an unknown or already completed task. */
export const completeTransitionTaskUpdate = defineUpdate<TransitionTaskView, [CompleteTransitionTaskInput]>('completeTransitionTask');

export interface CancelDischargeInput {
  /** The amendment id (dischargeAmendmentId): a repeat with the same key changes nothing. */
  readonly key: string;
  readonly messageType: string;
}

/**
 * The sender cancelled the discharge (HL7 v2 ADT^A13): open and missed tasks
 * are cancelled with their timers, the case timeline says so, and the workflow
 * completes with status `cancelled`. Done and escalated tasks keep their
 * outcome. Idempotent: a repeat (any key) answers the cancelled state.
 */
export const cancelDischargeUpdate = defineUpdate<DischargeStatusView, [CancelDischargeInput]>('cancelDischarge');

export interface UpdateDischargeDetailsInput {
  /** The amendment id: a repeat with the same key changes nothing. */
  readonly key: string;
  readonly messageType: string;
  /** Only the details that differ from what the workflow holds. At least one. */
  readonly changes: DischargeDetailChanges;
}

/**
 * The sender corrected the discharge (HL7 v2 ADT^A08): a new discharge time
 * re-plans the deadlines of the tasks still open; a newly named PCP is
 * informed when `pcp_informed` is not done yet. Never starts anything new.
 * Refused (validator) once the discharge was cancelled.
 */
export const updateDischargeDetailsUpdate = defineUpdate<DischargeStatusView, [UpdateDischargeDetailsInput]>('updateDischargeDetails');

/** Failure type of a refused discharge action (the API answers 409 with the message). */
export const DISCHARGE_RULE_VIOLATION = 'DischargeRuleViolation';

export interface DischargeWorkflowResult {
  /** Absent in results of runs that ended before cancellation existed (they all completed). */
  readonly status?: 'completed' | 'cancelled';
  readonly tasks: readonly Pick<TransitionTaskView, 'task' | 'status' | 'late'>[];
}

/** What the activity that ensures the case answers. */
export interface EnsureCaseResult {
  /** True when this call started the case (it was not open). */
  readonly started: boolean;
}
