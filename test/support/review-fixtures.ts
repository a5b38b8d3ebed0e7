import type { TreatmentRequest, UrUrgency } from '@careloop/domain';
import type { ComplaintInput, UtilizationReviewInput } from '@careloop/contracts';
import { reviewPolicy } from './review-workflow-harness';

export const clinicalNotes = { id: 'doc-1', kind: 'clinical_notes' as const, title: 'Visit notes', reference: 'dms://notes/1' };

/** A complete request (diagnosis codes and clinical documentation), unless told otherwise. */
export function treatmentRequest(overrides: Partial<TreatmentRequest> = {}): TreatmentRequest {
  return {
    serviceCode: '97110',
    description: 'Physical therapy, therapeutic exercise',
    quantity: 12,
    diagnosisCodes: ['M54.5'],
    justification: 'Persistent low back pain after six weeks of home exercise.',
    documents: [clinicalNotes],
    ...overrides,
  };
}

export function urInput(urgency: UrUrgency, request: TreatmentRequest = treatmentRequest(), caseId: string | null = null): UtilizationReviewInput {
  return { providerId: 'prov-9', memberRef: 'M-UR-1', programCode: 'CCM', caseId, urgency, request, policy: reviewPolicy() };
}

export function complaintInput(overrides: Partial<ComplaintInput> = {}): ComplaintInput {
  return {
    complainant: { kind: 'provider', id: 'prov-9' },
    channel: 'verbal',
    subject: 'program',
    caseId: null,
    programCode: 'CCM',
    summary: 'Could not reach the care manager for a week.',
    policy: reviewPolicy(),
    ...overrides,
  };
}
