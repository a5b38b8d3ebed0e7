import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ComplainantKind, ComplaintChannel, ComplaintOutcome, ComplaintSubject, ReviewPolicy } from '@careloop/domain';

export const COMPLAINT_WORKFLOW_TYPE = 'complaintWorkflow';

/** Input of a complaint; `summary` is the complainant's words (PHI): encrypted payloads and Postgres only. */
export interface ComplaintInput {
  readonly complainant: { readonly kind: ComplainantKind; readonly id: string };
  readonly channel: ComplaintChannel;
  readonly subject: ComplaintSubject;
  readonly caseId: string | null;
  readonly programCode: string | null;
  readonly summary: string;
  readonly policy: ReviewPolicy;
}

export const COMPLAINT_STATUSES = ['received', 'acknowledged', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export interface AcknowledgeComplaintInput {
  readonly actorId: string;
}
export interface ResolveComplaintInput {
  readonly actorId: string;
  readonly outcome: ComplaintOutcome;
  /** What was done; sent to nobody but stored (may hold PHI). */
  readonly resolution: string;
}

/** What `GET /complaints/:id` shows: no complaint text, no member reference. */
export interface ComplaintView {
  readonly complaintId: string;
  readonly channel: ComplaintChannel;
  readonly complainantKind: ComplainantKind;
  readonly complainantId: string;
  readonly subject: ComplaintSubject;
  readonly caseId: string | null;
  readonly status: ComplaintStatus;
  readonly policyVersion: string;
  readonly receivedAt: string;
  readonly acknowledgeBy: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  readonly resolveBy: string;
  readonly resolvedAt: string | null;
  readonly outcome: ComplaintOutcome | null;
  readonly escalatedAt: { readonly acknowledgement: string | null; readonly resolution: string | null };
}

export interface ComplaintActionResult {
  readonly status: ComplaintStatus;
}

export const acknowledgeComplaintUpdate = defineUpdate<ComplaintActionResult, [AcknowledgeComplaintInput]>('acknowledgeComplaint');
export const resolveComplaintUpdate = defineUpdate<ComplaintActionResult, [ResolveComplaintInput]>('resolveComplaint');
export const complaintQuery = defineQuery<ComplaintView>('complaint');

export interface ComplaintRecord {
  readonly version: number;
  readonly summary: string;
  readonly resolution: string | null;
  readonly view: ComplaintView;
}
