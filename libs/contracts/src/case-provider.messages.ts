import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CasePhase, CaseStatus } from '@careloop/domain';
import type { CaseActionResult } from './case.messages';
import type { ProviderRequestKind } from './case.vocabulary';

/**
 * Provider rights on a case (seed 000): know who manages the patient and
 * ask for a change; ask that the patient stop participating (decided by a
 * supervisor); see the patient's plan summary.
 */

export interface ProviderRequestInput {
  readonly actorId: string;
  readonly providerId: string;
  /** Why (shown to supervisors; must hold no clinical detail). */
  readonly reason: string;
}

export interface DecideStopParticipationInput {
  readonly actorId: string;
  readonly requestId: string;
  readonly decision: 'approve' | 'reject';
  readonly reason: string;
}

export interface ProviderRequestView {
  readonly requestId: string;
  readonly kind: ProviderRequestKind;
  readonly providerId: string;
  readonly status: 'pending' | 'approved' | 'rejected' | 'forwarded';
  readonly receivedAt: string;
  /** Supervisor review due by (stop requests). */
  readonly dueAt: string | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
}

export interface ProviderRequestResult extends CaseActionResult {
  readonly requestId: string;
}

/** The active plan as a treating provider sees it (read from the stored plan version): goals, interventions, referral specialties (no problem list, no notes). */
export interface PlanSummaryView {
  readonly version: number;
  readonly consentedAt: string | null;
  readonly goals: readonly { readonly id: string; readonly description: string; readonly targetDate: string }[];
  readonly interventions: readonly { readonly id: string; readonly description: string; readonly owner: string }[];
  readonly referrals: readonly { readonly id: string; readonly specialty: string }[];
}

/** Provider-facing view of a case: who manages it and how to reach them; no member details, no assessment. */
export interface ProviderCaseView {
  readonly caseId: string;
  readonly programCode: string;
  readonly phase: CasePhase;
  readonly status: CaseStatus;
  readonly careManagerId: string | null;
  readonly pointOfContact: string;
  readonly pcpId: string | null;
  readonly activePlanVersion: number | null;
  readonly providerRequests: readonly ProviderRequestView[];
}

export const stopParticipationRequestUpdate = defineUpdate<ProviderRequestResult, [ProviderRequestInput]>('requestStopParticipation');
export const careManagerChangeRequestUpdate = defineUpdate<ProviderRequestResult, [ProviderRequestInput]>('requestCareManagerChange');
export const decideStopParticipationUpdate = defineUpdate<CaseActionResult, [DecideStopParticipationInput]>('decideStopParticipation');
export const providerViewQuery = defineQuery<ProviderCaseView>('providerView');
