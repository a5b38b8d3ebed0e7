import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { DischargeEvent, TransitionOfCarePolicy, TransitionTask } from '@careloop/domain';
import type { CaseWorkflowInput } from './case.contract';

/** Workflow type name of discharge planning (one workflow per discharge event). */
export const DISCHARGE_WORKFLOW_TYPE = 'dischargePlanningWorkflow';

/**
 * A discharge workflow's id: a keyed hash of the sender and its event id, so
 * the same event always maps to the same workflow (idempotent intake) and the
 * id reveals nothing (event ids such as HL7 control ids can embed MRNs).
 */
export function dischargeWorkflowId(source: string, sourceEventId: string, secret: string): string {
  const digest = hmac(sha256, utf8ToBytes(secret), utf8ToBytes(`discharge\u0000${source}\u0000${sourceEventId}`));
  return `discharge-${bytesToHex(digest).slice(0, 24)}`;
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

export const TASK_STATUSES = ['open', 'missed', 'escalated', 'done'] as const;
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
  /** `ensuring_case` until the case holds the discharge, then `in_progress`, `completed` when no task is left open. */
  readonly status: 'ensuring_case' | 'in_progress' | 'completed';
  /** Whether the case was started for this discharge (false: the member already had an open case). */
  readonly caseStarted: boolean | null;
  readonly tasks: readonly TransitionTaskView[];
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

/** Failure type of a refused discharge action (the API answers 409 with the message). */
export const DISCHARGE_RULE_VIOLATION = 'DischargeRuleViolation';

export interface DischargeWorkflowResult {
  readonly tasks: readonly Pick<TransitionTaskView, 'task' | 'status' | 'late'>[];
}

/** What the activity that ensures the case answers. */
export interface EnsureCaseResult {
  /** True when this call started the case (it was not open). */
  readonly started: boolean;
}
