import { needsNamedCareManager } from '@careloop/domain';
import {
  SYSTEM_ACTOR,
  changePcpUpdate,
  reassignUpdate,
  type AssignmentOutcome,
  type AssignmentRequest,
  type CaseActionResult,
  type ChangePcpInput,
  type ReassignInput,
  type ReassignmentOutcome,
  type ReassignmentRequest,
} from '@careloop/contracts';
import { CaseRuleViolation } from '../shared/case-rule-violation';
import { assignment } from './case-activities';
import { nowIso } from '../shared/workflow-time';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';

/**
 * The care team around the member: the named care manager that high and
 * medium risk need (seed 001 a., never over the caseload cap), reassignment,
 * and the member's PCP.
 */
export function registerCareTeam(k: CaseKernel, on: CaseActionRegistrar): void {
  on(changePcpUpdate, (i, now) => changePcp(k, i, now), (i) => checkChangePcp(k, i));
  // The one asynchronous handler: the new care manager's capacity is checked (and taken) in Postgres.
  on(
    reassignUpdate,
    async (i, now) => applyReassignment(k, i, await assignment.reassignCareManager(reassignmentRequest(k, i, now)), nowIso()),
    (i) => checkReassign(k, i),
  );
}

/** Who the member and providers contact: the named care manager, else the program's care team. */
export function pointOfContact(k: CaseKernel): string {
  return k.rec.careManagerId ?? `care-team:${k.programCode}`;
}

/** High and medium risk need a named care manager; asked once, then left to a supervisor if nobody had capacity. */
export function assignmentDue(k: CaseKernel): boolean {
  const r = k.rec;
  return !k.isClosed && r.riskTier !== null && needsNamedCareManager(r.riskTier) && r.careManagerId === null && !r.unassigned;
}

/** Asks Postgres for a care manager with capacity (the lifecycle loop does this before anything else when due). */
export async function assignCareManager(k: CaseKernel): Promise<void> {
  applyAssignment(k, await assignment.assignCareManager(assignmentRequest(k, nowIso())), nowIso());
}

export function assignmentRequest(k: CaseKernel, now: string): AssignmentRequest {
  return {
    caseId: k.caseId,
    episodeId: k.episodeId,
    riskTier: k.rec.riskTier!,
    preferredLanguage: k.rec.preferredLanguage,
    caseloadCap: k.policy.caseloadCap,
    at: now,
  };
}

export function applyAssignment(k: CaseKernel, outcome: AssignmentOutcome, now: string): void {
  k.retrying = null;
  if (outcome.careManagerId !== null) {
    k.rec.careManagerId = outcome.careManagerId;
    k.emit(now, SYSTEM_ACTOR, `care manager ${outcome.careManagerId} assigned`, {
      kind: 'care_manager_assigned',
      careManagerId: outcome.careManagerId,
      languageMatch: outcome.languageMatch,
    });
    k.notify(now, {
      key: k.episodeKey('assigned', outcome.careManagerId),
      audience: 'care_team',
      template: 'case_assigned',
      params: { careManagerId: outcome.careManagerId, riskTier: k.rec.riskTier },
    });
    return;
  }
  k.rec.unassigned = true;
  k.emit(now, SYSTEM_ACTOR, 'no care manager with capacity: flagged unassigned', { kind: 'assignment_unavailable' });
  k.notify(now, { key: k.episodeKey('unassigned'), audience: 'supervisor', template: 'no_care_manager_capacity', params: { riskTier: k.rec.riskTier } });
}

export function checkReassign(k: CaseKernel, input: ReassignInput): void {
  k.requireOpen();
  if (input.careManagerId === k.rec.careManagerId) {
    throw new CaseRuleViolation(`the case is already assigned to ${input.careManagerId}`);
  }
}

export function reassignmentRequest(k: CaseKernel, input: ReassignInput, now: string): ReassignmentRequest {
  return {
    caseId: k.caseId,
    episodeId: k.episodeId,
    toCareManagerId: input.careManagerId,
    riskTier: k.rec.riskTier ?? 'low',
    caseloadCap: k.policy.caseloadCap,
    at: now,
    allowOverCap: input.overrideCap === true,
  };
}

/** Applies the assignment the activity made, or refuses with why (never over cap: seed 001). */
export function applyReassignment(k: CaseKernel, input: ReassignInput, outcome: ReassignmentOutcome, now: string): CaseActionResult {
  k.requireOpen();
  if (outcome.careManagerId === null) {
    throw new CaseRuleViolation(
      outcome.status === 'over_cap' ? `${input.careManagerId} is at the caseload cap; choose someone with capacity` : `${input.careManagerId} is not an active care manager`,
    );
  }
  const from = k.rec.careManagerId;
  k.rec.careManagerId = outcome.careManagerId;
  k.rec.unassigned = false;
  k.progress(now);
  const seq = k.emit(now, input.actorId, `reassigned ${from ?? 'none'} -> ${outcome.careManagerId}`, {
    kind: 'care_manager_reassigned',
    from,
    to: outcome.careManagerId,
    reason: input.overrideCap ? `${input.reason} (caseload cap overridden)` : input.reason,
  });
  k.notify(now, {
    key: k.episodeKey('assigned', outcome.careManagerId, seq),
    audience: 'care_team',
    template: 'case_assigned',
    params: { careManagerId: outcome.careManagerId, riskTier: k.rec.riskTier },
  });
  return k.result(seq);
}

export function checkChangePcp(k: CaseKernel, input: ChangePcpInput): void {
  k.requireOpen();
  if (input.pcpId === k.rec.pcpId) {
    throw new CaseRuleViolation(`${input.pcpId} is already the member's PCP`);
  }
}

/** The care plan and referrals stay with the case; the new PCP is informed (seed 002 §4.11.7.4.4). */
export function changePcp(k: CaseKernel, input: ChangePcpInput, now: string): CaseActionResult {
  checkChangePcp(k, input);
  const from = k.rec.pcpId;
  k.rec.pcpId = input.pcpId;
  k.progress(now);
  const seq = k.emit(now, input.actorId, `PCP changed ${from ?? 'none'} -> ${input.pcpId}`, { kind: 'pcp_changed', from, to: input.pcpId });
  k.notify(now, {
    key: k.episodeKey('pcp', input.pcpId, seq),
    audience: 'provider',
    template: 'pcp_care_plan_handover',
    params: { pcpId: input.pcpId, activePlanVersion: k.rec.activePlanVersion },
  });
  return k.result(seq);
}
