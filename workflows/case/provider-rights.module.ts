import { addMs, DEFAULT_PROGRAM_POLICY } from '@careloop/domain';
import {
  careManagerChangeRequestUpdate,
  decideStopParticipationUpdate,
  stopParticipationRequestUpdate,
  type CaseActionResult,
  type DecideStopParticipationInput,
  type ProviderRequestInput,
  type ProviderRequestKind,
  type ProviderRequestResult,
} from '@careloop/contracts';
import { CaseRuleViolation } from '../shared/case-rule-violation';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';

/**
 * Provider rights (seed 000): a treating provider may ask that the patient
 * stop participating (a supervisor decides, on a clock) or for another care
 * manager (forwarded to the supervisor, who reassigns or not).
 */
export function registerProviderRights(k: CaseKernel, on: CaseActionRegistrar): void {
  on(stopParticipationRequestUpdate, (i, now) => requestStopParticipation(k, i, now), (i) => checkProviderRequest(k, 'stop_participation', i));
  on(careManagerChangeRequestUpdate, (i, now) => requestCareManagerChange(k, i, now), (i) => checkProviderRequest(k, 'care_manager_change', i));
  on(decideStopParticipationUpdate, (i, now) => decideStopParticipation(k, i, now), (i) => checkDecideStopParticipation(k, i));
}

export function checkProviderRequest(k: CaseKernel, kind: ProviderRequestKind, input: ProviderRequestInput): void {
  k.requireOpen();
  const pending = k.rec.providerRequests.find((r) => r.kind === kind && r.status === 'pending' && r.providerId === input.providerId);
  if (pending) {
    throw new CaseRuleViolation(`provider ${input.providerId} already has request ${pending.requestId} pending`);
  }
}

/** A supervisor review task with the policy's due time; the case stays open until decided. */
export function requestStopParticipation(k: CaseKernel, input: ProviderRequestInput, now: string): ProviderRequestResult {
  checkProviderRequest(k, 'stop_participation', input);
  const reviewMs = k.policy.providerRequests?.stopParticipationReviewMs ?? DEFAULT_PROGRAM_POLICY.providerRequests.stopParticipationReviewMs;
  const dueAt = addMs(now, reviewMs);
  const { requestId, seq } = receiveProviderRequest(k, 'stop_participation', input, dueAt, now);
  k.openTask(`stop-participation-${requestId}`, 'stop_participation_review', dueAt, now);
  k.notify(now, {
    key: k.episodeKey(requestId, 'review'),
    audience: 'supervisor',
    template: 'stop_participation_review_due',
    params: { requestId, providerId: input.providerId, dueAt },
  });
  return { ...k.result(seq), requestId };
}

export function requestCareManagerChange(k: CaseKernel, input: ProviderRequestInput, now: string): ProviderRequestResult {
  checkProviderRequest(k, 'care_manager_change', input);
  const { requestId, seq } = receiveProviderRequest(k, 'care_manager_change', input, null, now);
  k.rec.providerRequests.find((r) => r.requestId === requestId)!.status = 'forwarded';
  k.notify(now, {
    key: k.episodeKey(requestId, 'forwarded'),
    audience: 'supervisor',
    template: 'care_manager_change_requested',
    params: { requestId, providerId: input.providerId, careManagerId: k.rec.careManagerId },
  });
  return { ...k.result(seq), requestId };
}

function receiveProviderRequest(k: CaseKernel, kind: ProviderRequestKind, input: ProviderRequestInput, dueAt: string | null, now: string) {
  const requestId = `pr-${k.rec.providerRequests.length + 1}`;
  k.rec.providerRequests.push({ requestId, kind, providerId: input.providerId, status: 'pending', receivedAt: now, dueAt, decidedAt: null, decidedBy: null });
  k.progress(now);
  const seq = k.emit(now, input.actorId, `provider ${input.providerId} requested ${kind.replace(/_/g, ' ')} (${requestId})`, {
    kind: 'provider_request_received',
    requestId,
    requestKind: kind,
    providerId: input.providerId,
    reason: input.reason,
  });
  return { requestId, seq };
}

export function checkDecideStopParticipation(k: CaseKernel, input: DecideStopParticipationInput): void {
  k.requireOpen();
  const request = k.rec.providerRequests.find((r) => r.requestId === input.requestId && r.kind === 'stop_participation');
  if (!request) {
    throw new CaseRuleViolation(`there is no stop-participation request ${input.requestId} on this case`);
  }
  if (request.status !== 'pending') {
    throw new CaseRuleViolation(`request ${input.requestId} was already ${request.status}`);
  }
}

/** Approval closes the case (`provider_request`); rejection keeps it open. The provider is told either way. */
export function decideStopParticipation(k: CaseKernel, input: DecideStopParticipationInput, now: string): CaseActionResult {
  checkDecideStopParticipation(k, input);
  const request = k.rec.providerRequests.find((r) => r.requestId === input.requestId)!;
  const decision = input.decision === 'approve' ? 'approved' : 'rejected';
  request.status = decision;
  request.decidedAt = now;
  request.decidedBy = input.actorId;
  k.progress(now);
  const seq = k.emit(now, input.actorId, `stop-participation request ${request.requestId} ${decision}`, {
    kind: 'provider_request_decided',
    requestId: request.requestId,
    decision,
    reason: input.reason,
  });
  k.closeTask(`stop-participation-${request.requestId}`, 'done', now);
  k.notify(now, {
    key: k.episodeKey(request.requestId, 'decided'),
    audience: 'provider',
    template: 'stop_participation_decided',
    params: { requestId: request.requestId, providerId: request.providerId, decision },
  });
  if (decision === 'approved') {
    k.close('provider_request', now, input.actorId, `stop requested by provider ${request.providerId} (${request.requestId})`);
  }
  return k.result(seq);
}
