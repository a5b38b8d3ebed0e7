import type { AlertText, TemplateFields as F, TemplateSet } from './template.types';

const due = (f: F, name = 'dueAt'): string => (f.v(name) ? ` It is due ${f.at(name)}.` : '');

/** English texts (the fallback language). In-app detail only: email and SMS use EN_ALERT. */
export const EN_TEMPLATES: TemplateSet = {
  case_assigned: { care_team: { subject: () => 'A case was assigned to you', body: (f) => `Case ${f.v('caseId')} is now yours${f.v('riskTier') ? ` (risk tier: ${f.term('riskTier')})` : ''}. Open it to plan the first contact.` } },
  no_care_manager_capacity: { supervisor: { subject: () => 'A case has no care manager', body: (f) => `No care manager had capacity for case ${f.v('caseId')}${f.v('riskTier') ? ` (risk tier: ${f.term('riskTier')})` : ''}. Assign one.` } },
  outreach_attempt_due: { care_team: { subject: (f) => `Outreach attempt ${f.v('attemptNumber')} is due`, body: (f) => `Make outreach attempt ${f.v('attemptNumber')} for case ${f.v('caseId')}${f.v('channel') ? ` (${f.term('channel')})` : ''}.${due(f)}` } },
  unable_to_reach_parked: { supervisor: { subject: () => 'A member could not be reached', body: (f) => `Case ${f.v('caseId')} is waiting for your decision after ${f.v('attempts')} outreach attempts.` } },
  task_nudged: { care_team: { subject: (f) => `Reminder: ${f.term('taskKind')}`, body: (f) => `A supervisor asked you to look at task ${f.v('taskKey')} (${f.term('taskKind')}) on case ${f.v('caseId')}.${due(f)}` } },
  plan_review_due: { care_team: { subject: () => 'A care plan review is due', body: (f) => `The care plan of case ${f.v('caseId')} is due for review (task ${f.v('taskKey')}).${due(f)}` } },
  reassessment_due: { care_team: { subject: () => 'A reassessment is due', body: (f) => `Case ${f.v('caseId')} is due for reassessment (task ${f.v('taskKey')}).${due(f)}` } },
  task_reminder: {
    care_team: { subject: (f) => `Due soon: ${f.term('subject')}`, body: (f) => `Task ${f.v('taskKey')} (${f.term('subject')}, clock ${f.v('clock')}) on case ${f.v('caseId')} is due ${f.at('dueAt')}.` },
    supervisor: { subject: (f) => `Due soon: ${f.term('subject')}`, body: (f) => `Task ${f.v('taskKey')} (${f.term('subject')}, clock ${f.v('clock')}) on case ${f.v('caseId')} is due ${f.at('dueAt')}.` },
  },
  task_missed: { supervisor: { subject: (f) => `Missed: ${f.term('subject')}`, body: (f) => `Task ${f.v('taskKey')} (${f.term('subject')}, clock ${f.v('clock')}) on case ${f.v('caseId')} was due ${f.at('dueAt')} and is not done. It is escalated to you.` } },
  supplemental_info_requested: { provider: { subject: () => 'Supplemental information requested', body: (f) => `Please send the supplemental information requested for case ${f.v('caseId')}.${due(f)}` } },
  supplemental_info_overdue: { supervisor: { subject: () => 'Supplemental information is overdue', body: (f) => `The supplemental information for case ${f.v('caseId')} has not arrived.${due(f).replace('It is due', 'It was due')}` } },
  stop_participation_review_due: { supervisor: { subject: () => 'A stop-participation request needs review', body: (f) => `Provider ${f.v('providerId')} asked to stop participation on case ${f.v('caseId')} (request ${f.v('requestId')}). Decide it.${due(f)}` } },
  care_manager_change_requested: { supervisor: { subject: () => 'A care manager change was requested', body: (f) => `Provider ${f.v('providerId')} asked for a different care manager on case ${f.v('caseId')} (request ${f.v('requestId')}${f.v('careManagerId') ? `, current: ${f.v('careManagerId')}` : ''}).` } },
  stop_participation_decided: { provider: { subject: () => 'Your stop-participation request was decided', body: (f) => `Request ${f.v('requestId')} on case ${f.v('caseId')} was ${f.term('decision')}.` } },
  pcp_care_plan_handover: { provider: { subject: () => 'A care plan was handed over to you', body: (f) => `You are now the PCP on case ${f.v('caseId')}${f.v('activePlanVersion') ? `; the active care plan is version ${f.v('activePlanVersion')}` : ''}.` } },
  care_plan_summary_available: { provider: { subject: () => 'A care plan summary is available', body: (f) => `Version ${f.v('planVersion')} of the care plan for case ${f.v('caseId')} (program ${f.v('programCode')}) is available to read.` } },
  provider_report_forwarded: { provider: { subject: () => 'Your report was received', body: (f) => `Your report on case ${f.v('caseId')} was recorded (event ${f.v('reportSeq')}).` } },
  symptom_increase: { provider: { subject: () => 'A monitoring event needs your attention', body: (f) => `A monitoring event was recorded on case ${f.v('caseId')} (event ${f.v('eventSeq')}). Sign in to read it.` } },
  adherence_variation: { provider: { subject: () => 'A monitoring event needs your attention', body: (f) => `A monitoring event was recorded on case ${f.v('caseId')} (event ${f.v('eventSeq')}). Sign in to read it.` } },
  committee_case_update: { committee: { subject: () => 'A case update is ready', body: (f) => `A case update is ready for the committee: ${f.v('monthsInProgram')} months in the program, risk tier ${f.term('riskTier')}, step ${f.term('step')}.` } },
  transition_task_reminder: { care_team: { subject: (f) => `Discharge follow-up due: ${f.term('task')}`, body: (f) => `The transition-of-care task "${f.term('task')}" of discharge ${f.v('dischargeId')} (case ${f.v('caseId')}) is due ${f.at('dueAt')}.` } },
  transition_task_missed: { care_team: { subject: (f) => `Discharge follow-up missed: ${f.term('task')}`, body: (f) => `The transition-of-care task "${f.term('task')}" of discharge ${f.v('dischargeId')} (case ${f.v('caseId')}) was due ${f.at('dueAt')} and is not done.` } },
  transition_task_escalated: { supervisor: { subject: (f) => `Discharge follow-up escalated: ${f.term('task')}`, body: (f) => `The transition-of-care task "${f.term('task')}" of discharge ${f.v('dischargeId')} (case ${f.v('caseId')}) was due ${f.at('dueAt')}; it is escalated to you.` } },
  pcp_discharge_notice: { provider: { subject: () => 'A patient of yours was discharged', body: (f) => `Discharge ${f.v('dischargeId')} (case ${f.v('caseId')}) on ${f.at('dischargedAt')}. Sign in to read the transition-of-care details.` } },
  ur_request_received: { provider: { subject: () => 'Your review request was received', body: (f) => `Review ${f.v('reviewId')} was received.${f.v('decisionDueAt') ? ` A decision is due by ${f.at('decisionDueAt')}.` : ' It is incomplete; we will tell you what is missing.'}` } },
  ur_information_requested: { provider: { subject: () => 'More information is needed for your review request', body: (f) => `Review ${f.v('reviewId')} needs: ${f.term('missing')}.${due(f)}` } },
  ur_information_window_closed: { provider: { subject: () => 'The information window of your review request closed', body: (f) => `Review ${f.v('reviewId')} is decided without: ${f.term('missing')}.` } },
  ur_decision_notice: {
    provider: { subject: () => 'A review decision was made', body: (f) => `Review ${f.v('reviewId')} (${f.term('level')}): ${f.term('decision')}.${f.v('approvedQuantity') ? ` Approved quantity: ${f.v('approvedQuantity')}.` : ''}${f.v('appealableUntil') ? ` It can be appealed until ${f.at('appealableUntil')}.` : ''}` },
    member: { subject: () => 'A decision about your care request', body: (f) => `A decision was made on review ${f.v('reviewId')}: ${f.term('decision')}.${f.v('appealableUntil') ? ` You may appeal until ${f.at('appealableUntil')}.` : ''}` },
  },
  ur_decision_deadline_near: { supervisor: { subject: () => 'A review decision is due soon', body: (f) => `Review ${f.v('reviewId')} (${f.term('level')}, ${f.term('urgency')}) must be decided by ${f.at('dueAt')}.` } },
  ur_decision_overdue: { supervisor: { subject: () => 'A review decision is overdue', body: (f) => `Review ${f.v('reviewId')} (${f.term('level')}, ${f.term('urgency')}) was due ${f.at('dueAt')} and is not decided.` } },
  ur_appeal_received: { provider: { subject: () => 'Your appeal was received', body: (f) => `The appeal of review ${f.v('reviewId')} was received.${f.v('decisionDueAt') ? ` A decision is due by ${f.at('decisionDueAt')}.` : ''}` } },
  complaint_received: {
    member: { subject: () => 'We received your complaint', body: (f) => `Complaint ${f.v('complaintId')} was received. We acknowledge it by ${f.at('acknowledgeBy')} and resolve it by ${f.at('resolveBy')}.` },
    provider: { subject: () => 'Your complaint was received', body: (f) => `Complaint ${f.v('complaintId')} was received. Acknowledgement by ${f.at('acknowledgeBy')}, resolution by ${f.at('resolveBy')}.` },
  },
  complaint_acknowledged: {
    member: { subject: () => 'Your complaint is being handled', body: (f) => `Complaint ${f.v('complaintId')} was acknowledged. We resolve it by ${f.at('resolveBy')}.` },
    provider: { subject: () => 'Your complaint was acknowledged', body: (f) => `Complaint ${f.v('complaintId')} was acknowledged; resolution by ${f.at('resolveBy')}.` },
  },
  complaint_resolved: {
    member: { subject: () => 'Your complaint was resolved', body: (f) => `Complaint ${f.v('complaintId')} was resolved (${f.term('outcome')}).` },
    provider: { subject: () => 'Your complaint was resolved', body: (f) => `Complaint ${f.v('complaintId')} was resolved (${f.term('outcome')}).` },
  },
  complaint_acknowledgement_overdue: { supervisor: { subject: () => 'A complaint acknowledgement is overdue', body: (f) => `Complaint ${f.v('complaintId')} was to be acknowledged by ${f.at('dueAt')}.` } },
  complaint_resolution_overdue: { supervisor: { subject: () => 'A complaint resolution is overdue', body: (f) => `Complaint ${f.v('complaintId')} was to be resolved by ${f.at('dueAt')}.` } },
};

export const EN_ALERT: AlertText = {
  subject: 'CareLoop: you have a new message',
  body: (where) => `You have a new message in CareLoop.\nSign in to read it: ${where}\n\nThis email does not contain the message itself.\n`,
  sms: (where) => `CareLoop: you have a new message. Read it at ${where}`,
};

/** Vocabulary values shown in English (the rest show with underscores as spaces). */
export const EN_TERMS: Readonly<Record<string, string>> = {
  high: 'high', medium: 'medium', low: 'low',
  approved: 'approved', rejected: 'rejected',
  initial: 'initial review', appeal: 'appeal', standard: 'standard', expedited: 'expedited',
  member_contact: 'contact with the member', medication_reconciliation: 'medication reconciliation', follow_up_visit: 'follow-up visit', pcp_informed: 'PCP informed of the discharge',
  screening_deadline: 'screening deadline', outreach_attempt: 'outreach attempt', plan_consent: 'plan consent', member_discussion: 'plan discussion with the member',
  stop_participation_review: 'stop-participation review', supplemental_info: 'supplemental information', plan_review: 'care plan review', care_plan: 'care plan',
};
