import type { NotificationRequest } from '@careloop/contracts';

const at = (hours: number): string => new Date(Date.now() + hours * 3600_000).toISOString();

/** Params of every shape the workflows send (PHI-free ids, vocabulary values, instants). */
export const SAMPLE_PARAMS: NotificationRequest['params'] = {
  taskKey: 'contact-3', clock: 'C8', subject: 'contact', dueAt: at(24), workItemId: 'case:c-1:e-1:contact-3', careManagerId: 'cm-1', riskTier: 'high',
  attemptNumber: 2, channel: 'phone', attempts: 3, taskKind: 'contact', requestId: 'pr-1', providerId: 'prov-1', decision: 'approved', pcpId: 'prov-1',
  activePlanVersion: 2, planVersion: 2, programCode: 'CM', pointOfContact: 'cm-1', reportSeq: 5, eventSeq: 6, monthsInProgram: 3, step: 'monitoring',
  dischargeId: 'd-1', task: 'member_contact', dischargedAt: at(-48), reviewId: 'ur-1', decisionDueAt: at(72), missing: 'diagnosis_code,clinical_notes',
  level: 'initial', urgency: 'standard', approvedQuantity: 4, appealableUntil: at(24 * 60), complaintId: 'cp-1', acknowledgeBy: at(48), resolveBy: at(24 * 30),
  instructions: 'complaint-process', acknowledgedBy: 'cm-1', outcome: 'upheld',
};

/** Words that would be clinical detail or identity in an insecure channel. */
export const PHI_CANARIES = ['Maria', 'Lopez', '1961-04-12', 'diabetes', 'depression', 'diagnos', 'symptom', 'adherence', 'medication', 'discharge', 'clinical', 'risk', 'case c-1', 'c-1'];
